import t from 'tap'
import { lowerRole, ROLES, roleAllows } from '../src/accounts/roles.js'

t.test('each role may do what the roles below it may, and no more', async (t) => {
  t.strictSame(ROLES, ['viewer', 'editor', 'admin'])
  const allowed = ROLES.flatMap((has) => ROLES.filter((needs) => roleAllows(has, needs)).map((needs) => `${has}>=${needs}`))
  t.strictSame(allowed, ['viewer>=viewer', 'editor>=viewer', 'editor>=editor', 'admin>=viewer', 'admin>=editor', 'admin>=admin'])
})

t.test('the lower of two roles, whichever comes first', async (t) => {
  t.equal(lowerRole('admin', 'viewer'), 'viewer')
  t.equal(lowerRole('viewer', 'admin'), 'viewer')
  t.equal(lowerRole('editor', 'admin'), 'editor')
  t.equal(lowerRole('admin', 'editor'), 'editor')
  t.equal(lowerRole('editor', 'editor'), 'editor')
})
