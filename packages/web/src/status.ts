// The global message area (#status, role=status, aria-live=polite): what just
// happened, or what went wrong, in words.

export type StatusKind = 'info' | 'success' | 'error'

let region: HTMLElement | null = null
let pending: { text: string; kind: StatusKind } | null = null

export function initStatus(element: HTMLElement): void {
  region = element
}

export function showStatus(text: string, kind: StatusKind = 'info'): void {
  if (!region) return
  region.className = `status status--${kind}`
  region.dataset.kind = kind
  const message = document.createElement('p')
  message.textContent = text
  region.replaceChildren(message)
  // An error the user would not see (scrolled down a long page) is brought into view.
  if (kind === 'error' && region.getBoundingClientRect().top < 0) region.scrollIntoView({ block: 'nearest' })
}

export function clearStatus(): void {
  if (!region) return
  region.className = 'status'
  delete region.dataset.kind
  region.replaceChildren()
}

/** A message to show once the next page has been rendered (after a create, save or delete). */
export function flash(text: string, kind: StatusKind = 'success'): void {
  pending = { text, kind }
}

/** Takes the pending flash message, if any, to show once the new page is in place. */
export function takeFlash(): { text: string; kind: StatusKind } | null {
  const message = pending
  pending = null
  return message
}
