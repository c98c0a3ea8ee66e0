import { buildTestApp } from '@labtrack/service-kit/testing'
import t from 'tap'
import { computers } from '../src/cases/computer.js'
import { contractSuite } from '../src/suite.js'

await contractSuite(t, computers, await buildTestApp(t, [computers.service], { exampleData: true }))
