import type { TestApp } from '@labtrack/service-kit/testing'
import t from 'tap'
import { sites } from '../src/cases/site.js'
import { contractSuite } from '../src/suite.js'

t.test('a resource without example rows is told what the suite needs, before anything runs', async (t) => {
  await t.rejects(contractSuite(t, { ...sites, examples: [sites.examples[0] ?? {}] as never }, {} as TestApp), {
    message: 'the contract suite needs at least two example sites in postgres_scripts/mock_data.sql',
  })
})
