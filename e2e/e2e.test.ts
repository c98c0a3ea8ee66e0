import t from 'tap'
import { startE2eStack } from './src/e2e-stack.js'
import { apiSuite } from './suites/api.js'
import { browserSuite } from './suites/browser.js'
import { gatewayErrorsSuite } from './suites/gateway-errors.js'
import { labDaySuite } from './suites/lab-day.js'
import { propertySuite } from './suites/property.js'
import { resilienceSuite } from './suites/resilience.js'

// One stack for every suite (starting it is the slow part); the resilience
// suite stops and restarts a service, so it runs after the others that need
// the example rows as they are, and the property suite, which changes and
// deletes rows at random, runs last.
const stack = await startE2eStack()
t.teardown(() => stack.stop())

t.test('the API through the gateway', (t) => apiSuite(t, stack))
t.test('the UI in Chromium', (t) => browserSuite(t, stack))
t.test('a lab day with boxes and tubes, in Chromium', (t) => labDaySuite(t, stack))
t.test('every error of the gateway is a problem; its limits', (t) => gatewayErrorsSuite(t, stack))
t.test('a service down and back', (t) => resilienceSuite(t, stack))
t.test('requests generated from the OpenAPI document, valid and hostile', (t) => propertySuite(t, stack))
