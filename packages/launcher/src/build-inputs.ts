import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ROOT_DIR } from '@labtrack/db-tools'
import type { StepFiles } from './build-skip.js'
import { CLIENT_TYPES_FILE, OPENAPI_FILE, WEB_DIST_DIR } from './paths.js'
import { GATEWAY_TEMPLATE } from './stack/nginx-config.js'

// What the build's steps read and write, apart from how they run (build.ts):
// pnpm start's bundle checks these without loading what the steps build with.

const WORKSPACE = [join(ROOT_DIR, 'package.json'), join(ROOT_DIR, 'pnpm-lock.yaml')]
export const WEB_DIR = join(ROOT_DIR, 'packages/web')

/** Every src folder the OpenAPI document is made of: the services' and the packages' but the UI's. */
async function documentSources(): Promise<string[]> {
  const folders: string[] = []
  for (const parent of ['packages', 'services']) {
    for (const name of (await readdir(join(ROOT_DIR, parent))).sort()) {
      if (parent !== 'packages' || name !== 'web') folders.push(join(ROOT_DIR, parent, name, 'src'))
    }
  }
  return folders
}

/** The docs (the OpenAPI document, the docs page, the UI's client types) and the UI bundle. */
export async function stepFiles(): Promise<StepFiles[]> {
  return [
    {
      name: 'docs',
      inputs: [...(await documentSources()), GATEWAY_TEMPLATE, ...WORKSPACE],
      outputs: [OPENAPI_FILE, join(WEB_DIST_DIR, 'api/docs/index.html'), CLIENT_TYPES_FILE],
    },
    {
      name: 'web',
      inputs: [join(WEB_DIR, 'src'), join(WEB_DIR, 'build.mjs'), join(WEB_DIR, 'package.json'), ...WORKSPACE],
      outputs: [join(WEB_DIST_DIR, 'index.html')],
    },
  ]
}
