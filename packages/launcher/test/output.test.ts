import { spawn } from 'node:child_process'
import { existsSync, openSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { openStackOutput } from '../src/stack/output.js'

// Where the stack's processes write: a child that opens /dev/stdout by itself
// (nginx's access log) must reach the launcher's stdout whatever it is, and
// the launcher's own lines keep their [stack] tag.
const FIXTURE = fileURLToPath(new URL('fixtures/reopened-stdout.ts', import.meta.url))
const dir = await mkdtemp(join(tmpdir(), 'labtrack-output-'))
t.teardown(() => rm(dir, { recursive: true, force: true }))

/** Runs the fixture with `stdout` as its stdout (a pipe from Node, i.e. a socket, or a file descriptor). */
function runFixture(args: string[], stdout: 'pipe' | number): Promise<{ code: number | null; output: string }> {
  // The test's own loader flags, so the child compiles TypeScript the same way and its coverage merges.
  const child = spawn(process.execPath, [...process.execArgv, FIXTURE, ...args], { stdio: ['ignore', stdout, 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })))
}

t.test('stdout a socket: the child writes into a named pipe the launcher copies to its stdout', async (t) => {
  const fifo = join(dir, 'socket.fifo')
  const { code, output } = await runFixture([fifo], 'pipe')
  t.equal(code, 0, output)
  t.match(output, /^\[stack\] a line of the launcher$/m)
  t.match(output, /^a line of the child$/m)
  t.notOk(existsSync(fifo), 'the named pipe is removed')
})

t.test('stdout a file: the child inherits it, no named pipe', async (t) => {
  const file = join(dir, 'redirected.log')
  const fifo = join(dir, 'file.fifo')
  const { code, output } = await runFixture([fifo], openSync(file, 'a'))
  t.equal(code, 0, output)
  t.same((await readFile(file, 'utf8')).split('\n').sort(), ['', '[stack] a line of the launcher', 'a line of the child'])
  t.notOk(existsSync(fifo))
})

t.test('a log file: every line goes there, appended, none to stdout', async (t) => {
  const file = join(dir, 'stack.log')
  const fifo = join(dir, 'log-file.fifo')
  for (let run = 0; run < 2; run++) {
    const { code, output } = await runFixture([fifo, file], 'pipe')
    t.equal(code, 0, output)
    t.equal(output, '')
  }
  const lines = (await readFile(file, 'utf8')).split('\n')
  t.equal(lines.filter((line) => line === '[stack] a line of the launcher').length, 2, 'the second run appended')
  t.equal(lines.filter((line) => line === 'a line of the child').length, 2, 'the child overwrote nothing')
  t.notOk(existsSync(fifo))
})

t.test('a log file in a new folder; after close a line goes nowhere, and a second close is harmless', async (t) => {
  const file = join(dir, 'new/folder/stack.log')
  const output = openStackOutput(file)
  t.equal(output.file, file)
  output.say('stack', 'before the stop')
  output.close()
  output.say('stack', 'after the stop')
  output.close()
  t.equal(await readFile(file, 'utf8'), '[stack] before the stop\n')
})
