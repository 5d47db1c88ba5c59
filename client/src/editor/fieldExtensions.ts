/**
 * Each field's editor: the article schema from `@copydesk/shared/schema`, unchanged, plus
 * what only a browser needs: collaboration on the field's fragment, the named carets of
 * the others, a placeholder, moving between fields with Enter, clean pasting, the
 * server's limits kept as people type, and typographic quotes.
 */
import { Extension, type AnyExtension } from '@tiptap/core'
import { Collaboration } from '@tiptap/extension-collaboration'
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret'
import { Placeholder } from '@tiptap/extensions'
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { FIELD_EXTENSIONS, type StoryField } from '@copydesk/shared/schema'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { estimatedSliceBytes, headlineAllows, headlineRoom, MAX_HEADLINE_CHARS, pasteVerdict } from './limits.js'
import { cleanPastedHtml } from './paste.js'
import { smartQuotes } from './smartQuotes.js'
import { formatCount, formatMegabytes } from '../app/format.js'
import { i18n } from '../i18n/index.js'
import { key } from '../i18n/labels.js'

/** Catalogue keys, read at each redraw: a change of language shows at once, with the same editors. */
export const PLACEHOLDERS: Record<StoryField, string> = {
  headline: key('editor.placeholder.headline'),
  standfirst: key('editor.placeholder.standfirst'),
  body: key('editor.placeholder.body'),
}

export interface CaretUser {
  id: string
  name: string
  color: string
}

export interface FieldEditorContext {
  doc: Y.Doc
  provider: WebsocketProvider
  user: CaretUser
  /** Moves the caret to the start of the next field (Enter at the end of the headline). */
  focusNext: (from: StoryField) => void
  /** The story's language now ('fr', 'en'…): it decides the quotes typed. */
  language: () => string
  /** Tells the person why something they did was not done (a refused paste). */
  notify: (message: string) => void
}

/** Joins the blocks of a pasted slice into one paragraph's inline content (headline, standfirst). */
function flattenToOneParagraph(slice: Slice, schema: ProseMirrorNode['type']['schema'], plain: boolean): Slice {
  const inline: ProseMirrorNode[] = []
  slice.content.descendants((node) => {
    if (node.isTextblock) {
      if (inline.length > 0) inline.push(schema.text(' '))
      node.forEach((child) => {
        if (child.isText) inline.push(plain ? schema.text(child.text!) : child)
        else if (child.type.name === 'hardBreak') inline.push(schema.text(' '))
      })
      return false
    }
    return true
  })
  const paragraph = schema.nodes.paragraph!.create(null, inline.length > 0 ? inline : undefined)
  return new Slice(Fragment.from(paragraph), 1, 1)
}

/** The headline's paste, cut to the room the limit leaves. */
function cutToHeadlineRoom(slice: Slice, room: number, notify: (message: string) => void): Slice {
  const paragraph = slice.content.firstChild
  const text = paragraph?.textContent ?? ''
  if (!paragraph || text.length <= room) return slice
  notify(i18n.t('editor.headlineCut', { max: formatCount(MAX_HEADLINE_CHARS) }))
  const schema = paragraph.type.schema
  const cut = schema.nodes.paragraph!.create(null, room > 0 ? schema.text(text.slice(0, room)) : undefined)
  return new Slice(Fragment.from(cut), 1, 1)
}

/** Headline and standfirst are one paragraph each: Enter goes on to the next field, pastes become one line. */
function singleParagraphBehaviour(field: 'headline' | 'standfirst', { focusNext, notify }: FieldEditorContext): Extension {
  return Extension.create({
    name: `${field}Behaviour`,
    addKeyboardShortcuts() {
      const next = () => {
        focusNext(field)
        return true
      }
      return { Enter: next, 'Shift-Enter': next, 'Mod-Enter': next }
    },
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: new PluginKey(`${field}Paste`),
          props: {
            transformPasted: (slice, view) => {
              const line = flattenToOneParagraph(slice, view.state.schema, field === 'headline')
              return field === 'headline' ? cutToHeadlineRoom(line, headlineRoom(view.state), notify) : line
            },
            transformPastedHTML: cleanPastedHtml,
          },
        }),
        ...(field === 'headline' ? [new Plugin({ key: new PluginKey('headlineLimit'), filterTransaction: headlineAllows })] : []),
      ]
    },
  })
}

const BodyPaste = Extension.create({
  name: 'bodyPaste',
  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey('bodyPaste'), props: { transformPastedHTML: cleanPastedHtml } })]
  },
})

/** Pastes and drops that would take the story past the broker's limits are refused before anything is sent. */
function sizeGuard(field: StoryField, { doc, notify }: FieldEditorContext): Extension {
  const refuses = (slice: Slice): boolean => {
    const verdict = pasteVerdict(estimatedSliceBytes(slice), Y.encodeStateAsUpdate(doc).byteLength)
    if (verdict.ok) return false
    notify(
      verdict.limit === 'frame'
        ? i18n.t('editor.pasteTooLarge', { size: formatMegabytes(verdict.size), max: formatMegabytes(verdict.max) })
        : i18n.t('editor.pastePastLimit', { max: formatMegabytes(verdict.max) }),
    )
    return true
  }
  return Extension.create({
    name: `${field}SizeGuard`,
    addProseMirrorPlugins() {
      return [new Plugin({ key: new PluginKey(`${field}SizeGuard`), props: { handlePaste: (_view, _event, slice) => refuses(slice), handleDrop: (_view, _event, slice) => refuses(slice) } })]
    },
  })
}

export function fieldExtensions(field: StoryField, context: FieldEditorContext): AnyExtension[] {
  const behaviour = field === 'body' ? BodyPaste : singleParagraphBehaviour(field, context)
  return [
    ...FIELD_EXTENSIONS[field](),
    Collaboration.configure({ document: context.doc, field }),
    CollaborationCaret.configure({
      provider: context.provider,
      user: context.user,
      // The name is drawn by CSS from an attribute, not written as text: a caret must never
      // become part of the story's text (copying, reading the field's content).
      render: (user) => {
        const caret = document.createElement('span')
        caret.className = 'caret'
        caret.dataset.name = String(user.name ?? '')
        caret.style.setProperty('--caret-color', String(user.color ?? '#555'))
        caret.setAttribute('aria-label', i18n.t('presence.caret', { name: String(user.name ?? i18n.t('presence.someone')) }))
        return caret
      },
    }),
    Placeholder.configure({ placeholder: () => i18n.t(PLACEHOLDERS[field]), showOnlyWhenEditable: false }),
    behaviour,
    sizeGuard(field, context),
    smartQuotes(context.language),
  ]
}
