import { PassThrough, Readable } from 'node:stream'
import t from 'tap'
import { askHidden, readPassword, readPiped } from '../src/password-input.js'

/** A terminal as the password prompt sees it: raw mode switched on and off, what was written to it. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[] })
  Object.assign(input, {
    setRawMode: (raw: boolean) => {
      input.rawModes.push(raw)
      return input
    },
  })
  const output = new PassThrough()
  let written = ''
  output.on('data', (chunk) => {
    written += chunk
  })
  /** Types `keys` once the prompt has written `prompt`. */
  const typeAfter = (prompt: string, keys: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!written.endsWith(prompt)) return
        output.off('data', check)
        input.write(keys)
        resolve()
      }
      output.on('data', check)
      check()
    })
  return { input, output, written: () => written, typeAfter }
}

t.test('readPiped: the first line of everything piped', async (t) => {
  t.equal(await readPiped(Readable.from(['a long enough', ' password\nignored\n'])), 'a long enough password', 'in chunks')
  t.equal(await readPiped(Readable.from(['windows line\r\nnext'])), 'windows line', 'CRLF')
  t.equal(await readPiped(Readable.from(['no newline at all'])), 'no newline at all')
  t.equal(await readPiped(Readable.from([' spaces kept \n'])), ' spaces kept ', 'spaces are part of it')
  t.equal(await readPiped(Readable.from([])), '', 'nothing piped')
})

t.test('readPassword on a pipe reads it without a prompt', async (t) => {
  const output = new PassThrough()
  t.equal(await readPassword(Readable.from(['piped password here\n']), output), 'piped password here')
  t.equal(output.read(), null, 'nothing written')
})

t.test('askHidden: typed keys, nothing echoed, backspace, Enter', async (t) => {
  const terminal = fakeTerminal()
  const answer = askHidden('password: ', terminal.input, terminal.output)
  terminal.input.write('sec')
  terminal.input.write('rex\u007ft')
  terminal.input.write('!!\b pass\r')
  t.equal(await answer, 'secret! pass')
  t.equal(terminal.written(), 'password: \n', 'the question, then a new line; never a typed character')
  t.strictSame(terminal.input.rawModes, [true, false], 'raw mode while typing, then back')
  t.equal(terminal.input.listenerCount('data'), 0, 'stops listening')
  t.equal(terminal.input.isPaused(), true, 'and leaves the input paused, so the process can end')
})

t.test('askHidden: a newline ends it too, a backspace on nothing is nothing, keys after Enter are not part of it', async (t) => {
  const terminal = fakeTerminal()
  const answer = askHidden('? ', terminal.input, terminal.output)
  terminal.input.write('\u007fab\nc')
  t.equal(await answer, 'ab')
})

t.test('askHidden: Ctrl-C aborts, and the terminal is put back', async (t) => {
  const terminal = fakeTerminal()
  const answer = askHidden('password: ', terminal.input, terminal.output)
  terminal.input.write('half\u0003typed')
  await t.rejects(answer, { message: 'aborted' })
  t.strictSame(terminal.input.rawModes, [true, false])
  t.equal(terminal.written(), 'password: \n')
})

t.test('askHidden on an input without raw mode', async (t) => {
  const input = new PassThrough()
  const output = new PassThrough()
  const answer = askHidden('password: ', input, output)
  input.write('plain input\n')
  t.equal(await answer, 'plain input')
})

t.test('readPassword on a terminal asks twice', async (t) => {
  const terminal = fakeTerminal()
  const password = readPassword(terminal.input, terminal.output)
  await terminal.typeAfter('password: ', 'the same password\r')
  await terminal.typeAfter('again: ', 'the same password\r')
  t.equal(await password, 'the same password')
  t.equal(terminal.written(), 'password: \nagain: \n')
  t.strictSame(terminal.input.rawModes, [true, false, true, false])
})

t.test('readPassword on a terminal refuses a second answer that differs, or Ctrl-C at the second question', async (t) => {
  for (const [again, message] of [
    ['another password\r', 'the two passwords differ'],
    ['\u0003', 'aborted'],
  ]) {
    const terminal = fakeTerminal()
    const password = readPassword(terminal.input, terminal.output)
    await terminal.typeAfter('password: ', 'the first password\r')
    await terminal.typeAfter('again: ', again as string)
    await t.rejects(password, { message: message as string }, String(message))
  }
})
