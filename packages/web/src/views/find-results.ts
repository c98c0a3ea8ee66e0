import { h, link, optional } from '../dom.js'
import { paths } from '../paths.js'
import { search } from '../place-calls.js'
import { navigate, type RouteContext } from '../router.js'
import { flash } from '../status.js'
import { dataTable } from '../table.js'
import { pageHeader } from './page.js'

const LIMIT = 100

const KIND_NAMES: Record<string, string> = { site: 'Site', freezer: 'Freezer', container: 'Container', computer: 'Computer' }

function hitPath(kind: string, id: number): string {
  if (kind === 'site') return paths.site(id)
  if (kind === 'freezer') return paths.freezer(id)
  if (kind === 'computer') return paths.computer(id)
  return paths.container(id)
}

/** /find?q=…: what matches the find box's text (names, descriptions, uuids and their first 8 hex digits). */
export async function findResultsView(ctx: RouteContext): Promise<void> {
  const q = (ctx.query.get('q') ?? '').trim()
  const input = document.getElementById('find-input')
  if (input instanceof HTMLInputElement && input.value !== q) input.value = q
  if (!q) {
    ctx.show(
      pageHeader('Find'),
      h(
        'p',
        { class: 'lead' },
        'Type or scan a UUID, the 8 characters printed on a small label, a description or a name into the find box at the top of every page.',
      ),
    )
    return
  }
  const hits = await search(q, LIMIT, ctx.signal)
  // The 8 hex digits of a small label name one container: open it, as a whole uuid does.
  const only = hits.length === 1 ? hits[0] : undefined
  if (only && only.kind === 'container' && /^[0-9a-f]{8}$/i.test(q)) {
    flash(`Found ${only.label}.`, 'info')
    navigate(paths.container(only.id), { replace: true })
    return
  }
  ctx.show(
    pageHeader(`Found for “${q}”`),
    h(
      'p',
      { class: 'lead', id: 'search-summary' },
      hits.length === 0
        ? `Nothing matches “${q}”. Try part of a description or name, or the first 8 characters of a UUID.`
        : `${hits.length === LIMIT ? `The first ${LIMIT}` : hits.length} ${hits.length === 1 ? 'match' : 'matches'}.`,
    ),
    hits.length > 0
      ? dataTable({
          id: 'search-results',
          caption: `What matches “${q}”`,
          rows: hits,
          rowId: (hit) => `${hit.kind}-${hit.id}`,
          rowAttrs: (hit) => ({ 'data-kind': hit.kind }),
          empty: 'Nothing matches.',
          columns: [
            { header: 'Kind', cell: (hit) => KIND_NAMES[hit.kind] ?? hit.kind },
            { header: 'Name', cell: (hit) => link(hitPath(hit.kind, hit.id), hit.label) },
            { header: 'Where', cell: (hit) => optional(hit.place, '—') },
          ],
        })
      : null,
  )
}
