import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT_DIR } from '@labtrack/db-tools'
import { Builder, By, until, type WebDriver, type WebElement } from 'selenium-webdriver'
import chrome from 'selenium-webdriver/chrome.js'
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
