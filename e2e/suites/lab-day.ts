import { By, until, type WebElement } from 'selenium-webdriver'
import type { Test } from 'tap'
import {
  accessibilityViolations,
  cookieHeader,
  createDriver,
  emulateMedia,
  fill,
  ok,
  pageHeading,
  signedInCaller,
  signInThroughPage,
  statusMatching,
  stepper,
} from '../src/browser.js'
import type { E2eStack } from '../src/e2e-stack.js'

interface Row {
  id: number
  uuid: string
  freezer_id: number
  parent_id: number | null
  position: string | null
}

/**
 * A day of a lab person with boxes and tubes, in the UI only: a 9×9 box in a
 * freezer, a tube put in A1 from the box's picture, a second one refused
 * there, the box moved to another freezer with the tube in it, the tube's
 * history, the find box, its label printed, the freezer exported as CSV, and
 * a CSV imported (first with a bad row, then without).
 */
export async function labDaySuite(t: Test, stack: E2eStack) {
  const driver = await createDriver()
  t.teardown(() => driver.dispose())
  const open = (path: string) => driver.get(`${stack.url}${path}`)
  const step = stepper(t, driver)
  const idFromUrl = async (pattern: RegExp) => {
    await driver.wait(async () => pattern.test(await driver.getCurrentUrl()), 10_000, `url never matched ${pattern}`)
    return Number(pattern.exec(await driver.getCurrentUrl())?.[1])
  }
  const audit = async (t: Test, page: string) =>
    t.strictSame(await accessibilityViolations(driver), [], `axe finds no WCAG 2.2 A/AA violation on ${page}`)
  const textOf = async (css: string) => (await driver.wait(until.elementLocated(By.css(css)), 10_000)).getText()
  const textMatching = async (css: string, pattern: RegExp) => {
    const element = await driver.wait(until.elementLocated(By.css(css)), 10_000)
    await driver.wait(async () => pattern.test(await element.getText()), 10_000, `${css} never matched ${pattern}`)
    return element.getText()
  }
  const row = async (id: number) =>
    (await stack.query<Row>`SELECT id, uuid, freezer_id, parent_id, position FROM container WHERE id = ${id}`)[0]
  const cell = (grid: string, position: string) => driver.findElement(By.css(`#${grid} [data-position="${position}"]`))

  // The day's setting, made by the first admin through the API: a person, a site, two freezers.
  const admin = await signedInCaller(stack.url, stack.admin)
  const person = { name: 'lab-day-editor', password: 'lab-day-password', role: 'editor' }
  await ok(admin('POST', '/api/users', person), 201)
  const site = await ok<{ id: number }>(admin('POST', '/api/sites', { name: 'Lab day site' }), 201)
  const first = await ok<{ id: number }>(admin('POST', '/api/freezers', { name: 'Lab day -80C', site_id: site.id }), 201)
  const second = await ok<{ id: number }>(admin('POST', '/api/freezers', { name: 'Lab day -20C', site_id: site.id }), 201)

  let boxId = 0
  let tubeId = 0
  let otherId = 0
  let tubeUuid = ''

  await step('sign in, and create a 9×9 box in a freezer', async (t) => {
    await open(`/freezers/${first.id}`)
    await signInThroughPage(driver, person)
    t.equal(await pageHeading(driver), 'Lab day -80C')
    await driver.findElement(By.id('add-container')).click()
    await pageHeading(driver)
    const form = await driver.findElement(By.id('container-form'))
    await fill(form, { description: 'Lab day box', grid_rows: '9', grid_cols: '9', location: 'shelf 2' })
    await driver.findElement(By.id('container-form-submit')).click()
    boxId = await idFromUrl(/\/containers\/(\d+)$/)
    t.equal(await pageHeading(driver), 'Lab day box')
    const grid = await driver.findElement(By.id('box-grid'))
    t.equal(await grid.getAttribute('data-rows'), '9')
    t.equal((await grid.findElements(By.css('button[data-position]'))).length, 81, 'one button per position')
    t.match(await textOf('#grid-summary'), '0 of 81 positions taken, 81 free (the first free is A1)')
    t.match(await textOf('#container-place'), 'Lab day site › Lab day -80C')
    const [stored] = await stack.query`SELECT freezer_id, grid_rows, grid_cols, location FROM container WHERE id = ${boxId}`
    t.strictSame(stored, { freezer_id: first.id, grid_rows: 9, grid_cols: 9, location: 'shelf 2' })
    await audit(t, 'a box page with its grid')
  })

  await step('a tube made in the freezer goes into A1 by clicking the cell', async (t) => {
    await open(`/containers/new?freezer_id=${first.id}`)
    await pageHeading(driver)
    await fill(await driver.findElement(By.id('container-form')), { description: 'Lab day tube' })
    await driver.findElement(By.id('container-form-submit')).click()
    tubeId = await idFromUrl(/\/containers\/(\d+)$/)
    await pageHeading(driver)
    tubeUuid = await textOf('#container-uuid')

    await open(`/containers/${boxId}`)
    await pageHeading(driver)
    await cell('box-grid', 'A1').click()
    const panel = await driver.wait(until.elementLocated(By.id('cell-panel')), 10_000)
    t.match(await panel.getText(), 'A1 is free')
    await audit(t, 'a box page with a free cell chosen')
    await fill(await driver.findElement(By.id('place-form')), { q: tubeUuid })
    await driver.findElement(By.id('place-submit')).click()
    await statusMatching(driver, /Moved Lab day tube to Lab day box › A1/)
    await driver.wait(async () => (await cell('box-grid', 'A1').getAttribute('data-container-id')) === String(tubeId), 10_000)
    t.match(await cell('box-grid', 'A1').getAttribute('aria-label'), 'A1: Lab day tube', 'the cell says what holds it')
    t.match(await row(tubeId), { parent_id: boxId, position: 'A1', freezer_id: first.id })
  })

  await step('another container cannot go in A1: the page says why, beside the field and beside the grid', async (t) => {
    await cell('box-grid', 'A2').click()
    await driver.wait(until.elementLocated(By.id('new-here')), 10_000).click()
    t.equal(await pageHeading(driver), 'New container in Lab day box at A2')
    const form = await driver.findElement(By.id('container-form'))
    t.equal(await form.findElement(By.name('parent_id')).getAttribute('value'), String(boxId), 'inside the box')
    t.equal(await form.findElement(By.name('position')).getAttribute('value'), 'A2', 'at the cell clicked')
    await fill(form, { description: 'Second tube', position: 'A1' })
    await driver.findElement(By.id('container-form-submit')).click()
    const error = await textMatching('[data-error-for="position"]', /taken/)
    t.match(error, /position A1 of .*Lab day box.* is taken by .*Lab day tube/, 'the holder is named')
    t.equal((await stack.query`SELECT 1 FROM container WHERE description = 'Second tube'`).length, 0, 'nothing stored')
    await audit(t, 'the container form with a refused position')

    await fill(form, { position: 'A2' })
    await driver.findElement(By.id('container-form-submit')).click()
    otherId = await idFromUrl(/\/containers\/(\d+)$/)
    t.match(await textOf('#container-place'), 'Lab day -80C › Lab day box › A2')

    // Its Move: the freezer's boxes, how full each is; the box's grid; A1 pressed.
    const box = await driver.wait(until.elementLocated(By.css(`#move-boxes [data-box-id="${boxId}"]`)), 10_000)
    t.match(await driver.findElement(By.id('move-boxes')).getText(), /Lab day box\s+2 of 81 taken/)
    await box.click()
    await driver.wait(until.elementLocated(By.css('#move-grid [data-position="A1"]')), 10_000).click()
    const refusal = await textMatching('#move-error', /taken/)
    t.match(refusal, /^Not moved: position A1 of .*Lab day box.* is taken by .*Lab day tube/)
    t.match(await row(otherId), { position: 'A2' }, 'still in A2')
  })

  await step('the box moves to another freezer, and the tube comes along', async (t) => {
    await open(`/containers/${boxId}`)
    await pageHeading(driver)
    await fill(await driver.findElement(By.id('move-form')), { freezer_id: String(second.id) })
    await driver.findElement(By.id('move-submit')).click()
    await statusMatching(driver, /Moved the container to freezer “Lab day -20C”/)
    t.match(await row(boxId), { freezer_id: second.id })
    t.match(await row(tubeId), { freezer_id: second.id, parent_id: boxId, position: 'A1' }, 'the tube came along')
    await cell('box-grid', 'A1').click()
    t.equal(await pageHeading(driver), 'Lab day tube', 'a taken cell opens what holds it')
    t.equal(await textOf('#container-place'), 'Lab day site › Lab day -20C › Lab day box › A1')
  })

  await step('the tube’s history shows both moves, and who made them', async (t) => {
    const history = await driver.findElement(By.id('history-table'))
    const moves = await history.findElements(By.css('tr[data-action="moved"]'))
    t.equal(moves.length, 2, 'two moves')
    const [boxMove, intoBox] = await Promise.all(moves.map((move) => move.getText()))
    t.match(boxMove, 'Moved from Lab day -80C › Lab day box › A1 to Lab day -20C › Lab day box › A1')
    t.match(intoBox, 'Moved from Lab day -80C to Lab day -80C › Lab day box › A1')
    for (const text of [boxMove, intoBox]) t.match(text, person.name, 'with who made it')
    t.match(await history.findElement(By.css('tr[data-action="created"]')).getText(), 'Created in Lab day -80C')
    await audit(t, 'a container page with its history')
  })

  await step('the find box opens the tube from its uuid, as a scanner types it', async (t) => {
    await open('/lab-sites')
    await pageHeading(driver)
    const find = await driver.findElement(By.id('find-input'))
    await find.sendKeys(tubeUuid, '\n')
    await idFromUrl(new RegExp(`/containers/(${tubeId})$`))
    t.equal(await pageHeading(driver), 'Lab day tube')
    await driver.findElement(By.id('find-input')).sendKeys('Lab day', '\n')
    await idFromUrl(/\/find\?q=Lab(?:%20|\+)day$/)
    await pageHeading(driver)
    const hit = await driver.findElement(By.css(`#search-results tr[data-id="container-${tubeId}"]`))
    t.match(
      await hit.getText(),
      'Lab day site › Lab day -20C › Lab day box › A1',
      'other text lists the matches, with where each is',
    )
    await audit(t, 'the list of matches')
  })

  await step('the tube’s label prints: its QR code, the first 8 hex digits and the description', async (t) => {
    await open(`/containers/${tubeId}`)
    await pageHeading(driver)
    // A headless browser has no print dialog: count the calls instead, and render the page for print.
    await driver.executeScript('window.printed = 0; window.print = () => { window.printed++ }')
    await driver.findElement(By.id('label-sheet-print')).click()
    t.equal(await driver.executeScript('return window.printed'), 1, 'the button prints')
    await emulateMedia(driver, 'print')
    try {
      const label = await driver.findElement(By.css('#label-sheet .label'))
      const qr = await label.findElement(By.css('svg.qr'))
      t.ok(await qr.isDisplayed(), 'the QR code is printed')
      const size = await qr.getRect()
      t.ok(size.width > 40 && size.height > 40, 'at a size a scanner reads')
      t.match(await qr.findElement(By.css('path')).getAttribute('d'), /^M\d+ \d+h1v1h-1z/, 'drawn from the code’s modules')
      t.equal(await label.getText(), `${tubeUuid.slice(0, 8)}\nLab day tube`)
      for (const css of ['.site-header', '#history', '#move', '#container-details', '#label-sheet-print']) {
        t.notOk(await driver.findElement(By.css(css)).isDisplayed(), `${css} is not printed`)
      }
    } finally {
      await emulateMedia(driver, 'screen')
    }
    await open(`/containers/${boxId}`)
    await pageHeading(driver)
    const sheet = await driver.findElements(By.css('#label-sheet .label'))
    t.equal(sheet.length, 3, 'the box’s sheet: its own label and those of both tubes in it')
    t.match(await sheet[1]?.getText(), 'A1', 'each with its position')
  })

  await step('the freezer exports as CSV', async (t) => {
    await open(`/freezers/${second.id}`)
    await pageHeading(driver)
    t.match(await textOf('#boxes-table'), /Lab day box[\s\S]*2 of 81/, 'its boxes, with how full each is')
    const link = await driver.findElement(By.id('export-csv'))
    t.equal(await link.getAttribute('download'), 'containers.csv')
    const answer = await fetch((await link.getAttribute('href')) ?? '', { headers: { cookie: await cookieHeader(driver) } })
    t.equal(answer.status, 200)
    t.match(answer.headers.get('content-type'), /^text\/csv/)
    const lines = (await answer.text()).trim().split(/\r?\n/)
    t.equal(lines[0], 'id,uuid,description,site,freezer_id,freezer,parent_uuid,position,location')
    t.equal(lines.length, 4, 'the box and both tubes')
    const [box] = await stack.query<{ uuid: string }>`SELECT uuid FROM container WHERE id = ${boxId}`
    const tube = lines.find((line) => line.includes(tubeUuid)) ?? ''
    t.match(tube, `Lab day tube,Lab day site,${second.id},Lab day -20C,${box?.uuid},A1,`)
  })

  const paste = async (csv: string) => {
    const field = await driver.findElement(By.id('field-csv'))
    await field.clear()
    await driver.executeScript('arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event("input"))', field, csv)
    await driver.findElement(By.id('import-check')).click()
  }
  const imported = async () => (await stack.query`SELECT 1 FROM container WHERE description LIKE 'Imported %'`).length

  await step('a CSV with one bad row: nothing is applied, and the row and field are named', async (t) => {
    const [box] = await stack.query<{ uuid: string }>`SELECT uuid FROM container WHERE id = ${boxId}`
    await open('/containers')
    await pageHeading(driver)
    await driver.findElement(By.id('import-containers')).click()
    t.equal(await pageHeading(driver), 'Import containers from CSV')
    await paste(
      [
        'uuid,description,freezer_id,parent_uuid,position,location',
        `,Imported tube 1,,${box?.uuid},B1,`,
        `,Imported tube 2,,${box?.uuid},J1,`,
      ].join('\n'),
    )
    const bad: WebElement = await driver.wait(until.elementLocated(By.css('#import-errors tr[data-row="2"]')), 10_000)
    t.equal(await bad.getAttribute('data-field'), 'position')
    t.match(await bad.getText(), /J1 is outside/)
    t.match(await textOf('#import-summary'), 'one row needs correcting (row 2). Nothing was stored.')
    t.notOk(await driver.findElement(By.id('import-apply')).isDisplayed(), 'nothing to apply')
    t.equal(await imported(), 0, 'nothing stored')
    await audit(t, 'the import page with a bad row')
  })

  await step('then a good one: checked row by row, then applied', async (t) => {
    const [box] = await stack.query<{ uuid: string }>`SELECT uuid FROM container WHERE id = ${boxId}`
    await paste(
      [
        'uuid,description,freezer_id,parent_uuid,position,location',
        `,Imported tube 1,,${box?.uuid},B1,`,
        `,Imported tube 2,,${box?.uuid},B2,`,
        `${tubeUuid},Lab day tube,,${box?.uuid},C3,`,
      ].join('\n'),
    )
    const rows = await driver.wait(until.elementLocated(By.id('import-rows')), 10_000)
    t.equal(await rows.findElement(By.css('tr[data-row="1"]')).getAttribute('data-action'), 'created')
    t.equal(await rows.findElement(By.css('tr[data-row="3"]')).getAttribute('data-action'), 'moved')
    t.match(await rows.findElement(By.css('tr[data-row="3"]')).getText(), /A1 → C3/)
    t.equal(await imported(), 0, 'the check stores nothing')
    await audit(t, 'the import page with its dry run')
    const apply = await driver.findElement(By.id('import-apply'))
    t.equal(await apply.getText(), 'Apply 3 rows')
    await apply.click()
    await statusMatching(driver, /Imported 3 rows: 2 created, 1 moved/)
    t.equal(await imported(), 2)
    t.match(await row(tubeId), { parent_id: boxId, position: 'C3' })
    const [event] = await stack.query<{ actor: string }>`
      SELECT actor FROM container_event WHERE container_id = ${tubeId} ORDER BY id DESC LIMIT 1`
    t.equal(event?.actor, person.name, 'the import’s move is in the tube’s history, with who made it')
  })
}
