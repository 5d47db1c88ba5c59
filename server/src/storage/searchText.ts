/**
 * The text that story search reads, in the forms storage needs it: folded for simple
 * comparisons (`searchText`), and as the plain text of each searchable part of a story
 * (`documentSearchText`, `tagsSearchText`, `bylineSearchText`) for the full-text index.
 * Not for querying: turning what someone typed into an index query is the backend's job
 * (`sqlite/ftsQuery.ts`).
 */
import { fieldText } from '@copydesk/shared/doc'
import * as Y from 'yjs'
import type { BylineEntry } from './Storage.js'

/**
 * The form of text that simple comparisons use: lower case, without accents, so that
 * "evenement" finds "Événement" (SQLite's LIKE folds ASCII case only).
 */
export function searchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/**
 * Characters that mark a match in a passage the index returns (see `StoryMatch`). They are
 * removed from indexed text so that a story can never forge a highlight.
 */
export const MATCH_START = '\u0002'
export const MATCH_END = '\u0003'

/**
 * Text as the index keeps it: composed (NFC, so a decomposed "é" stays one token for the
 * tokenizer, which splits on combining marks) and without the match markers.
 */
export function indexableText(text: string): string {
  return text.normalize('NFC').replaceAll(MATCH_START, ' ').replaceAll(MATCH_END, ' ')
}

/** The running text of a story document that search covers, one line a block. */
export interface DocumentText {
  headline: string
  standfirst: string
  body: string
}

export function documentTextOf(doc: Y.Doc): DocumentText {
  return {
    headline: indexableText(fieldText(doc, 'headline').trim()),
    standfirst: indexableText(fieldText(doc, 'standfirst')),
    body: indexableText(fieldText(doc, 'body')),
  }
}

/** The text of a stored document (snapshot, then log), as `documentTextOf`. */
export function documentSearchText(parts: readonly (Uint8Array | null)[]): DocumentText {
  const doc = new Y.Doc()
  try {
    for (const part of parts) if (part) Y.applyUpdate(doc, part)
    return documentTextOf(doc)
  } finally {
    doc.destroy()
  }
}

export function tagsSearchText(tags: readonly string[]): string {
  return indexableText(tags.join('\n'))
}

/** Bylines are searched by the authors' names (their bios would make every story by them match a place they once covered). */
export function bylineSearchText(byline: readonly BylineEntry[]): string {
  return indexableText(byline.map((entry) => entry.name).join('\n'))
}
