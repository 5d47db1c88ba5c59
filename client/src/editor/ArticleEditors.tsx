/**
 * The article as it is written: headline, standfirst, byline, body, author's bio. Three
 * TipTap editors share one Yjs document (one fragment each) and one awareness (so carets
 * show in whichever field their owner is in). The toolbar acts on the field last focused.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatList } from '../app/format.js'
import { key } from '../i18n/labels.js'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import type { Story, User } from '@copydesk/shared/api'
import type { StoryField } from '@copydesk/shared/schema'
import { fieldExtensions, type FieldEditorContext } from './fieldExtensions.js'
import { HeadlineCounter } from './HeadlineCounter.js'
import { isTypingTarget, opensShortcuts } from './shortcuts.js'
import { ShortcutsDialog } from './ShortcutsDialog.js'
import type { StoryConnection } from './StoryConnection.js'
import { Toolbar } from './Toolbar.js'

const LABELS: Record<StoryField, string> = { headline: key('editor.field.headline'), standfirst: key('editor.field.standfirst'), body: key('editor.field.body') }

function fieldAttributes(field: StoryField, label: string): Record<string, string> {
  // `role` is TipTap's own default, repeated: new attributes replace the old ones whole.
  return { role: 'textbox', class: `field-editor field-editor--${field}`, 'aria-label': label, 'data-field': field, spellcheck: 'true' }
}

function useFieldEditor(field: StoryField, context: FieldEditorContext, readOnly: boolean, onFocus: (field: StoryField, editor: Editor) => void): Editor | null {
  const { t, i18n } = useTranslation()
  const editor = useEditor(
    {
      extensions: fieldExtensions(field, context),
      editable: !readOnly,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: fieldAttributes(field, t(LABELS[field])) },
      onFocus: ({ editor: focused }) => onFocus(field, focused),
    },
    // Not the language: a switch must keep these editors (their selection, what is being typed).
    [context],
  )
  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly)
  }, [editor, readOnly])
  // A switch of language relabels the field and redraws its placeholder, on the same editor.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.setOptions({ editorProps: { attributes: fieldAttributes(field, t(LABELS[field])) } })
  }, [editor, field, t, i18n.language])
  return editor
}

export function ArticleEditors({ connection, user, story, readOnly }: { connection: StoryConnection; user: User; story: Story | null; readOnly: boolean }) {
  const { t } = useTranslation()
  const editors = useRef<Partial<Record<StoryField, Editor | null>>>({})
  const [active, setActive] = useState<StoryField>('body')
  const [linkOpen, setLinkOpen] = useState(false)
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const awareness = connection.provider.awareness
  // Read at each keystroke by the quotes, so a change of language needs no new editors.
  const language = useRef(story?.language ?? 'fr')
  language.current = story?.language ?? 'fr'

  const context = useMemo<FieldEditorContext>(
    () => ({
      doc: connection.doc,
      provider: connection.provider,
      user: { id: user.id, name: user.displayName, color: user.color },
      focusNext: (from) => {
        const next = from === 'headline' ? editors.current.standfirst : editors.current.body
        if (!next) return
        // Focus synchronously (the focus command may wait a frame): the next keystroke goes here.
        next.commands.setTextSelection(1)
        next.view.focus()
      },
      language: () => language.current,
      notify: setNotice,
    }),
    // The person's name and colour, not the account object: saving a setting (the interface
    // language) gives a new object, and must not rebuild the editors under the caret.
    [connection, user.id, user.displayName, user.color],
  )

  const onFocus = useCallback(
    (field: StoryField) => {
      if (field !== 'headline') setActive(field)
      awareness.setLocalStateField('field', field)
    },
    [awareness],
  )

  const headline = useFieldEditor('headline', context, readOnly, onFocus)
  const standfirst = useFieldEditor('standfirst', context, readOnly, onFocus)
  const body = useFieldEditor('body', context, readOnly, onFocus)
  editors.current = { headline, standfirst, body }

  // A story opens with the caret in its headline (once; not if the person already went
  // somewhere, say the notifications): the keyboard starts at the text, not the page's top.
  const focusedOnOpen = useRef(false)
  useEffect(() => {
    if (!headline || focusedOnOpen.current || readOnly) return
    focusedOnOpen.current = true
    if (document.activeElement === document.body || document.activeElement === null) headline.commands.focus('end')
  }, [headline, readOnly])

  // Leaving every field: the others see this person reading, not in a field.
  useEffect(() => {
    const blurred = () => {
      setTimeout(() => {
        if (!Object.values(editors.current).some((editor) => editor?.isFocused)) awareness.setLocalStateField('field', null)
      }, 0)
    }
    const all = [headline, standfirst, body].filter((editor): editor is Editor => editor !== null)
    all.forEach((editor) => editor.on('blur', blurred))
    return () => all.forEach((editor) => editor.off('blur', blurred))
  }, [awareness, headline, standfirst, body])

  // The shortcuts list: Ctrl+/ anywhere on the page, `?` where it is not being typed.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!opensShortcuts(event, isTypingTarget(event.target))) return
      event.preventDefault()
      setShortcutsOpen(true)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const toolbarEditor = active === 'standfirst' ? standfirst : body

  const onKeyDown = (event: KeyboardEvent) => {
    if (notice && !event.ctrlKey && !event.metaKey) setNotice(null)
    if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k' && active !== 'headline' && !readOnly) {
      event.preventDefault()
      setLinkOpen(true)
    }
  }

  const author = story?.byline ?? []
  return (
    <>
      <div className="toolbar-bar">
        {toolbarEditor && <Toolbar editor={toolbarEditor} isBody={active === 'body'} linkOpen={linkOpen} setLinkOpen={setLinkOpen} onShowShortcuts={() => setShortcutsOpen(true)} />}
        {notice && (
          <div className="editor-notice" role="alert" data-testid="editor-notice">
            <span>{notice}</span>
            <button type="button" className="button button--quiet" onClick={() => setNotice(null)}>
              {t('editor.dismiss')}
            </button>
          </div>
        )}
      </div>
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
      <main className="article-page" onKeyDown={onKeyDown}>
        {/* The story's language, for spellchecking and hyphenation; the editors inherit it. */}
        <article className="article" aria-label={t('editor.story')} lang={story?.language ?? 'fr'}>
          <EditorContent editor={headline} className="article__headline" />
          {headline && <HeadlineCounter editor={headline} />}
          <EditorContent editor={standfirst} className="article__standfirst" />
          {author.length > 0 && (
            <p className="article__byline">
              {t('editor.byline', { names: formatList(author.map((entry) => entry.name)) })}
            </p>
          )}
          <EditorContent editor={body} className="article__body" />
          {author.some((entry) => entry.bio) && (
            <footer className="article__bio">
              {author
                .filter((entry) => entry.bio)
                .map((entry) => (
                  <p key={entry.name}>
                    <strong>{entry.name}</strong> {entry.bio}
                  </p>
                ))}
            </footer>
          )}
        </article>
      </main>
    </>
  )
}
