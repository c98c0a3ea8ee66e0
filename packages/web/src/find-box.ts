// The header's find box, on every page. A whole uuid (typed, or scanned: a
// barcode scanner types it and presses Enter) opens that container at once;
// any other text opens the list of what matches it (/find?q=…). "/" anywhere
// outside a field puts the cursor in the box, ready for the next scan.

import { api, listPage } from './api.js'
import { paths } from './paths.js'
import { UUID_PATTERN } from './places.js'
import { navigate } from './router.js'
import { flash, showStatus } from './status.js'

async function containerWithUuid(uuid: string): Promise<{ id: number; uuid: string } | undefined> {
  const found = await listPage({ limit: 1, offset: 0 }, (query) =>
    api.GET('/api/containers', { params: { query: { ...query, uuid } } }),
  )
  return found.rows[0]
}

export function initFindBox(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')
  if (!input) throw new Error('the find form lacks its input q')
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const q = input.value.trim()
    if (!q) {
      showStatus('Type or scan what to find first: a UUID, a description or a name.', 'error')
      input.focus()
      return
    }
    if (!UUID_PATTERN.test(q)) {
      navigate(paths.find(q))
      return
    }
    form.setAttribute('aria-busy', 'true')
    try {
      const container = await containerWithUuid(q.toLowerCase())
      if (!container) {
        navigate(paths.find(q))
        return
      }
      input.value = ''
      flash(`Found container ${container.uuid}.`, 'info')
      navigate(paths.container(container.id))
    } catch (error) {
      showStatus(`Could not look this up: ${error instanceof Error ? error.message : String(error)}`, 'error')
    } finally {
      form.removeAttribute('aria-busy')
    }
  })
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
    const target = event.target
    if (target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"], dialog')) return
    event.preventDefault()
    input.focus()
    input.select()
  })
}
