import { buildTestApp } from '@labtrack/service-kit/testing'
import t from 'tap'
import { freezers } from '../src/cases/freezer.js'
import { contractSuite } from '../src/suite.js'

await contractSuite(t, freezers, await buildTestApp(t, [freezers.service], { exampleData: true }))
