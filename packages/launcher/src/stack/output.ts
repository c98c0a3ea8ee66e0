import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { closeSync, constants, fstatSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs'
import { Socket } from 'node:net'
import { dirname } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { OutputTarget } from './child.js'

/**
 * Where the stack's processes write. Their stdout and stderr are handed the
 * launcher's own descriptors, or those of one log file, so their lines go
 * straight there and never through the launcher. Only the launcher's own
 * messages (`[stack] …`, `[postgres] …`) are written by the launcher.
 */
export interface StackOutput {
  readonly stdout: OutputTarget
  readonly stderr: OutputTarget
  /** The log file everything goes to; undefined for the launcher's stdout and stderr. */
  readonly file: string | undefined
  /** Writes one line of the launcher's own, `[source] text`. */
  say(source: string, text: string): void
  close(): void
}

const tagLine = (source: string, text: string) => `[${source}] ${text}\n`

/** The launcher's own stdout and stderr, or, with `file`, that file opened for appending by everyone. */
export function openStackOutput(file?: string): StackOutput {
  if (file === undefined) {
    return {
      stdout: 'inherit',
      stderr: 'inherit',
      file,
      say: (source, text) => void process.stdout.write(tagLine(source, text)),
      close: () => {},
    }
  }
  // O_APPEND for every writer: nginx opens the file again through
  // /dev/stdout, with an offset of its own, and must not overwrite the others' lines.
  mkdirSync(dirname(file), { recursive: true })
  const fd = openSync(file, 'a')
  let open = true
  return {
    stdout: fd,
    stderr: fd,
    file,
    // After close (a signal while the launcher exits) a line has nowhere to go.
    say: (source, text) => void (open && writeSync(fd, tagLine(source, text))),
    close: () => {
      if (open) closeSync(fd)
      open = false
    },
  }
}

/**
 * The stdout for a process that opens /dev/stdout itself, as nginx does for
 * its access log. That works on a file, a pipe or a terminal, but not on a
 * socket (ENXIO), which is what a launcher started by Node (or systemd's
 * journal) has for its stdout. In that one case the process gets a named pipe
 * at `fifoPath` whose bytes are copied to the launcher's stdout as they come.
 */
export function reopenableStdout(output: StackOutput, fifoPath: string): { target: OutputTarget; close(): Promise<void> } {
  if (output.stdout !== 'inherit' || !fstatSync(1).isSocket()) return { target: output.stdout, close: async () => {} }
  rmSync(fifoPath, { force: true })
  execFileSync('mkfifo', ['-m', '600', fifoPath])
  const reader = new Socket({
    fd: openSync(fifoPath, constants.O_RDONLY | constants.O_NONBLOCK),
    readable: true,
    writable: false,
  })
  reader.pipe(process.stdout, { end: false })
  // Kept open by the launcher, so the reader sees no end of file between two nginx processes.
  const writeFd = openSync(fifoPath, constants.O_WRONLY)
  return {
    target: writeFd,
    // Once the last writer is gone, the reader gets what is left, then its end.
    close: async () => {
      const ended = once(reader, 'end')
      closeSync(writeFd)
      await Promise.race([ended, sleep(1000)])
      reader.destroy()
      rmSync(fifoPath, { force: true })
    },
  }
}
