/**
 * A modal dialog on the native <dialog> element: focus trapped, Escape closes, labelled by its
 * title, and focus given back to what opened it when it goes.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

const FOCUSABLE = 'a[href], button, input, select, textarea, iframe, [tabindex], [contenteditable="true"]'

/** What Tab may land on inside `root`, in order: enabled, shown, not taken out of the tab order. */
function tabStops(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) => element.tabIndex >= 0 && !element.matches(':disabled') && !(element instanceof HTMLInputElement && element.type === 'hidden') && element.getClientRects().length > 0,
  )
}

/**
 * A modal <dialog> makes the page behind it inert, but Tab past its last control still leaves
 * for the browser's own interface (and the frame of a preview is a document of its own):
 * wrap around inside the dialog instead, as the WAI-ARIA dialog pattern asks.
 */
function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return
  const stops = tabStops(event.currentTarget)
  if (stops.length === 0) return
  const first = stops[0]!
  const last = stops[stops.length - 1]!
  const active = document.activeElement
  if (event.shiftKey && (active === first || active === event.currentTarget)) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && active === last) {
    event.preventDefault()
    first.focus()
  }
}
import { useTranslation } from 'react-i18next'

export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    // Whatever had focus before opening gets it back on closing: React removes the element
    // before this effect is cleaned up, so the browser's own restoring does not happen.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      dialog?.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={titleId}
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose()
      }}
    >
      <div className="dialog__body">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  )
}

/** The end of a dialog's form: what went wrong, if anything, then Cancel and the submit button. */
export function DialogFormFooter({ error, onCancel, submitLabel, disabled = false }: { error: string | null; onCancel: () => void; submitLabel: string; disabled?: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('dialog.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={disabled}>
          {submitLabel}
        </button>
      </div>
    </>
  )
}
