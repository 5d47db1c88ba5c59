/** Adding or changing a link: only web and email addresses are accepted. */
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from '@tiptap/core'
import { normalizeHref } from '@copydesk/shared/schema'

export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation()
  const current = (editor.getAttributes('link').href as string | undefined) ?? ''
  const [value, setValue] = useState(current)
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.focus(), [])

  function apply(event: FormEvent) {
    event.preventDefault()
    const href = normalizeHref(value)
    if (!href) {
      setError(t('editor.link.invalid'))
      return
    }
    const chain = editor.chain().focus()
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: value.trim(), marks: [{ type: 'link', attrs: { href } }] }).run()
    } else {
      chain.extendMarkRange('link').setLink({ href }).run()
    }
    onClose()
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    onClose()
  }

  return (
    <form
      className="link-form"
      onSubmit={apply}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          // Focus at once (TipTap's focus command waits a frame): the next keystroke belongs to the text.
          editor.view.focus()
          onClose()
        }
      }}
      aria-label={t('editor.link.label')}
    >
      <input
        ref={input}
        className="input link-form__input"
        type="text"
        inputMode="url"
        placeholder={t('editor.link.placeholder')}
        aria-label={t('editor.link.address')}
        value={value}
        onChange={(event) => {
          setValue(event.target.value)
          setError(null)
        }}
      />
      <button className="button button--primary" type="submit">
        {current ? t('editor.link.update') : t('editor.link.add')}
      </button>
      {current && (
        <button className="button button--quiet" type="button" onClick={remove}>
          {t('editor.link.remove')}
        </button>
      )}
      {error && (
        <p className="form__error link-form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
