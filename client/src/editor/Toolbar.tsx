/**
 * Formatting for the field being edited: block type, emphasis, links, lists, quotes with
 * attribution, rule, and undo/redo (each user's own, per field). Buttons show what is
 * active at the caret; each names its keyboard shortcut.
 */
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useEditorState } from '@tiptap/react'
import type { Editor } from '@tiptap/core'
import { Icon, type IconName } from './icons.js'
import { LinkForm } from './LinkForm.js'
import { SHORTCUTS, shortcutLabel, type ShortcutName } from './shortcuts.js'
import { useRovingToolbar } from './useRovingToolbar.js'

function ToolButton(props: { icon: IconName; label: string; shortcut?: string; active?: boolean; disabled?: boolean; onClick: () => void }) {
  const { t } = useTranslation()
  const title = props.shortcut ? t('editor.toolbar.withShortcut', { label: props.label, shortcut: props.shortcut }) : props.label
  return (
    <button
      type="button"
      className={`tool${props.active ? ' tool--active' : ''}`}
      aria-label={props.label}
      aria-pressed={props.active ?? undefined}
      title={title}
      disabled={props.disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
    >
      <Icon name={props.icon} />
    </button>
  )
}

export function Toolbar(props: { editor: Editor; isBody: boolean; linkOpen: boolean; setLinkOpen: (open: boolean) => void; onShowShortcuts: () => void }) {
  const { editor, isBody, linkOpen, setLinkOpen, onShowShortcuts } = props
  const { t } = useTranslation()
  const action = (name: ShortcutName) => t(SHORTCUTS[name].action)
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      editable: current.isEditable,
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      link: current.isActive('link'),
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      quote: current.isActive('blockquote'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  })
  const [, force] = useState(0)
  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => {
    command(editor.chain().focus()).run()
    force((n) => n + 1)
  }
  const toolbar = useRef<HTMLDivElement>(null)
  const roving = useRovingToolbar(toolbar)
  const disabled = !state.editable
  const blockType = state.h2 ? 'h2' : state.h3 ? 'h3' : 'paragraph'

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar.label')} ref={toolbar} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
      <select
        className="toolbar__block"
        aria-label={t('editor.toolbar.blockStyle')}
        value={blockType}
        disabled={disabled || !isBody}
        onChange={(event) => {
          const value = event.target.value
          if (value === 'paragraph') run((chain) => chain.setParagraph())
          else run((chain) => chain.setHeading({ level: value === 'h2' ? 2 : 3 }))
        }}
      >
        <option value="paragraph">{action('paragraph')}</option>
        <option value="h2">{action('subhead')}</option>
        <option value="h3">{action('minorSubhead')}</option>
      </select>
      <span className="toolbar__group">
        <ToolButton icon="bold" label={action('bold')} shortcut={shortcutLabel('bold')} active={state.bold} disabled={disabled} onClick={() => run((c) => c.toggleBold())} />
        <ToolButton icon="italic" label={action('italic')} shortcut={shortcutLabel('italic')} active={state.italic} disabled={disabled} onClick={() => run((c) => c.toggleItalic())} />
        <ToolButton icon="link" label={action('link')} shortcut={shortcutLabel('link')} active={state.link || linkOpen} disabled={disabled} onClick={() => setLinkOpen(!linkOpen)} />
      </span>
      <span className="toolbar__group">
        <ToolButton icon="bulletList" label={action('bulletList')} shortcut={shortcutLabel('bulletList')} active={state.bulletList} disabled={disabled || !isBody} onClick={() => run((c) => c.toggleBulletList())} />
        <ToolButton icon="orderedList" label={action('orderedList')} shortcut={shortcutLabel('orderedList')} active={state.orderedList} disabled={disabled || !isBody} onClick={() => run((c) => c.toggleOrderedList())} />
        <ToolButton icon="quote" label={action('quote')} shortcut={shortcutLabel('quote')} active={state.quote} disabled={disabled || !isBody} onClick={() => run((c) => c.toggleBlockquote())} />
        <ToolButton icon="attribution" label={t('editor.toolbar.attribution')} disabled={disabled || !isBody || !state.quote} onClick={() => run((c) => c.setQuoteAttribution())} />
        <ToolButton icon="rule" label={t('editor.toolbar.rule')} disabled={disabled || !isBody} onClick={() => run((c) => c.setHorizontalRule())} />
      </span>
      <span className="toolbar__group toolbar__group--end">
        <ToolButton icon="undo" label={action('undo')} shortcut={shortcutLabel('undo')} disabled={disabled || !state.canUndo} onClick={() => run((c) => c.undo())} />
        <ToolButton icon="redo" label={action('redo')} shortcut={shortcutLabel('redo')} disabled={disabled || !state.canRedo} onClick={() => run((c) => c.redo())} />
        <ToolButton icon="keyboard" label={action('shortcuts')} shortcut={shortcutLabel('shortcuts')} onClick={onShowShortcuts} />
      </span>
      {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
    </div>
  )
}
