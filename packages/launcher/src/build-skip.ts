import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { ROOT_DIR } from '@labtrack/db-tools'

// A build step is skipped when what it is made of holds what it held when it
// last ran (contents, not file times: a checkout or a copy changes those) and
// what it writes is still there. The record of each step is a hash of its
// inputs, kept outside the built folders (nginx serves packages/web/dist).

export type StepResult = 'built' | 'up to date'

export interface Step {
  /** What the log and the record call it. */
  name: string
  /** Files and folders (every file below them, but node_modules, dist and test folders) the step reads. */
  inputs: string[]
  /** Files the step writes: missing one, it runs. */
  outputs: string[]
  run: () => Promise<unknown>
}

export const RECORD_DIR = join(ROOT_DIR, 'node_modules/.cache/labtrack-build')
const SKIPPED = new Set(['node_modules', 'dist', 'test', 'coverage'])

async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined)
  if (!info?.isDirectory()) return [path]
  const entries = await readdir(path, { withFileTypes: true })
  const nested = await Promise.all(
    entries.filter((entry) => !SKIPPED.has(entry.name)).map((entry) => filesUnder(join(path, entry.name))),
  )
  return nested.flat()
}

/** One hash of every input file's path and content (a missing file counts as missing). */
export async function inputsHash(inputs: string[]): Promise<string> {
  const files = [...new Set((await Promise.all(inputs.map(filesUnder))).flat())].sort()
  const hash = createHash('sha256')
  for (const file of files) {
    const content = await readFile(file).catch(() => Buffer.from('\0missing'))
    hash.update(`${relative(ROOT_DIR, file)}\0${createHash('sha256').update(content).digest('hex')}\n`)
  }
  return hash.digest('hex')
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

/** Runs the step unless it is up to date; the record is taken after the run, as a step may write its own inputs. */
export async function runStep(step: Step, recordDir = RECORD_DIR): Promise<StepResult> {
  const record = join(recordDir, `${step.name}.sha256`)
  const recorded = await readFile(record, 'utf8').catch(() => '')
  const outputs = await Promise.all(step.outputs.map(exists))
  if (recorded === (await inputsHash(step.inputs)) && outputs.every(Boolean)) return 'up to date'
  await step.run()
  await mkdir(dirname(record), { recursive: true })
  await writeFile(record, await inputsHash(step.inputs))
  return 'built'
}
