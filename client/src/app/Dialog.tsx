/** A modal dialog on the native <dialog> element: focus trapped, Escape closes, labelled by its title. */
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={titleId}
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
