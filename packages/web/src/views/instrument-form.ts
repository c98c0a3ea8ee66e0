// The form of an instrument (a site's freezer or computer) and its new and
// edit pages: the site select comes last, and the breadcrumbs lead through the site.

import type { Versioned } from '../api.js'
import { quoted } from '../dom.js'
import type { FieldSpec, FormValues } from '../forms.js'
import { allSites, siteOptions } from '../lookups.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { type InstrumentRow, parseId, type Site } from '../types.js'
import { breadcrumbs, capitalise, idParam, pageHeader } from './page.js'
import { type Draft, resourceForm } from './resource-form.js'

export interface InstrumentForm<T extends InstrumentRow, Body extends { site_id: number }> {
  /** Such as `freezer`. */
  noun: string
  /** Every site's rows: the first breadcrumb, and where Cancel goes, when no site is chosen. */
  list: [label: string, href: string]
  /** A row's page. */
  page(id: number): string
  /** The fields before the site select, of a new row (null) or an edited one. */
  fields(row: T | null): FieldSpec[]
  /** The hint of the site select when a row is edited. */
  moveHint?: string
  /** The request body but for site_id, which comes last. */
  body(values: FormValues): Draft<Omit<Body, 'site_id'>>
  /** GETs the row edited with its version; POSTs a new one; PUTs the edited one with If-Match (calls of the typed client). */
  get(id: number, signal?: AbortSignal): Promise<Versioned<T>>
  create(body: Body): Promise<T>
  replace(id: number, body: Body, etag: string | null): Promise<T>
}

function instrumentForm<T extends InstrumentRow, Body extends { site_id: number }>(
  form: InstrumentForm<T, Body>,
  edited: Versioned<T> | null,
  sites: Site[],
  siteId: number | null,
): HTMLFormElement {
  return resourceForm<T, Body>({
    noun: form.noun,
    edited,
    fields: [
      ...form.fields(edited?.row ?? null),
      {
        name: 'site_id',
        label: 'Site',
        kind: 'select',
        required: true,
        value: siteId,
        emptyOption: 'Choose a site…',
        options: siteOptions(sites, siteId),
        hint: edited ? form.moveHint : undefined,
      },
    ],
    body: (values) => ({ ...form.body(values), site_id: values.id('site_id') }) as Draft<Body>,
    create: form.create,
    replace: form.replace,
    load: (id) => form.get(id),
    page: form.page,
    cancelNewHref: siteId ? paths.site(siteId) : form.list[1],
    named: (saved) => quoted(saved.name),
  })
}

/** The page of a new row, at the site of `?site_id=` when there is one. */
export async function instrumentNewPage<T extends InstrumentRow, Body extends { site_id: number }>(
  ctx: RouteContext,
  form: InstrumentForm<T, Body>,
): Promise<void> {
  const siteId = parseId(ctx.query.get('site_id'))
  const sites = await allSites(ctx.signal)
  const parent = sites.find((site) => site.id === siteId)
  const title = `New ${form.noun}`
  ctx.show(
    breadcrumbs(parent ? [['Sites', paths.sites], [parent.name, paths.site(parent.id)], [title]] : [form.list, [title]]),
    pageHeader(parent ? `${title} at ${parent.name}` : title),
    instrumentForm(form, null, sites, siteId),
  )
}

/** The page that edits the row of the route's :id. */
export async function instrumentEditPage<T extends InstrumentRow, Body extends { site_id: number }>(
  ctx: RouteContext,
  form: InstrumentForm<T, Body>,
): Promise<void> {
  const [edited, sites] = await Promise.all([form.get(idParam(ctx), ctx.signal), allSites(ctx.signal)])
  const { row } = edited
  const site = sites.find((candidate) => candidate.id === row.site_id)
  ctx.show(
    breadcrumbs([
      ['Sites', paths.sites],
      [site?.name ?? `Site ${row.site_id}`, paths.site(row.site_id)],
      [row.name, form.page(row.id)],
      ['Edit'],
    ]),
    pageHeader(`Edit ${row.name}`, { kicker: `${capitalise(form.noun)} #${row.id}` }),
    instrumentForm(form, edited, sites, row.site_id),
  )
}
