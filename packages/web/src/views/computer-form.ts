import { api, call, callVersioned, ifMatch } from '../api.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import type { Computer, ComputerInput } from '../types.js'
import { type InstrumentForm, instrumentEditPage, instrumentNewPage } from './instrument-form.js'

const computerForm: InstrumentForm<Computer, ComputerInput> = {
  noun: 'computer',
  list: ['Computers', paths.computers()],
  page: paths.computer,
  fields: (computer) => [
    { name: 'name', label: 'Name', required: true, maxLength: 200, value: computer?.name },
    {
      name: 'mac',
      label: 'MAC address',
      value: computer?.mac,
      mono: true,
      spellcheck: false,
      hint: 'Such as 08:00:2b:01:02:03; 08-00-2B-01-02-03, 0800.2b01.0203 and 08002b010203 work too.',
    },
  ],
  body: (values) => ({ name: values.text('name'), mac: values.optionalText('mac') }),
  get: (id, signal) => callVersioned(api.GET('/api/computers/{id}', { params: { path: { id } }, signal })),
  create: (body) => call(api.POST('/api/computers', { body })),
  replace: (id, body, etag) => call(api.PUT('/api/computers/{id}', { params: { path: { id } }, body, headers: ifMatch(etag) })),
}

export const computerNewView = (ctx: RouteContext): Promise<void> => instrumentNewPage(ctx, computerForm)
export const computerEditView = (ctx: RouteContext): Promise<void> => instrumentEditPage(ctx, computerForm)
