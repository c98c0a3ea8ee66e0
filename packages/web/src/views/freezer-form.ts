import { api, call, callVersioned, ifMatch } from '../api.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import type { Freezer, FreezerInput } from '../types.js'
import { type InstrumentForm, instrumentEditPage, instrumentNewPage } from './instrument-form.js'

const freezerForm: InstrumentForm<Freezer, FreezerInput> = {
  noun: 'freezer',
  list: ['Freezers', paths.freezers()],
  page: paths.freezer,
  fields: (freezer) => [
    {
      name: 'name',
      label: 'Name',
      required: true,
      maxLength: 200,
      value: freezer?.name,
      hint: 'For example “-80C” or “Freezer B, room 12”.',
    },
  ],
  moveHint: 'Choosing another site moves the freezer there.',
  body: (values) => ({ name: values.text('name') }),
  get: (id, signal) => callVersioned(api.GET('/api/freezers/{id}', { params: { path: { id } }, signal })),
  create: (body) => call(api.POST('/api/freezers', { body })),
  replace: (id, body, etag) => call(api.PUT('/api/freezers/{id}', { params: { path: { id } }, body, headers: ifMatch(etag) })),
}

export const freezerNewView = (ctx: RouteContext): Promise<void> => instrumentNewPage(ctx, freezerForm)
export const freezerEditView = (ctx: RouteContext): Promise<void> => instrumentEditPage(ctx, freezerForm)
