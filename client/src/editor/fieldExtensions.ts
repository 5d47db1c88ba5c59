/**
 * Each field's editor: the article schema from `@copydesk/shared/schema`, unchanged, plus
 * what only a browser needs: collaboration on the field's fragment, the named carets of
 * the others, a placeholder, moving between fields with Enter, and clean pasting.
 */
import { Extension, type AnyExtension } from '@tiptap/core'
import { Collaboration } from '@tiptap/extension-collaboration'
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret'
import { Placeholder } from '@tiptap/extensions'
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { FIELD_EXTENSIONS, type StoryField } from '@copydesk/shared/schema'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { cleanPastedHtml } from './paste.js'

export const PLACEHOLDERS: Record<StoryField, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst: the paragraph that makes people read on',
  body: 'Write the story…',
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

/** Headline and standfirst are one paragraph each: Enter goes on to the next field, pastes become one line. */
function singleParagraphBehaviour(field: 'headline' | 'standfirst', focusNext: (from: StoryField) => void): Extension {
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
            transformPasted: (slice, view) => flattenToOneParagraph(slice, view.state.schema, field === 'headline'),
            transformPastedHTML: cleanPastedHtml,
          },
        }),
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

export function fieldExtensions(field: StoryField, context: FieldEditorContext): AnyExtension[] {
  const behaviour = field === 'body' ? BodyPaste : singleParagraphBehaviour(field, context.focusNext)
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
        caret.setAttribute('aria-label', `${String(user.name ?? 'Someone')} is here`)
        return caret
      },
    }),
    Placeholder.configure({ placeholder: PLACEHOLDERS[field], showOnlyWhenEditable: false }),
    behaviour,
  ]
}
