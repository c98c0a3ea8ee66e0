// A tiny element builder: every view builds its DOM with h(), never with
// innerHTML, so text from the API is always text. Styles come only from
// classes (the Content-Security-Policy forbids inline styles).

export type Child = Node | string | number | null | undefined | false | readonly Child[]
export type AttrValue = string | number | boolean | null | undefined
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value)
      else if (value === true) element.setAttribute(name, '')
      else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value))
    }
  }
  append(element, children)
  return element
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) append(parent, child)
    else if (child instanceof Node) parent.appendChild(child)
    else parent.appendChild(document.createTextNode(String(child)))
  }
}

/** A link the router handles (same-origin path). */
export function link(href: string, text: Child, attrs: Attrs = {}): HTMLAnchorElement {
  return h('a', { href, ...attrs }, text)
}

/** A link styled as a button. */
export function buttonLink(
  href: string,
  text: string,
  { id, variant = 'secondary' }: { id?: string; variant?: 'primary' | 'secondary' } = {},
): HTMLAnchorElement {
  return h('a', { href, id, class: `button button--${variant}` }, text)
}

/** Text for an optional value: the value, or a muted "not recorded". */
export function optional(value: string | null | undefined, empty = 'Not recorded'): Node {
  if (value === null || value === undefined || value === '') return h('span', { class: 'muted' }, empty)
  return document.createTextNode(value)
}

/** A moment from the API (ISO 8601) as a <time>, in the reader's time zone to the minute; `empty` when there is none. */
export function moment(iso: string | null | undefined, empty = 'Never'): Node {
  if (!iso) return h('span', { class: 'muted' }, empty)
  const at = new Date(iso)
  const pad = (value: number) => String(value).padStart(2, '0')
  const text = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`
  return h('time', { datetime: iso }, text)
}

/** Quotes a user-entered name in messages. */
export function quoted(name: string): string {
  return `“${name}”`
}
