import type { Readable, Writable } from 'node:stream'

type Input = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown }

/** Reads all of a piped stdin: the password is its first line (the newline after it is not part of it). */
export async function readPiped(input: Readable): Promise<string> {
  let text = ''
  for await (const chunk of input) text += chunk
  return text.split(/\r?\n/, 1).join('')
}

/** Asks on the terminal without echoing what is typed; Ctrl-C aborts. */
export function askHidden(question: string, input: Input, output: Writable): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(question)
    input.setRawMode?.(true)
    input.resume()
    input.setEncoding('utf8')
    let typed = ''
    const done = (error?: Error) => {
      input.setRawMode?.(false)
      input.pause()
      input.off('data', onData)
      output.write('\n')
      if (error) reject(error)
      else resolve(typed)
    }
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done()
        if (char === '\u0003') return done(new Error('aborted'))
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1)
        else typed += char
      }
    }
    input.on('data', onData)
  })
}

/** The password: piped on stdin, or typed twice on a terminal. */
export async function readPassword(input: Input, output: Writable): Promise<string> {
  if (!input.isTTY) return readPiped(input)
  const first = await askHidden('password: ', input, output)
  const again = await askHidden('again: ', input, output)
  if (first !== again) throw new Error('the two passwords differ')
  return first
}
