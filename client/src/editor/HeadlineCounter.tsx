/** How long the headline is, shown as it nears the limit the server enforces (and the editor too). */
import { useEditorState } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import type { Editor } from '@tiptap/core'
import { formatCount } from '../app/format.js'
import { HEADLINE_COUNTER_FROM, MAX_HEADLINE_CHARS } from './limits.js'

export function HeadlineCounter({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const length = useEditorState({ editor, selector: ({ editor: current }) => current.state.doc.textContent.length })
  if (length < HEADLINE_COUNTER_FROM) return null
  const full = length >= MAX_HEADLINE_CHARS
  return (
    <p className={`headline-counter${full ? ' headline-counter--full' : ''}`} data-testid="headline-counter" aria-live="polite">
      {t(full ? 'editor.headlineFull' : 'editor.headlineCounter', { length: formatCount(length), max: formatCount(MAX_HEADLINE_CHARS) })}
    </p>
  )
}
