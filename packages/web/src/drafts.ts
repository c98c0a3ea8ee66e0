// What someone had typed into a form when its submit met a 401 (the session
// had ended): kept in memory while they sign in, and put back when the same
// form opens again on the same page. Never stored, passwords never kept.

interface Draft {
  page: string
  form: string
  values: Record<string, string>
}

let kept: Draft | null = null

export function keepDraft(page: string, form: string, values: Record<string, string>): void {
  kept = { page, form, values }
}

/** The values kept for form `form` on `page`, once; null when there are none. */
export function takeDraft(page: string, form: string): Record<string, string> | null {
  if (!kept || kept.page !== page || kept.form !== form) return null
  const { values } = kept
  kept = null
  return values
}
