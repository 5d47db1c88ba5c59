/**
 * Plain text and length of a story, read straight from the Yjs fragments (no schema pass),
 * cheap enough to run after every burst of typing: the board shows length live.
 *
 * Length is counted the way French newsrooms do: words, and *signes* (characters including
 * spaces). Blocks are joined by a line break that is not counted.
 */
import * as Y from 'yjs'
import type { StoryField } from '../schema/fields.js'
import { storyFragment } from './content.js'

/** Nodes whose children are inline text: each becomes one line of plain text. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'quoteAttribution'])

function inlineText(element: Y.XmlElement | Y.XmlFragment): string {
  let out = ''
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown }[]) {
        if (typeof op.insert === 'string') out += op.insert
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      out += '\n'
    }
  }
  return out
}

function collectBlocks(parent: Y.XmlElement | Y.XmlFragment, blocks: string[]): void {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    if (TEXT_BLOCKS.has(child.nodeName)) blocks.push(inlineText(child))
    else collectBlocks(child, blocks)
  }
}

/** The text of each block of a field, in order (a paragraph, a subhead, a list item's paragraph…). */
export function fieldBlocks(doc: Y.Doc, field: StoryField): string[] {
  const blocks: string[] = []
  collectBlocks(storyFragment(doc, field), blocks)
  return blocks
}

/** A field as plain text, one line a block. */
export function fieldText(doc: Y.Doc, field: StoryField): string {
  return fieldBlocks(doc, field).join('\n')
}

export interface TextLength {
  words: number
  /** Characters including spaces (*signes*), counted in code points; line breaks between blocks excluded. */
  signs: number
}

const WORD = /[\p{L}\p{N}]/u

/** Words and *signes* of some blocks of text. */
export function measureText(blocks: readonly string[]): TextLength {
  let words = 0
  let signs = 0
  for (const block of blocks) {
    for (const token of block.split(/\s+/)) if (WORD.test(token)) words++
    for (const ch of block) if (ch !== '\n') signs++
  }
  return { words, signs }
}

export interface StoryLength {
  standfirst: TextLength
  body: TextLength
  /** Standfirst and body together: what a length target is measured against. */
  total: TextLength
}

export function measureStory(doc: Y.Doc): StoryLength {
  const standfirst = measureText(fieldBlocks(doc, 'standfirst'))
  const body = measureText(fieldBlocks(doc, 'body'))
  return {
    standfirst,
    body,
    total: { words: standfirst.words + body.words, signs: standfirst.signs + body.signs },
  }
}
