// The form of one row, new or edited, as each resource has it: POST the new
// row or PUT the edited one, say so, open the saved row's page; Cancel goes
// back. buildForm does the rest (busy state, errors beside their fields, focus).

import { create, replace } from '../api.js'
import { buildForm, type FieldSpec, type FormValues } from '../forms.js'
import { navigate } from '../router.js'
import { flash } from '../status.js'

export interface ResourceFormSpec<T extends { id: number }> {
  /** The row's noun, such as `freezer`: the form is `#freezer-form`, its button "Create freezer" or "Save freezer". */
  noun: string
  /** The API collection, such as `freezers`. */
  resource: string
  /** The row edited, or null for a new one. */
  row: T | null
  fields: FieldSpec[]
  /** The request body, from what the form holds. */
  body(values: FormValues): object
  /** A row's page: the saved row opens there, and Cancel goes there from an edited row. */
  page(id: number): string
  /** Where Cancel goes from a new row. */
  cancelNewHref: string
  /** The saved row as the status message names it, such as `“-80C”`. */
  named(saved: T): string
}

export function resourceForm<T extends { id: number }>(spec: ResourceFormSpec<T>): HTMLFormElement {
  const { row } = spec
  return buildForm({
    id: `${spec.noun}-form`,
    submitLabel: `${row ? 'Save' : 'Create'} ${spec.noun}`,
    cancelHref: row ? spec.page(row.id) : spec.cancelNewHref,
    fields: spec.fields,
    async submit(values) {
      const saved = row
        ? await replace<T>(`/api/${spec.resource}/${row.id}`, spec.body(values))
        : await create<T>(spec.resource, spec.body(values))
      flash(`${row ? 'Saved' : 'Created'} ${spec.noun} ${spec.named(saved)}.`)
      navigate(spec.page(saved.id), { replace: true })
    },
  })
}
