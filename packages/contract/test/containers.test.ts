import { buildTestApp } from '@labtrack/service-kit/testing'
import t from 'tap'
import { containers } from '../src/cases/container.js'
import { contractSuite } from '../src/suite.js'

await contractSuite(t, containers, await buildTestApp(t, [containers.service], { exampleData: true }))
