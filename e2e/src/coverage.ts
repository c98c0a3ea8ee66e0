import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROOT_DIR } from '@labtrack/db-tools'

// Integration coverage: the service processes of the e2e stack run under nyc
// (nyc's require hook does not see ES modules, so the services load
// @istanbuljs/esm-loader-hook, which instruments the TypeScript sources
// themselves before tsx compiles them).
const require = createRequire(import.meta.url)
const NYC = join(dirname(require.resolve('nyc/package.json')), 'bin/nyc.js')
const ESM_HOOK = require.resolve('@istanbuljs/esm-loader-hook')

/** Where the e2e package lives: babel resolves the instrumenting plugins from the working directory. */
export const E2E_DIR = fileURLToPath(new URL('..', import.meta.url))
export const NYC_OUTPUT_DIR = join(ROOT_DIR, '.nyc_output')
export const INTEGRATION_REPORT_DIR = join(ROOT_DIR, 'coverage/integration')

const SCOPE = [
  `--cwd=${ROOT_DIR}`,
  `--temp-dir=${NYC_OUTPUT_DIR}`,
  '--extension=.ts',
  '--include=services/*/src/**',
  '--include=packages/db/src/**',
  '--include=packages/service-kit/src/**',
  '--exclude=packages/service-kit/src/testing.ts',
]

/** The command that runs one service under nyc; each process adds its own file to .nyc_output. */
export function coveredServiceCommand(_name: string, scriptPath: string) {
  return {
    command: process.execPath,
    args: [NYC, ...SCOPE, '--silent', '--no-clean', process.execPath, '--loader', ESM_HOOK, '--import', 'tsx', scriptPath],
    cwd: E2E_DIR,
    env: { NODE_NO_WARNINGS: '1' },
  }
}

/** Prints the integration coverage report (text, plus html under coverage/integration). */
export function printIntegrationCoverage(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        NYC,
        'report',
        ...SCOPE,
        '--reporter=text',
        '--reporter=text-summary',
        '--reporter=html',
        `--report-dir=${INTEGRATION_REPORT_DIR}`,
      ],
      { cwd: E2E_DIR, stdio: 'inherit' },
    )
    child.on('exit', (code) => resolve(code ?? 1))
  })
}
