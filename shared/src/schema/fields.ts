/**
 * The article schema: the TipTap extensions of each story field. The server builds and
 * reads story documents with these; the editor mounts them unchanged, adding only what
 * needs a browser (collaboration, carets, placeholders). Nothing here touches the DOM.
 *
 * - headline: one line of plain text (no marks, no breaks);
 * - standfirst (chapô): one short paragraph, bold, italic, links;
 * - body: paragraphs, subheads (h2, h3), bullet and numbered lists, quotes with an
 *   attribution, bold, italic, links, horizontal rule, hard break.
 */
import { getSchema, type AnyExtension } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { Bold } from '@tiptap/extension-bold'
import { Document } from '@tiptap/extension-document'
import { HardBreak } from '@tiptap/extension-hard-break'
import { Heading } from '@tiptap/extension-heading'
import { HorizontalRule } from '@tiptap/extension-horizontal-rule'
import { Italic } from '@tiptap/extension-italic'
import { Link } from '@tiptap/extension-link'
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list'
import { Paragraph } from '@tiptap/extension-paragraph'
import { Text } from '@tiptap/extension-text'
import { Quote, QuoteAttribution } from './Quote.js'
import { isSafeHref } from './safeUrl.js'

export const STORY_FIELDS = ['headline', 'standfirst', 'body'] as const
export type StoryField = (typeof STORY_FIELDS)[number]

export const SUBHEAD_LEVELS = [2, 3] as const

/** A one-paragraph document: the shape of the headline and the standfirst. */
const SingleParagraphDocument = Document.extend({ content: 'paragraph' })

/**
 * TipTap makes a link inclusive whenever autolink is on, so text typed or pasted at the end
 * of a link joined it ("Selon l'AFP" + ", le bilan…" became one link; a 2 MB paste after an
 * email link became 253 paragraphs of `mailto:` links). As in Google Docs and Word, what
 * follows a link is plain text; autolink still links an address as it is typed.
 */
const SafeLink = Link.extend({ inclusive: () => false }).configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: 'https',
  HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
  isAllowedUri: (url) => isSafeHref(url),
  shouldAutoLink: (url) => isSafeHref(url) || isSafeHref(`https://${url}`),
})

/**
 * Bold without TipTap's second binding, `Mod-B`: prosemirror-keymap retries a shifted
 * letter without Shift, so `Mod-B` also caught Ctrl+Shift+B, the quote's shortcut.
 * `Mod-b` alone still answers Ctrl+B with Caps Lock on (the key code is tried too).
 */
const BoldMark = Bold.extend({
  addKeyboardShortcuts() {
    return { 'Mod-b': () => this.editor.commands.toggleBold() }
  },
})

export function headlineExtensions(): AnyExtension[] {
  return [SingleParagraphDocument, Paragraph, Text]
}

export function standfirstExtensions(): AnyExtension[] {
  return [SingleParagraphDocument, Paragraph, Text, BoldMark, Italic, SafeLink]
}

export function bodyExtensions(): AnyExtension[] {
  return [
    Document,
    Paragraph,
    Text,
    Heading.configure({ levels: [...SUBHEAD_LEVELS] }),
    BulletList,
    OrderedList,
    ListItem,
    Quote,
    QuoteAttribution,
    HorizontalRule,
    HardBreak,
    BoldMark,
    Italic,
    SafeLink,
  ]
}

export const FIELD_EXTENSIONS: Record<StoryField, () => AnyExtension[]> = {
  headline: headlineExtensions,
  standfirst: standfirstExtensions,
  body: bodyExtensions,
}

const schemas = new Map<StoryField, Schema>()

/** The ProseMirror schema of one field, built once. */
export function fieldSchema(field: StoryField): Schema {
  let schema = schemas.get(field)
  if (!schema) {
    schema = getSchema(FIELD_EXTENSIONS[field]())
    schemas.set(field, schema)
  }
  return schema
}
