import { findExecutable } from '@labtrack/launcher/stack'

export const CHROMIUM = '/usr/bin/chromium'
export const CHROMEDRIVER = '/usr/bin/chromedriver'

/** The system programs the e2e suites need that this machine lacks, by their Debian package names. */
export async function missingTools(): Promise<string[]> {
  const missing: string[] = []
  if (!(await findExecutable('nginx'))) missing.push('nginx')
  if (!(await findExecutable('chromium'))) missing.push('chromium')
  if (!(await findExecutable('chromedriver'))) missing.push('chromium-driver')
  return missing
}
