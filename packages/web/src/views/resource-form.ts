// The form of one row, new or edited, as each resource has it: POST the new
// row or PUT the edited one, say so, open the saved row's page; Cancel goes
// back. buildForm does the rest (busy state, errors beside their fields, focus).
// An edit sends If-Match with the version of the row it loaded; when someone
// else changed the row meanwhile (412), the form shows the row as it is now
// and keeps what was typed (conflict.ts).

import { ApiError, type Versioned } from '../api.js'
import { showConflict } from '../conflict.js'
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
  /** The row edited and its version, or null for a new one. */
  edited: Versioned<T> | null
  fields: FieldSpec[]
  /** The request body, from what the form holds. */
  body(values: FormValues): Draft<Body>
  /** POSTs a new row (a call of the typed client). */
  create(body: Body): Promise<T>
  /** PUTs the edited row, with If-Match: `etag`. */
  replace(id: number, body: Body, etag: string | null): Promise<T>
  /** GETs the edited row as it is now, with its version. */
  load(id: number): Promise<Versioned<T>>
  /** A row's page: the saved row opens there, and Cancel goes there from an edited row. */
  page(id: number): string
  /** Where Cancel goes from a new row. */
  cancelNewHref: string
  /** The saved row as the status message names it, such as `“-80C”`. */
  named(saved: T): string
  /** The field a refusal is about when its detail names none (see FormSpec). */
  problemField?(detail: string): string | null
}

/** A row's values as its form's fields hold them (text; null is empty). */
function fieldValues(row: object, fields: FieldSpec[]): Record<string, string> {
  const values: Record<string, string> = {}
  for (const { name } of fields) {
    const value = (row as Record<string, unknown>)[name]
    values[name] = value === null || value === undefined ? '' : String(value)
  }
  return values
}

export function resourceForm<T extends { id: number }, Body>(spec: ResourceFormSpec<T, Body>): HTMLFormElement {
  const { edited } = spec
  let loaded = edited
  const form = buildForm({
    id: `${spec.noun}-form`,
    submitLabel: `${edited ? 'Save' : 'Create'} ${spec.noun}`,
    cancelHref: edited ? spec.page(edited.row.id) : spec.cancelNewHref,
    fields: spec.fields,
    problemField: spec.problemField,
    async submit(values) {
      // Sent as it is, empty selects included (see Draft).
      const body = spec.body(values) as Body
      if (!loaded) {
        const created = await spec.create(body)
        flash(`Created ${spec.noun} ${spec.named(created)}.`)
        navigate(spec.page(created.id), { replace: true })
        return
      }
      try {
        const saved = await spec.replace(loaded.row.id, body, loaded.etag)
        flash(`Saved ${spec.noun} ${spec.named(saved)}.`)
        navigate(spec.page(saved.id), { replace: true })
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 412)) throw error
        const current = await spec.load(loaded.row.id)
        showConflict(form, {
          noun: spec.noun,
          loaded: fieldValues(loaded.row, spec.fields),
          current: fieldValues(current.row, spec.fields),
        })
        // The next save is made against the row as it is now.
        loaded = current
      }
    },
  })
  return form
}
