import { By, until, type WebDriver } from 'selenium-webdriver'
import type { Test } from 'tap'
import { createDriver, fill, pageHeading, saveScreenshot, statusMatching } from '../src/browser.js'
import type { E2eStack } from '../src/e2e-stack.js'

/** A lab person's day in the UI, one step after the other, on the stack's example data. */
export async function browserSuite(t: Test, stack: E2eStack) {
  const driver = await createDriver()
  t.teardown(() => driver.dispose())
  const open = (path: string) => driver.get(`${stack.url}${path}`)
  const idFromUrl = async (pattern: RegExp) => {
    await driver.wait(async () => pattern.test(await driver.getCurrentUrl()), 10_000, `url never matched ${pattern}`)
    return Number(pattern.exec(await driver.getCurrentUrl())?.[1])
  }
  let failed = false
  // Each step depends on the ones before: after a failure the rest are skipped,
  // and the screen of the failing step is saved under e2e/screenshots/.
  const step = (name: string, fn: (t: Test) => Promise<void>) =>
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

  let siteId = 0
  let freezerId = 0
  let containerId = 0

  await step('the example data is visible', async (t) => {
    await open('/')
    t.equal(await pageHeading(driver), 'Sites')
    const table = await driver.findElement(By.id('sites-table'))
    const text = await table.getText()
    for (const name of ['Site 1', 'Site 2', 'Site 3']) t.match(text, name)
    await table.findElement(By.linkText('Site 1')).click()
    t.equal(await pageHeading(driver), 'Site 1')
    const details = await driver.findElement(By.id('site-details')).getText()
    t.match(details, 'John Smith')
    t.match(details, '123 Muffin Lane, Ann Arbor')
    t.match(await driver.findElement(By.id('site-freezers')).getText(), '-20C')
    t.match(await driver.findElement(By.id('site-computers')).getText(), 'Computer 2')
  })

  await step('create a site', async (t) => {
    await open('/lab-sites/new')
    await pageHeading(driver)
    const form = await driver.findElement(By.id('site-form'))
    await fill(form, { name: 'E2E Lab', country: 'NZ', postcode_or_zip: '6011' })
    await driver.findElement(By.id('site-form-submit')).click()
    siteId = await idFromUrl(/\/lab-sites\/(\d+)$/)
    t.equal(await pageHeading(driver), 'E2E Lab')
    await statusMatching(driver, /Created site/)
    const [row] = await stack.query`SELECT name, country, postcode_or_zip FROM site WHERE id = ${siteId}`
    t.strictSame(row, { name: 'E2E Lab', country: 'NZ', postcode_or_zip: '6011' })
  })

  await step('a bad input shows the error beside its field, and nothing is saved', async (t) => {
    await open(`/lab-sites/${siteId}/edit`)
    await pageHeading(driver)
    const form = await driver.findElement(By.id('site-form'))
    await fill(form, { name: '   ' })
    await driver.findElement(By.id('site-form-submit')).click()
    const error = await driver.wait(until.elementLocated(By.css('[data-error-for="name"]')), 10_000)
    await driver.wait(async () => (await error.getText()) !== '', 10_000)
    t.match(await error.getText(), /must not be blank/)
    t.equal(await form.findElement(By.name('name')).getAttribute('aria-invalid'), 'true')
    const [row] = await stack.query`SELECT name FROM site WHERE id = ${siteId}`
    t.equal(row?.name, 'E2E Lab')
  })

  await step('edit a field', async (t) => {
    const form = await driver.findElement(By.id('site-form'))
    await fill(form, { name: 'E2E Lab (renamed)', contact: 'Dr. Ada' })
    await driver.findElement(By.id('site-form-submit')).click()
    await driver.wait(async () => (await pageHeading(driver)) === 'E2E Lab (renamed)', 10_000)
    t.match(await driver.findElement(By.id('site-details')).getText(), 'Dr. Ada')
    const [row] = await stack.query`SELECT name, contact FROM site WHERE id = ${siteId}`
    t.strictSame(row, { name: 'E2E Lab (renamed)', contact: 'Dr. Ada' })
  })

  await step('create a freezer in the new site', async (t) => {
    await driver.findElement(By.id('add-freezer')).click()
    await pageHeading(driver)
    const form = await driver.findElement(By.id('freezer-form'))
    t.equal(await form.findElement(By.name('site_id')).getAttribute('value'), String(siteId), 'the site is chosen')
    await fill(form, { name: '-80C E2E' })
    await driver.findElement(By.id('freezer-form-submit')).click()
    freezerId = await idFromUrl(/\/freezers\/(\d+)$/)
    t.equal(await pageHeading(driver), '-80C E2E')
    const [row] = await stack.query`SELECT name, site_id FROM freezer WHERE id = ${freezerId}`
    t.strictSame(row, { name: '-80C E2E', site_id: siteId })
  })

  await step('create a container in that freezer', async (t) => {
    await driver.findElement(By.id('add-container')).click()
    await pageHeading(driver)
    const form = await driver.findElement(By.id('container-form'))
    t.equal(await form.findElement(By.name('freezer_id')).getAttribute('value'), String(freezerId), 'the freezer is chosen')
    await fill(form, { description: 'E2E plasma tubes' })
    await driver.findElement(By.id('container-form-submit')).click()
    containerId = await idFromUrl(/\/containers\/(\d+)$/)
    await pageHeading(driver)
    const uuid = await driver.findElement(By.id('container-uuid')).getText()
    const [row] = await stack.query`SELECT uuid, description, freezer_id FROM container WHERE id = ${containerId}`
    t.strictSame(row, { uuid, description: 'E2E plasma tubes', freezer_id: freezerId }, 'the generated uuid is shown')
  })

  await step('move the container to another freezer', async (t) => {
    const form = await driver.findElement(By.id('move-form'))
    await fill(form, { freezer_id: '1' })
    await driver.findElement(By.id('move-submit')).click()
    await statusMatching(driver, /Moved the container/)
    const [row] = await stack.query`SELECT freezer_id FROM container WHERE id = ${containerId}`
    t.equal(row?.freezer_id, 1)
  })

  await step('a reload keeps the page; back and forward work', async (t) => {
    const before = await driver.getCurrentUrl()
    const heading = await pageHeading(driver)
    await driver.navigate().refresh()
    t.equal(await driver.getCurrentUrl(), before)
    t.equal(await pageHeading(driver), heading)
    t.match(await driver.findElement(By.id('container-details')).getText(), '-20C', 'now in freezer -20C')
    await open(`/lab-sites/${siteId}`)
    t.equal(await pageHeading(driver), 'E2E Lab (renamed)')
    await driver.navigate().back()
    t.equal(await driver.getCurrentUrl(), before)
    t.equal(await pageHeading(driver), heading)
    await driver.navigate().forward()
    t.equal(await pageHeading(driver), 'E2E Lab (renamed)')
  })

  await step('deleting a site that still has a freezer is refused, with the reason', async (t) => {
    await open(`/lab-sites/${siteId}`)
    await pageHeading(driver)
    await confirmDelete(driver)
    const status = await statusMatching(driver, /Cannot delete/)
    t.match(status, `site ${siteId} still has 1 freezer`)
    t.equal((await stack.query`SELECT 1 FROM site WHERE id = ${siteId}`).length, 1, 'nothing deleted')
  })

  await step('after emptying it, the site can be deleted', async (t) => {
    await open(`/freezers/${freezerId}`)
    await pageHeading(driver)
    await confirmDelete(driver)
    await statusMatching(driver, /Deleted freezer/)
    await open(`/lab-sites/${siteId}`)
    await pageHeading(driver)
    await confirmDelete(driver)
    await statusMatching(driver, /Deleted site/)
    t.equal((await stack.query`SELECT 1 FROM site WHERE id = ${siteId}`).length, 0)
    t.equal((await stack.query`SELECT 1 FROM freezer WHERE id = ${freezerId}`).length, 0)
  })
}

async function confirmDelete(driver: WebDriver) {
  await driver.findElement(By.id('delete-button')).click()
  const yes = await driver.wait(until.elementLocated(By.css('dialog#confirm-dialog[open] #confirm-yes')), 10_000)
  await driver.wait(until.elementIsVisible(yes), 10_000)
  await yes.click()
}
