import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { bundleIsUpToDate, inputsHash, runStep, type Step, stepIsUpToDate, writeBundleRecord } from '../src/build-skip.js'

// A build step runs when what it reads changed or what it writes is gone, and only then.

async function workspace(t: Test) {
  const dir = await mkdtemp(join(tmpdir(), 'labtrack-build-skip-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  await mkdir(join(dir, 'src/nested'), { recursive: true })
  await mkdir(join(dir, 'src/node_modules'), { recursive: true })
  await writeFile(join(dir, 'src/main.ts'), 'one')
  await writeFile(join(dir, 'src/nested/part.ts'), 'two')
  await writeFile(join(dir, 'src/node_modules/dep.js'), 'dependency')
  await writeFile(join(dir, 'config.json'), '{}')
  let runs = 0
  const step: Step = {
    name: 'example',
    inputs: [join(dir, 'src'), join(dir, 'config.json')],
    outputs: [join(dir, 'out/built.txt')],
    run: async () => {
      runs++
      await mkdir(join(dir, 'out'), { recursive: true })
      await writeFile(join(dir, 'out/built.txt'), 'built')
    },
  }
  const records = join(dir, 'records')
  return { dir, step, records, runs: () => runs }
}

t.test('the first run builds; the next, with nothing changed, does not', async (t) => {
  const { step, records, runs } = await workspace(t)
  t.equal(await runStep(step, records), 'built')
  t.equal(await runStep(step, records), 'up to date')
  t.equal(runs(), 1)
})

t.test('a changed, added or removed input rebuilds', async (t) => {
  const { dir, step, records, runs } = await workspace(t)
  await runStep(step, records)
  await writeFile(join(dir, 'src/nested/part.ts'), 'two, changed')
  t.equal(await runStep(step, records), 'built', 'a file below a folder changed')
  await writeFile(join(dir, 'src/nested/new.ts'), 'three')
  t.equal(await runStep(step, records), 'built', 'a file added')
  await rm(join(dir, 'config.json'))
  t.equal(await runStep(step, records), 'built', 'a file removed')
  t.equal(await runStep(step, records), 'up to date')
  t.equal(runs(), 4)
})

t.test('what node_modules holds is not an input; a missing output rebuilds', async (t) => {
  const { dir, step, records, runs } = await workspace(t)
  await runStep(step, records)
  await writeFile(join(dir, 'src/node_modules/dep.js'), 'another version')
  t.equal(await runStep(step, records), 'up to date', 'the lockfile stands for the dependencies')
  await rm(join(dir, 'out'), { recursive: true })
  t.equal(await runStep(step, records), 'built', 'the output was deleted')
  t.equal(runs(), 2)
})

t.test('a step that writes one of its own inputs is up to date after it', async (t) => {
  const { dir, step, records } = await workspace(t)
  const writing: Step = {
    ...step,
    run: async () => {
      await step.run()
      await writeFile(join(dir, 'src/main.ts'), 'generated')
    },
  }
  t.equal(await runStep(writing, records), 'built')
  t.equal(await runStep(writing, records), 'up to date')
})

t.test('the hash: of paths and contents, in a stable order', async (t) => {
  const { dir } = await workspace(t)
  const inputs = [join(dir, 'src'), join(dir, 'config.json')]
  t.equal(await inputsHash(inputs), await inputsHash([...inputs].reverse()), 'order of the inputs does not matter')
  const before = await inputsHash(inputs)
  await rm(join(dir, 'src/main.ts'))
  await writeFile(join(dir, 'src/renamed.ts'), 'one')
  t.not(await inputsHash(inputs), before, 'the same content under another name')
})

t.test('stepIsUpToDate says what runStep would do, without running it', async (t) => {
  const { dir, step, records, runs } = await workspace(t)
  t.notOk(await stepIsUpToDate(step, records), 'never built')
  await runStep(step, records)
  t.ok(await stepIsUpToDate(step, records))
  await writeFile(join(dir, 'src/main.ts'), 'one, changed')
  t.notOk(await stepIsUpToDate(step, records))
  t.equal(runs(), 1)
})

t.test("a bundle's record: its own inputs by content, what node_modules holds left to the lockfile", async (t) => {
  const { dir } = await workspace(t)
  const outfile = join(dir, 'dist/bundle.js')
  t.notOk(await bundleIsUpToDate(outfile), 'no bundle')
  await mkdir(join(dir, 'dist'))
  await writeFile(outfile, 'bundled')
  t.notOk(await bundleIsUpToDate(outfile), 'no record')
  const inputs = [join(dir, 'src/main.ts'), join(dir, 'src/node_modules/dep.js'), join(dir, 'config.json')]
  await writeBundleRecord(outfile, inputs)
  t.ok(await bundleIsUpToDate(outfile))
  await writeFile(join(dir, 'src/node_modules/dep.js'), 'another version')
  t.ok(await bundleIsUpToDate(outfile), 'a dependency changes with the lockfile, which is an input')
  await writeFile(join(dir, 'config.json'), '{}')
  t.ok(await bundleIsUpToDate(outfile), 'written again with the same content')
  await writeFile(join(dir, 'config.json'), '{"a":1}')
  t.notOk(await bundleIsUpToDate(outfile), 'an input changed')
  await writeBundleRecord(outfile, inputs)
  await rm(join(dir, 'src/main.ts'))
  t.notOk(await bundleIsUpToDate(outfile), 'an input is gone')
})
