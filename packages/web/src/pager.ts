// Paging through long lists: ?offset= (and ?limit=) in the query string;
// the next page exists while the API sends Link: <…>; rel="next".

import { DEFAULT_LIMIT, MAX_LIMIT, type Page, type Paging } from './api.js'
import { h } from './dom.js'
import { MAX_ID } from './types.js'

export function readPaging(query: URLSearchParams): Paging {
  const limit = Number(query.get('limit'))
  const offset = Number(query.get('offset'))
  return {
    limit: Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT ? limit : DEFAULT_LIMIT,
    offset: Number.isInteger(offset) && offset >= 0 && offset <= MAX_ID ? offset : 0,
  }
}

function pageHref(url: URL, offset: number): string {
  const query = new URLSearchParams(url.search)
  if (offset > 0) query.set('offset', String(offset))
  else query.delete('offset')
  const search = query.toString()
  return search ? `${url.pathname}?${search}` : url.pathname
}

/** Previous/next links and which rows are shown; #prev-page and #next-page exist only when that page does. */
export function pager(url: URL, page: Page<unknown>, noun: string): HTMLElement {
  const first = page.offset + 1
  const last = page.offset + page.rows.length
  const summary =
    page.rows.length === 0
      ? page.offset > 0
        ? `No ${noun} on this page.`
        : ''
      : `Showing ${noun} ${first}–${last}${page.nextOffset === null && page.offset === 0 ? ` (all ${last})` : ''}`
  const previous = page.offset > 0 ? Math.max(0, page.offset - page.limit) : null
  return h(
    'nav',
    { class: 'pager', 'aria-label': `Pages of ${noun}`, 'data-testid': 'pager' },
    previous !== null
      ? h('a', { href: pageHref(url, previous), id: 'prev-page', rel: 'prev', class: 'button button--secondary' }, '← Previous')
      : null,
    h('p', { class: 'pager__summary', id: 'page-summary' }, summary),
    page.nextOffset !== null
      ? h(
          'a',
          { href: pageHref(url, page.nextOffset), id: 'next-page', rel: 'next', class: 'button button--secondary' },
          'Next →',
        )
      : null,
  )
}
