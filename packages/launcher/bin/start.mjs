// pnpm start. Plain JavaScript that node runs as it is: it decides whether the
// TypeScript needs compiling, so it cannot itself be compiled first. The
// build check and the application are in the bundle (src/start.ts →
// dist/start.js); when it is missing or out of date, `pnpm build` makes it,
// and then the new one runs.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

process.setSourceMapsEnabled(true)
const bundle = new URL('../dist/start.js', import.meta.url)
const root = fileURLToPath(new URL('../../../', import.meta.url))

let launcher = await import(bundle.href).catch(() => undefined)
if (!(await launcher?.buildIsUpToDate())) {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli')
  const { status } = spawnSync(process.execPath, [tsx, 'packages/launcher/src/build.ts'], { cwd: root, stdio: 'inherit' })
  if (status !== 0) process.exit(1)
  // Another URL, so the module cache gives the bundle just built, not the one loaded above.
  launcher = await import(`${bundle.href}?built=${Date.now()}`)
}
await launcher.start()
