// A confirmation before anything is deleted: a modal <dialog> (focus is
// trapped, Escape cancels), with #confirm-yes and #confirm-no.

import { h } from './dom.js'

export function confirmAction({
  title,
  message,
  confirmLabel,
}: {
  title: string
  message: string
  confirmLabel: string
}): Promise<boolean> {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
  const cancel = h('button', { type: 'submit', value: 'cancel', id: 'confirm-no', class: 'button button--secondary' }, 'Cancel')
  const dialog = h(
    'dialog',
    { id: 'confirm-dialog', class: 'dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-message' },
    h('h2', { id: 'confirm-title', class: 'dialog__title' }, title),
    h('p', { id: 'confirm-message' }, message),
    h(
      'form',
      { method: 'dialog', class: 'dialog__actions' },
      cancel,
      h('button', { type: 'submit', value: 'confirm', id: 'confirm-yes', class: 'button button--danger' }, confirmLabel),
    ),
  )
  document.body.append(dialog)
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        resolve(dialog.returnValue === 'confirm')
        dialog.remove()
        if (opener?.isConnected) opener.focus()
      },
      { once: true },
    )
    dialog.showModal()
    cancel.focus()
  })
}
