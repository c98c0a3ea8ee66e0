import { buildTestApp } from '@labtrack/service-kit/testing'
import t from 'tap'
import { sites } from '../src/cases/site.js'
import { contractSuite } from '../src/suite.js'

await contractSuite(t, sites, await buildTestApp(t, [sites.service], { exampleData: true }))
