import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { letPostgresReach } from '../src/search-permission.js'

const mode = async (path: string) => (await stat(path)).mode & 0o777

t.test('as root, private folders on the way get the search permission for others, and nothing more', async (t) => {
  const top = await mkdtemp(join(tmpdir(), 'labtrack-private-'))
  t.teardown(() => rm(top, { recursive: true, force: true }))
  const inner = join(top, 'checkout', 'node_modules')
  await mkdir(inner, { recursive: true })
  await chmod(join(top, 'checkout'), 0o750)
  t.equal(await mode(top), 0o700, 'mkdtemp makes a private folder')

  const changed = await letPostgresReach([inner], 0)
  t.strictSame(
    changed,
    [top, join(top, 'checkout')].filter(Boolean).sort((a, b) => b.length - a.length),
  )
  t.equal(await mode(top), 0o701)
  t.equal(await mode(join(top, 'checkout')), 0o751)
  t.equal(await mode(inner), 0o755, 'already passable: untouched')
  t.strictSame(await letPostgresReach([inner], 0), [], 'a second call changes nothing')
})

t.test('other users run the cluster as themselves: nothing changes', async (t) => {
  const top = await mkdtemp(join(tmpdir(), 'labtrack-private-'))
  t.teardown(() => rm(top, { recursive: true, force: true }))
  t.strictSame(await letPostgresReach([top], 1000), [])
  t.equal(await mode(top), 0o700)
})
