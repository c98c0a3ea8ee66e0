import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT_DIR } from '@labtrack/db-tools'
import { Builder, By, until, type WebDriver, type WebElement } from 'selenium-webdriver'
import chrome from 'selenium-webdriver/chrome.js'
import type { Test } from 'tap'
import { CHROMEDRIVER, CHROMIUM } from './tools.js'

export const SCREENSHOT_DIR = join(ROOT_DIR, 'e2e/screenshots')

/**
 * Headless Chromium driven through the system's chromedriver: the service
 * builder and the binary path are given, so Selenium Manager never tries to
 * download a browser or a driver.
 */
export async function createDriver({ width = 1280, height = 900 } = {}): Promise<WebDriver & { dispose(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'labtrack-chromium-'))
  const options = new chrome.Options()
  options.setChromeBinaryPath(CHROMIUM)
  options.addArguments(
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    `--user-data-dir=${profile}`,
    `--window-size=${width},${height}`,
  )
  const driver = await new Builder()
    .forBrowser('chrome')
    .setChromeOptions(options)
    .setChromeService(new chrome.ServiceBuilder(CHROMEDRIVER))
    .build()
  return Object.assign(driver, {
    async dispose() {
      await driver.quit().catch(() => {})
      await rm(profile, { recursive: true, force: true })
    },
  })
}

/** Saves a PNG of what the browser shows, named after the failing test. */
export async function saveScreenshot(driver: WebDriver, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  const file = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_').slice(0, 100)}.png`)
  await writeFile(file, await driver.takeScreenshot(), 'base64')
  return file
}

/** Waits until the page has loaded (the UI clears aria-busy on #main) and returns its first heading's text. */
export async function pageHeading(driver: WebDriver): Promise<string> {
  await driver.wait(async () => (await driver.findElement(By.id('main')).getAttribute('aria-busy')) !== 'true', 10_000)
  const h1 = await driver.wait(until.elementLocated(By.css('h1')), 10_000)
  return h1.getText()
}

/** Waits for the status area to say something matching `pattern`, and returns it. */
export async function statusMatching(driver: WebDriver, pattern: RegExp): Promise<string> {
  const status = await driver.findElement(By.id('status'))
  await driver.wait(async () => pattern.test(await status.getText()), 10_000, `status never matched ${pattern}`)
  return status.getText()
}

export async function fill(form: WebElement, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const field = await form.findElement(By.name(name))
    if ((await field.getTagName()) === 'select') {
      await field.findElement(By.css(`option[value="${value}"]`)).click()
    } else {
      await field.clear()
      await field.sendKeys(value)
    }
  }
}

const AXE_FILE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
/** The WCAG 2.2 A and AA rules (axe's tags for them). */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Audits the page as it is now with axe-core (injected through WebDriver, so
 * the page's Content-Security-Policy does not stand in the way) and returns
 * each violation as one line: rule, what it asks, where.
 */
export async function accessibilityViolations(driver: WebDriver): Promise<string[]> {
  await driver.executeScript(await readFile(AXE_FILE, 'utf8'))
  return driver.executeAsyncScript<string[]>(
    `const done = arguments[arguments.length - 1]
     window.axe
       .run(document, { runOnly: { type: 'tag', values: arguments[0] } })
       .then((result) => done(result.violations.map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', '))))
       .catch((error) => done(['axe could not run: ' + error]))`,
    WCAG_AA,
  )
}

/** The API from Node as one person: a session cookie and its CSRF token (as the UI has them), or a bearer token. */
export type Call = (method: string, path: string, body?: unknown) => Promise<Response>

export function caller(base: string, headers: Record<string, string>): Call {
  return (method, path, body) =>
    fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
}

export async function signedInCaller(base: string, { name, password }: { name: string; password: string }): Promise<Call> {
  const answer = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  })
  if (answer.status !== 200) throw new Error(`${name} could not sign in: ${answer.status} ${await answer.text()}`)
  const { csrf_token } = (await answer.json()) as { csrf_token: string }
  const cookie = answer.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ')
  return caller(base, { cookie, 'x-csrf-token': csrf_token })
}

export async function ok<T>(answer: Promise<Response>, status = 200): Promise<T> {
  const response = await answer
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`)
  return (status === 204 ? undefined : await response.json()) as T
}

/** Submits the sign-in form, and waits until the answer is shown. */
export async function submitSignIn(driver: WebDriver, account: { name: string; password: string }): Promise<void> {
  const form = await driver.wait(until.elementLocated(By.id('sign-in-form')), 10_000)
  await fill(form, { name: account.name, password: account.password })
  await driver.findElement(By.id('sign-in-form-submit')).click()
  await driver.wait(async () => (await form.getAttribute('aria-busy').catch(() => null)) !== 'true', 10_000)
}

/** What the header says of who is signed in. */
export async function signedInText(driver: WebDriver): Promise<string> {
  return (await driver.wait(until.elementLocated(By.id('signed-in-as')), 10_000)).getText()
}

/** Signs in on the sign-in page shown, and waits until the header says so (the page it goes to is then loading). */
export async function signInThroughPage(driver: WebDriver, account: { name: string; password: string }): Promise<void> {
  await submitSignIn(driver, account)
  await driver.wait(async () => (await signedInText(driver)).includes(account.name), 10_000, `${account.name} never signed in`)
}

/**
 * The steps of a suite, each depending on the ones before: after a failure
 * the rest are skipped, and the screen of the failing step is saved under
 * e2e/screenshots/.
 */
export function stepper(t: Test, driver: WebDriver) {
  let failed = false
  return (name: string, fn: (t: Test) => Promise<void>) =>
    t.test(name, { skip: failed ? 'an earlier step failed' : false }, async (t) => {
      try {
        await fn(t)
      } catch (error) {
        failed = true
        t.comment(`screenshot: ${await saveScreenshot(driver, name)}`)
        throw error
      }
      if (t.counts.fail > 0) {
        failed = true
        t.comment(`screenshot: ${await saveScreenshot(driver, name)}`)
      }
    })
}

/** Renders the page for `print` (or back to `screen`) through the DevTools protocol, as a print preview does. */
export async function emulateMedia(driver: WebDriver, media: 'print' | 'screen'): Promise<void> {
  await (driver as chrome.Driver).sendDevToolsCommand('Emulation.setEmulatedMedia', { media: media === 'screen' ? '' : media })
}

/** The browser's cookies as a Cookie header: a request from Node made as the signed-in page would make it. */
export async function cookieHeader(driver: WebDriver): Promise<string> {
  return (await driver.manage().getCookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
}
