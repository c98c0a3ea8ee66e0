import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { ROOT_DIR } from '@labtrack/db-tools'

// A build step is skipped when what it is made of holds what it held when it
// last ran (contents, not file times: a checkout or a copy changes those) and
// what it writes is still there. The record of each step is a hash of its
// inputs, kept outside the built folders (nginx serves packages/web/dist).

export type StepResult = 'built' | 'up to date'

/** What a step reads and writes. */
export interface StepFiles {
  /** What the log and the record call it. */
  name: string
  /** Files and folders (every file below them, but node_modules, dist and test folders) the step reads. */
  inputs: string[]
  /** Files the step writes: missing one, it runs. */
  outputs: string[]
}

export interface Step extends StepFiles {
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
  // Read all at once (a warm pnpm start waits for this): the order of the hash is the sorted list's.
  const contents = await Promise.all(files.map((file) => readFile(file).catch(() => Buffer.from('\0missing'))))
  const hash = createHash('sha256')
  for (const [index, file] of files.entries()) {
    hash.update(
      `${relative(ROOT_DIR, file)}\0${createHash('sha256')
        .update(contents[index] as Buffer)
        .digest('hex')}\n`,
    )
  }
  return hash.digest('hex')
}

/** Whether something is at `path`. */
export const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

const stepRecord = (step: StepFiles, recordDir: string) => join(recordDir, `${step.name}.sha256`)

/** Whether the step's inputs hold what they held when it last ran, and its outputs are there. */
export async function stepIsUpToDate(step: StepFiles, recordDir = RECORD_DIR): Promise<boolean> {
  const recorded = await readFile(stepRecord(step, recordDir), 'utf8').catch(() => '')
  const outputs = await Promise.all(step.outputs.map(exists))
  return recorded === (await inputsHash(step.inputs)) && outputs.every(Boolean)
}

/** Runs the step unless it is up to date; the record is taken after the run, as a step may write its own inputs. */
export async function runStep(step: Step, recordDir = RECORD_DIR): Promise<StepResult> {
  const record = stepRecord(step, recordDir)
  if (await stepIsUpToDate(step, recordDir)) return 'up to date'
  await step.run()
  await mkdir(dirname(record), { recursive: true })
  await writeFile(record, await inputsHash(step.inputs))
  return 'built'
}

// A bundle's record (beside it, `<bundle>.inputs.json`) maps each file esbuild
// read for it, relative to the bundle's folder, to a hash of its content. The
// files under node_modules are left out of it: they are what the lockfile
// (always an input) says they are, and hashing a thousand of them made every
// `pnpm start` slower by a tenth of a second.

/** The record of the bundle `outfile`: what each input held when it was built. */
export async function writeBundleRecord(outfile: string, inputs: string[]): Promise<void> {
  const own = inputs.filter((input) => !input.split(sep).includes('node_modules'))
  const hashes = await Promise.all(own.map(async (input) => [relative(dirname(outfile), input), await contentHash(input)]))
  await writeFile(`${outfile}.inputs.json`, `${JSON.stringify(Object.fromEntries(hashes))}\n`)
}

/** Up to date: the bundle is there and every file of its record still has the content it had then. */
export async function bundleIsUpToDate(outfile: string): Promise<boolean> {
  if (!(await exists(outfile))) return false
  const recorded = await readFile(`${outfile}.inputs.json`, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, string>,
    () => undefined,
  )
  if (!recorded) return false
  const entries = Object.entries(recorded)
  const now = await Promise.all(entries.map(([input]) => contentHash(join(dirname(outfile), input))))
  return entries.every(([, hash], index) => now[index] === hash)
}

/** What a file holds, as a hash; undefined when it is gone. */
function contentHash(path: string): Promise<string | undefined> {
  return readFile(path).then(
    (content) => createHash('sha256').update(content).digest('base64url'),
    () => undefined,
  )
}
