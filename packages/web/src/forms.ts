// Form helpers: labelled fields with a hint and an error slot each
// ([data-error-for=<field>]), reading values, and putting the server's
// validation errors and conflicts beside the field they concern.

import { ApiError } from './api.js'
import { h } from './dom.js'
import { keepDraft, takeDraft } from './drafts.js'
import { showStatus } from './status.js'
import { parseId } from './types.js'

export interface SelectOption {
  value: string
  label: string
}

export interface SelectGroup {
  label: string
  options: SelectOption[]
}

export interface FieldSpec {
  /** The API field name: the control's `name`, and its error slot's `data-error-for`. */
  name: string
  label: string
  kind?: 'text' | 'textarea' | 'select'
  /** The type of a text input: `password` (never kept in a draft), `date`. */
  inputType?: 'text' | 'password' | 'date'
  value?: string | number | null | undefined
  required?: boolean
  maxLength?: number
  hint?: string
  autocomplete?: string
  spellcheck?: boolean
  mono?: boolean
  inputMode?: 'text' | 'numeric' | 'search'
  placeholder?: string
  options?: (SelectOption | SelectGroup)[]
  /** For a select: a first, empty choice such as "Choose a site…". */
  emptyOption?: string
}

export interface FormSpec {
  id: string
  fields: FieldSpec[]
  submitLabel: string
  submitId?: string
  cancelHref?: string
  /** Class of the form: `form` (stacked) or `form form--inline`. */
  className?: string
  /** What #status says while the form is sent; `Saving…` unless said. */
  busyMessage?: string
  /** The field a 409 or 422 detail is about when it names none, such as `position` for "K1 is outside …'s grid". */
  problemField?(detail: string): string | null
  submit(values: FormValues): Promise<void>
}

const problemFields = new WeakMap<HTMLFormElement, (detail: string) => string | null>()

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement

export class FormValues {
  constructor(private readonly form: HTMLFormElement) {}

  private control(name: string): Control | null {
    const element = this.form.elements.namedItem(name)
    return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement
      ? element
      : null
  }

  /** The trimmed text of a field. */
  text(name: string): string {
    return this.control(name)?.value.trim() ?? ''
  }

  /** The text of a field exactly as typed (a password). */
  raw(name: string): string {
    return this.control(name)?.value ?? ''
  }

  /** The trimmed text of an optional field; empty means null (clears the value). */
  optionalText(name: string): string | null {
    return this.text(name) || null
  }

  /**
   * A whole number typed in a field; null when it is empty. Anything else is
   * sent as typed, so that the server's refusal goes beside the field.
   */
  optionalInteger(name: string): number | null {
    const text = this.text(name)
    if (!text) return null
    return /^\d{1,9}$/.test(text) ? Number(text) : (text as unknown as number)
  }

  /** An id chosen in a select; undefined (left out of the body) when none is chosen. */
  id(name: string): number | undefined {
    return parseId(this.text(name)) ?? undefined
  }
}

function option(choice: SelectOption, selected: string): HTMLOptionElement {
  return h('option', { value: choice.value, selected: choice.value === selected }, choice.label)
}

function control(field: FieldSpec): Control {
  const describedBy = [field.hint ? `hint-${field.name}` : null, `error-${field.name}`].filter(Boolean).join(' ')
  const common = {
    id: `field-${field.name}`,
    name: field.name,
    required: field.required,
    'aria-describedby': describedBy,
    class: field.mono ? 'input input--mono' : 'input',
  }
  const value = field.value === null || field.value === undefined ? '' : String(field.value)
  if (field.kind === 'select') {
    return h(
      'select',
      common,
      field.emptyOption !== undefined ? h('option', { value: '' }, field.emptyOption) : null,
      (field.options ?? []).map((choice) =>
        'options' in choice
          ? h(
              'optgroup',
              { label: choice.label },
              choice.options.map((inner) => option(inner, value)),
            )
          : option(choice, value),
      ),
    )
  }
  if (field.kind === 'textarea') {
    return h(
      'textarea',
      { ...common, rows: 3, maxlength: field.maxLength, spellcheck: field.spellcheck === false ? 'false' : null },
      value,
    )
  }
  return h('input', {
    ...common,
    type: field.inputType ?? 'text',
    value,
    maxlength: field.maxLength,
    autocomplete: field.autocomplete ?? 'off',
    spellcheck: field.spellcheck === false ? 'false' : null,
    inputmode: field.inputMode,
    placeholder: field.placeholder,
  })
}

export function fieldRow(field: FieldSpec): HTMLElement {
  return h(
    'div',
    { class: 'field', 'data-field': field.name, 'data-label': field.label },
    h(
      'label',
      { for: `field-${field.name}`, class: 'field__label' },
      field.label,
      h('span', { class: 'field__need' }, field.required ? ' (required)' : ' (optional)'),
    ),
    field.hint ? h('p', { class: 'field__hint', id: `hint-${field.name}` }, field.hint) : null,
    control(field),
    h('p', { class: 'field__error', id: `error-${field.name}`, 'data-error-for': field.name }),
  )
}

/** Every control of a form by its name (its API field). */
function controls(form: HTMLFormElement): Control[] {
  return [...form.querySelectorAll<Control>('[data-field] :is(input, select, textarea)')]
}

/** What the form holds, field by field, as typed (untrimmed). */
export function readValues(form: HTMLFormElement, { passwords = true } = {}): Record<string, string> {
  const values: Record<string, string> = {}
  for (const control of controls(form)) {
    if (passwords || control.type !== 'password') values[control.name] = control.value
  }
  return values
}

/** Puts values into the form's fields; a select gets a choice for a value it lacks. */
export function writeValues(form: HTMLFormElement, values: Record<string, string>): void {
  for (const control of controls(form)) {
    const value = values[control.name]
    if (value === undefined) continue
    if (control instanceof HTMLSelectElement && ![...control.options].some((choice) => choice.value === value)) {
      control.append(h('option', { value }, value))
    }
    control.value = value
  }
}

/** How a value of a field reads on the page: a select's label for its value, the text otherwise. */
export function displayValue(form: HTMLFormElement, name: string, value: string): string {
  const control = controls(form).find((candidate) => candidate.name === name)
  if (control instanceof HTMLSelectElement) {
    return [...control.options].find((choice) => choice.value === value)?.textContent ?? value
  }
  return value
}

export function buildForm(spec: FormSpec): HTMLFormElement {
  // The page this form belongs to: what was typed comes back here after a sign-in.
  const page = location.pathname + location.search
  const submit = h(
    'button',
    { type: 'submit', class: 'button button--primary', id: spec.submitId ?? `${spec.id}-submit`, 'data-testid': 'submit' },
    spec.submitLabel,
  )
  const form = h(
    'form',
    { id: spec.id, class: spec.className ?? 'form', novalidate: true, 'data-testid': spec.id },
    spec.fields.map(fieldRow),
    h(
      'div',
      { class: 'form__actions' },
      submit,
      spec.cancelHref
        ? h('a', { href: spec.cancelHref, class: 'button button--secondary', id: `${spec.id}-cancel` }, 'Cancel')
        : null,
    ),
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (form.getAttribute('aria-busy') === 'true') return
    clearFieldErrors(form)
    form.setAttribute('aria-busy', 'true')
    submit.disabled = true
    showStatus(spec.busyMessage ?? 'Saving…')
    spec
      .submit(new FormValues(form))
      .catch((error: unknown) => {
        submit.disabled = false
        if (error instanceof ApiError && error.status === 401) keepDraft(page, spec.id, readValues(form, { passwords: false }))
        showFormError(form, error)
        if (!form.contains(document.activeElement)) submit.focus()
      })
      .finally(() => {
        submit.disabled = false
        form.removeAttribute('aria-busy')
      })
  })
  if (spec.problemField) problemFields.set(form, spec.problemField)
  const draft = takeDraft(page, spec.id)
  if (draft) {
    writeValues(form, draft)
    form.prepend(
      h('p', { class: 'form__note', id: 'draft-note' }, 'What you had typed is back in the form: check it and save again.'),
    )
  }
  return form
}

export function clearFieldErrors(form: HTMLFormElement): void {
  for (const slot of form.querySelectorAll<HTMLElement>('[data-error-for]')) slot.textContent = ''
  for (const field of form.querySelectorAll('.field--invalid')) field.classList.remove('field--invalid')
  for (const invalid of form.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid')
}

/** Puts a message beside a field; false when the form has no such field. */
export function setFieldError(form: HTMLFormElement, name: string, message: string): boolean {
  const field = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`)
  const slot = field?.querySelector<HTMLElement>('[data-error-for]')
  if (!field || !slot) return false
  slot.textContent = message
  field.classList.add('field--invalid')
  field.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true')
  return true
}

// ajv's own wording, for the checks the API does not word itself.
const NOISE = [/^must be null$/, /^must match a schema in anyOf$/, /^must match exactly one schema in oneOf$/, /^is required$/]

export function humanize(field: string, detail: string): string {
  if (/^must have required property/.test(detail) || /^must NOT have fewer than 1 characters?$/.test(detail)) return 'is required'
  const tooLong = /^must NOT have more than (\d+) characters?$/.exec(detail)
  if (tooLong) return `must be at most ${tooLong[1]} characters long`
  if (/^must match format "uuid"$/.test(detail))
    return 'must look like 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01 (32 hexadecimal digits and 4 hyphens)'
  if (/^must match pattern/.test(detail)) {
    return field === 'mac' ? 'must be a MAC address such as 08:00:2b:01:02:03' : 'is not in the expected format'
  }
  if (/^must be (integer|number)$/.test(detail)) return 'must be a whole number'
  return detail
}

/** The messages worth showing for one field: without ajv's noise when a real reason is there. */
export function fieldMessages(field: string, details: string[]): string[] {
  const messages = [...new Set(details.map((detail) => humanize(field, detail)))]
  const meaningful = messages.filter((message) => !NOISE.some((noise) => noise.test(message)))
  return meaningful.length > 0 ? meaningful : messages.filter((message) => message !== 'must be null').slice(0, 1)
}

function labelOf(form: HTMLFormElement, name: string): string | null {
  return form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`)?.dataset.label ?? null
}

/** Shows what the server refused: beside the fields it names, and in #status. */
export function showFormError(form: HTMLFormElement, error: unknown, refused = 'Not saved'): void {
  // A 401 has opened the sign-in page already (session-middleware.ts), which says why.
  if (error instanceof ApiError && error.status === 401) return
  if (!(error instanceof ApiError)) {
    showStatus(`${refused}: ${error instanceof Error ? error.message : String(error)}`, 'error')
    return
  }
  const { problem } = error
  const invalid: string[] = []
  const general: string[] = []
  if (problem.errors?.length) {
    const byField = new Map<string, string[]>()
    for (const issue of problem.errors) {
      const name = issue.pointer.replace(/^\//, '').split('/')[0] ?? ''
      if (labelOf(form, name) === null) general.push(name ? `${name} ${humanize(name, issue.detail)}` : issue.detail)
      else byField.set(name, [...(byField.get(name) ?? []), issue.detail])
    }
    for (const [name, details] of byField) {
      setFieldError(form, name, `${labelOf(form, name)} ${fieldMessages(name, details).join('; ')}.`)
      invalid.push(name)
    }
  } else if (problem.status === 409 || problem.status === 422) {
    // A conflict ("a computer with this mac already exists") or an unknown
    // parent ("site_id does not name an existing row") names its field.
    for (const field of form.querySelectorAll<HTMLElement>('[data-field]')) {
      const name = field.dataset.field ?? ''
      if (new RegExp(`\\b${name}\\b`).test(problem.detail) && setFieldError(form, name, problem.detail)) invalid.push(name)
    }
    const named = invalid.length === 0 ? problemFields.get(form)?.(problem.detail) : null
    if (named && setFieldError(form, named, problem.detail)) invalid.push(named)
  }
  if (problem.errors?.length) {
    const count = invalid.length === 1 ? 'one field needs' : `${invalid.length} fields need`
    const parts = invalid.length > 0 ? [`${refused}: ${count} correcting.`] : [`${refused}.`]
    showStatus([...parts, ...general].join(' '), 'error')
  } else {
    showStatus(`${refused}: ${problem.detail}`, 'error')
  }
  const first = invalid[0]
  if (first) form.querySelector<HTMLElement>(`[data-field="${CSS.escape(first)}"] :is(input, select, textarea)`)?.focus()
}
