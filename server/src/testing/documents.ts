/**
 * Story documents for tests: editing the fields the way the editor does (paragraph
 * elements holding text in the `headline`, `standfirst` and `body` fragments), and
 * comparing whole documents.
 */
import { expect } from 'vitest'
import * as Y from 'yjs'
import { STORY_FIELDS, type StoryField } from '@copydesk/shared/schema'

/** Appends a paragraph to a field, as typing Enter then text does. */
export function addParagraph(doc: Y.Doc, field: 'headline' | 'standfirst' | 'body', text: string): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph')
  const content = new Y.XmlText()
  paragraph.insert(0, [content])
  doc.transact(() => {
    const fragment = doc.getXmlFragment(field)
    fragment.insert(fragment.length, [paragraph])
    content.insert(0, text)
  })
  return content
}

/** The story as the editor would read it, field by field. */
export function storyXml(doc: Y.Doc): Record<StoryField, string> {
  return Object.fromEntries(STORY_FIELDS.map((field) => [field, doc.getXmlFragment(field).toString()])) as Record<StoryField, string>
}

/** Same content and the same Yjs state: state vector, delete set, and every field. */
export function expectSameDocument(actual: Y.Doc, expected: Y.Doc): void {
  expect(storyXml(actual)).toEqual(storyXml(expected))
  expect(Y.decodeStateVector(Y.encodeStateVector(actual))).toEqual(Y.decodeStateVector(Y.encodeStateVector(expected)))
  expect(Y.equalSnapshots(Y.snapshot(actual), Y.snapshot(expected))).toBe(true)
}

export function sameDocument(a: Y.Doc, b: Y.Doc): boolean {
  return Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b)) && JSON.stringify(storyXml(a)) === JSON.stringify(storyXml(b))
}
