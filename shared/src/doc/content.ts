/**
 * The story document: one Yjs document per story, one `Y.XmlFragment` per field
 * (`headline`, `standfirst`, `body`), each bound to its own editor. This module writes
 * content into a fresh story document and reads it back, through the article schema, so
 * that what the server builds is exactly what the editor can show.
 *
 * Content is created on the server only (demo seed, import, a new story's headline):
 * a client never seeds a document, or every reload would add the content again.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { STORY_FIELDS, fieldSchema, type StoryField } from '../schema/fields.js'

/** A node of ProseMirror's JSON form (what TipTap calls `JSONContent`). */
export interface DocNode {
  type: string
  attrs?: Record<string, unknown>
  content?: DocNode[]
  text?: string
  marks?: { type: string; attrs?: Record<string, unknown> }[]
}

/** What a story says, field by field, in the schema's JSON form. */
export interface StoryContent {
  /** Plain text, one line. */
  headline: string
  /** The inline content of the standfirst's one paragraph. */
  standfirst: DocNode[]
  /** The body's blocks. */
  body: DocNode[]
}

export class InvalidContentError extends Error {
  constructor(
    readonly field: StoryField,
    cause: unknown,
  ) {
    super(`The ${field} does not fit the article schema: ${cause instanceof Error ? cause.message : String(cause)}`)
    this.name = 'InvalidContentError'
  }
}

/** The fragment that holds one field of a story document. */
export function storyFragment(doc: Y.Doc, field: StoryField): Y.XmlFragment {
  return doc.getXmlFragment(field)
}

function paragraphOf(content: DocNode[]): DocNode {
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' }
}

function fieldDocJSON(field: StoryField, content: StoryContent): DocNode {
  switch (field) {
    case 'headline':
      return { type: 'doc', content: [paragraphOf(textNodes(singleLine(content.headline)))] }
    case 'standfirst':
      return { type: 'doc', content: [paragraphOf(content.standfirst)] }
    case 'body':
      return { type: 'doc', content: content.body.length > 0 ? content.body : [{ type: 'paragraph' }] }
  }
}

function textNodes(text: string): DocNode[] {
  return text === '' ? [] : [{ type: 'text', text }]
}

function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Checks content against the schema, field by field, and returns the ProseMirror
 * documents. Throws `InvalidContentError` naming the first field that does not fit.
 */
export function validateStoryContent(content: StoryContent): Record<StoryField, ProseMirrorNode> {
  const nodes = {} as Record<StoryField, ProseMirrorNode>
  for (const field of STORY_FIELDS) {
    try {
      const node = fieldSchema(field).nodeFromJSON(fieldDocJSON(field, content))
      node.check()
      nodes[field] = node
    } catch (error) {
      throw new InvalidContentError(field, error)
    }
  }
  return nodes
}

/**
 * Writes content into an empty story document, all fields in one transaction. Validates
 * everything first, so a bad field leaves the document untouched.
 */
export function writeStoryContent(doc: Y.Doc, content: StoryContent): void {
  const nodes = validateStoryContent(content)
  for (const field of STORY_FIELDS) {
    if (storyFragment(doc, field).length > 0) {
      throw new Error(`The story's ${field} already has content; content is written once, into a new story`)
    }
  }
  doc.transact(() => {
    for (const field of STORY_FIELDS) {
      prosemirrorJSONToYXmlFragment(fieldSchema(field), nodes[field].toJSON(), storyFragment(doc, field))
    }
  })
}

/** Reads one field back as a ProseMirror document of the article schema. */
export function readStoryField(doc: Y.Doc, field: StoryField): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(storyFragment(doc, field), fieldSchema(field))
}

/** A new story document holding `content`: what the server stores as a story's first state. */
export function createStoryDocument(content: StoryContent): Y.Doc {
  const doc = new Y.Doc()
  writeStoryContent(doc, content)
  return doc
}

/** What a story document says, read back through the schema (what publishing and export take). */
export function readStoryContent(doc: Y.Doc): StoryContent {
  const headline = readStoryField(doc, 'headline').textContent.replace(/\s+/g, ' ').trim()
  const standfirst = (readStoryField(doc, 'standfirst').toJSON() as DocNode).content?.[0]?.content ?? []
  const body = ((readStoryField(doc, 'body').toJSON() as DocNode).content ?? []).filter(
    (block) => !(block.type === 'paragraph' && (block.content ?? []).length === 0),
  )
  return { headline, standfirst, body }
}
