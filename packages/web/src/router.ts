// History API routing: real paths, links handled without a page load,
// back/forward and reload render the same page. Paging state stays in the
// query string, so it survives all three.

import { append, type Child } from './dom.js'
import { clearStatus, showStatus, takeFlash } from './status.js'

export interface RouteContext {
  url: URL
  params: Record<string, string>
  query: URLSearchParams
  signal: AbortSignal
  /** Replaces the page content (ignored once the user has navigated elsewhere). */
  show(...nodes: Child[]): void
}

export type View = (ctx: RouteContext) => Promise<void> | void
export type ErrorView = (ctx: RouteContext, error: unknown) => void

interface Route {
  pattern: RegExp
  keys: string[]
  view: View
}

const routes: Route[] = []
let main: HTMLElement
let notFound: View
let errorView: ErrorView
let current: AbortController | null = null
let rendered = ''
let firstRender = true

/** Registers a route: `:name` matches one path segment, `:id` only a positive integer. */
export function route(path: string, view: View): void {
  const keys: string[] = []
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      keys.push(segment.slice(1))
      return segment === ':id' ? '([1-9][0-9]{0,9})' : '([^/]+)'
    })
    .join('/')
  routes.push({ pattern: new RegExp(`^${source}$`), keys, view })
}

export function navigate(url: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) history.replaceState(null, '', url)
  else history.pushState(null, '', url)
  void render(!replace)
}

/** Renders the current URL again (after a change made on this page). */
export function reload(): void {
  void render(false)
}

export function startRouter(options: { main: HTMLElement; notFound: View; error: ErrorView }): void {
  main = options.main
  notFound = options.notFound
  errorView = options.error
  window.addEventListener('popstate', () => {
    // A fragment change (the skip link) fires popstate too: same page, no render.
    if (location.pathname + location.search !== rendered) void render(false)
  })
  document.addEventListener('click', onClick)
  void render(false)
}

function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  const anchor = (event.target as Element | null)?.closest?.('a')
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return
  const href = anchor.getAttribute('href') ?? ''
  if (href.startsWith('#')) {
    const target = document.getElementById(href.slice(1))
    if (target) {
      event.preventDefault()
      target.focus()
    }
    return
  }
  const url = new URL(anchor.href, location.href)
  if (url.origin !== location.origin || url.pathname === '/api' || url.pathname.startsWith('/api/')) return
  event.preventDefault()
  if (url.pathname + url.search === location.pathname + location.search) {
    reload()
    return
  }
  navigate(url.pathname + url.search)
}

function match(path: string): { view: View; params: Record<string, string> } {
  for (const { pattern, keys, view } of routes) {
    const found = pattern.exec(path)
    if (!found) continue
    const params: Record<string, string> = {}
    keys.forEach((key, index) => {
      params[key] = decodeURIComponent(found[index + 1] ?? '')
    })
    return { view, params }
  }
  return { view: notFound, params: {} }
}

async function render(moveFocus: boolean): Promise<void> {
  current?.abort()
  const controller = new AbortController()
  current = controller
  const { signal } = controller

  // One spelling per page: no trailing slash.
  if (location.pathname.length > 1 && location.pathname.endsWith('/')) {
    history.replaceState(null, '', location.pathname.replace(/\/+$/, '') + location.search)
  }
  const url = new URL(location.href)
  rendered = url.pathname + url.search
  const { view, params } = match(url.pathname)
  // A message from the page before (created, saved, deleted) waits for the new content.
  let message = takeFlash()
  if (!message) clearStatus()
  updateNav(url.pathname)
  main.setAttribute('aria-busy', 'true')
  main.classList.add('is-loading')

  const ctx: RouteContext = {
    url,
    params,
    query: url.searchParams,
    signal,
    show(...nodes) {
      if (signal.aborted) return
      main.replaceChildren()
      append(main, nodes)
      const heading = main.querySelector('h1')
      document.title = heading?.textContent ? `${heading.textContent} · labtrack` : 'labtrack'
      if (message) showStatus(message.text, message.kind)
      message = null
    },
  }
  try {
    await view(ctx)
  } catch (error) {
    if (signal.aborted) return
    errorView(ctx, error)
  }
  if (signal.aborted) return
  main.removeAttribute('aria-busy')
  main.classList.remove('is-loading')
  if (moveFocus) window.scrollTo(0, 0)
  if (moveFocus || !firstRender) {
    // Screen readers start reading the new page at its heading.
    const heading = main.querySelector('h1')
    if (heading && !main.contains(document.activeElement)) {
      heading.setAttribute('tabindex', '-1')
      heading.focus({ preventScroll: true })
    }
  }
  firstRender = false
}

/** Marks the navigation link of the page's section: the longest link path the page's path is in (/containers/lookup over /containers). */
function updateNav(pathname: string): void {
  const anchors = [...document.querySelectorAll<HTMLAnchorElement>('[data-nav]')]
  const current = anchors
    .filter((anchor) => pathname === anchor.pathname || pathname.startsWith(`${anchor.pathname}/`))
    .sort((a, b) => b.pathname.length - a.pathname.length)[0]
  for (const anchor of anchors) {
    if (anchor === current) anchor.setAttribute('aria-current', 'page')
    else anchor.removeAttribute('aria-current')
  }
}
