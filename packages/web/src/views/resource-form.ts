// The form of one row, new or edited, as each resource has it: POST the new
// row or PUT the edited one, say so, open the saved row's page; Cancel goes
// back. buildForm does the rest (busy state, errors beside their fields, focus).

import { buildForm, type FieldSpec, type FormValues } from '../forms.js'
import { navigate } from '../router.js'
import { flash } from '../status.js'

/**
 * A request body as the form holds it: a select left empty leaves its id
 * undefined (out of the JSON). The server is the validator: its 400 puts the
 * error beside that field, as it does for every other invalid value.
 */
export type Draft<Body> = { [Key in keyof Body]: Body[Key] | undefined }

export interface ResourceFormSpec<T extends { id: number }, Body> {
  /** The row's noun, such as `freezer`: the form is `#freezer-form`, its button "Create freezer" or "Save freezer". */
  noun: string
  /** The row edited, or null for a new one. */
  row: T | null
  fields: FieldSpec[]
  /** The request body, from what the form holds. */
  body(values: FormValues): Draft<Body>
  /** POSTs a new row (a call of the typed client). */
  create(body: Body): Promise<T>
  /** PUTs the edited row. */
  replace(id: number, body: Body): Promise<T>
  /** A row's page: the saved row opens there, and Cancel goes there from an edited row. */
  page(id: number): string
  /** Where Cancel goes from a new row. */
  cancelNewHref: string
  /** The saved row as the status message names it, such as `“-80C”`. */
  named(saved: T): string
}

export function resourceForm<T extends { id: number }, Body>(spec: ResourceFormSpec<T, Body>): HTMLFormElement {
  const { row } = spec
  return buildForm({
    id: `${spec.noun}-form`,
    submitLabel: `${row ? 'Save' : 'Create'} ${spec.noun}`,
    cancelHref: row ? spec.page(row.id) : spec.cancelNewHref,
    fields: spec.fields,
    async submit(values) {
      // Sent as it is, empty selects included (see Draft).
      const body = spec.body(values) as Body
      const saved = row ? await spec.replace(row.id, body) : await spec.create(body)
      flash(`${row ? 'Saved' : 'Created'} ${spec.noun} ${spec.named(saved)}.`)
      navigate(spec.page(saved.id), { replace: true })
    },
  })
}
