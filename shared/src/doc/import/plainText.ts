/**
 * Reads a story laid out as plain text, one block a line, the way an article comes out of
 * a news site by copy and paste (the seed article is the model):
 *
 *   section path · headline · standfirst · paragraphs, subheads, `•` lists, numbered lists,
 *   quotes followed by `– attribution` · the author's bio last.
 *
 * Plain text has lost its formatting, so some of this is inference; every inference that
 * could be wrong is reported in `notes`, and what could not be placed in `unmapped`, so the
 * person importing knows what to check. Not for Markdown or HTML: those have their own
 * readers.
 */
import type { DocNode } from '../content.js'
import { importNote, type ImportNote } from '../../api/importNotes.js'

export interface ImportedStory {
  /** Section names from the section line, outermost first (empty when there was none). */
  sectionPath: string[]
  headline: string
  /** The standfirst's inline content (text, with marks when the source had them). */
  standfirst: DocNode[]
  body: DocNode[]
  /** The author's short biography, when the text ends with one. */
  bio: string | null
  /** What the importer inferred, with line numbers, for the user to check. */
  notes: ImportNote[]
  /** Lines it could not place in the story, with line numbers. */
  unmapped: ImportNote[]
}

export interface PlainTextImportOptions {
  /** Known section paths (outermost first), used to split a glued breadcrumb line. */
  sections?: readonly (readonly string[])[]
}

interface Block {
  line: number
  text: string
}

const BULLET = /^[•·▪◦●*-]\s*/
const DASH_ITEM = /^[–—]\s+/
const NUMBERED = /^(\d{1,3})[.)]\s+/
const ATTRIBUTION = /^[–—-]\s*(\S.{0,120})$/
const OPENING_QUOTES = '“«"„‘'
const CLOSING_QUOTE_AT_END = /[”»"“]\s*[.!?…]?$/
const TERMINAL_PUNCTUATION = /[.…:;,»”"“)]$/
const BREADCRUMB_SEPARATOR = /\s*(?:›|»|>|\/|\||·)\s*/
const FIRST_PERSON = /(?:^|[\s,;(])(?:[jm]['’]|(?:je|me|mon|ma|mes|moi|i|my)(?=[\s,;.!?)]|$))/i

function toBlocks(text: string): Block[] {
  const blocks: Block[] = []
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, index) => {
      const cleaned = raw.replace(/[\t\u00a0\u202f ]+/g, ' ').trim()
      if (cleaned !== '') blocks.push({ line: index + 1, text: cleaned })
    })
  return blocks
}

function isQuote(text: string): boolean {
  return OPENING_QUOTES.includes(text[0] ?? '') && CLOSING_QUOTE_AT_END.test(text) && text.length > 2
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length
}

/** A short line without closing punctuation, that does not end the text: a subhead (intertitre). */
function isSubhead(text: string, isLast: boolean): boolean {
  if (isLast || text.length > 110 || isQuote(text)) return false
  if (BULLET.test(text) || NUMBERED.test(text) || DASH_ITEM.test(text)) return false
  const words = wordCount(text)
  if (words === 0 || words > 16) return false
  // A question is a subhead when it is short and stands alone ("… en Ukraine ?").
  if (/[?!]$/.test(text)) return words <= 12
  return !TERMINAL_PUNCTUATION.test(text)
}

/** Splits `ActualitésInternational` (a breadcrumb whose separators were lost) into its names. */
export function splitSectionLine(text: string, known: readonly (readonly string[])[]): string[] | null {
  const squash = (value: string) => value.replace(/[\s›»>/|·]+/g, '').toLocaleLowerCase('fr')
  for (const path of known) {
    if (squash(path.join('')) === squash(text)) return [...path]
  }
  if (BREADCRUMB_SEPARATOR.test(text) && text.length < 80 && !TERMINAL_PUNCTUATION.test(text)) {
    const parts = text.split(BREADCRUMB_SEPARATOR).filter(Boolean)
    if (parts.length > 1 && parts.every((part) => wordCount(part) <= 4)) return parts
  }
  if (!/\s/.test(text) && text.length < 60) {
    const parts = text.split(/(?<=[\p{Ll}])(?=[\p{Lu}])/u)
    if (parts.length > 1) return parts
  }
  return null
}

function paragraph(text: string): DocNode {
  return { type: 'paragraph', content: [{ type: 'text', text }] }
}

function listItem(text: string): DocNode {
  return { type: 'listItem', content: [paragraph(text)] }
}

export function importPlainText(text: string, options: PlainTextImportOptions = {}): ImportedStory {
  const blocks = toBlocks(text)
  const notes: ImportNote[] = []
  const unmapped: ImportNote[] = []
  const result: ImportedStory = { sectionPath: [], headline: '', standfirst: [], body: [], bio: null, notes, unmapped }
  let index = 0

  const first = blocks[0]
  if (first) {
    const path = splitSectionLine(first.text, options.sections ?? [])
    if (path) {
      result.sectionPath = path
      notes.push(importNote('section_read_line', { line: first.line, path: path.join(' › ') }))
      index++
    }
  }

  const headline = blocks[index]
  if (headline) {
    result.headline = headline.text
    index++
  }
  const standfirst = blocks[index]
  if (standfirst && !isSubhead(standfirst.text, index === blocks.length - 1) && !isQuote(standfirst.text)) {
    result.standfirst = [{ type: 'text', text: standfirst.text }]
    index++
  } else if (headline) {
    notes.push(importNote('standfirst_missing_line', { line: headline.line }))
  }

  // The last paragraph is the author's bio when it speaks in the first person.
  let end = blocks.length
  const last = blocks[end - 1]
  if (last && end - 1 >= index && !isQuote(last.text) && FIRST_PERSON.test(last.text) && !BULLET.test(last.text)) {
    result.bio = last.text
    notes.push(importNote('bio_read_line', { line: last.line }))
    end--
  }

  let list: { type: 'bulletList' | 'orderedList'; items: DocNode[] } | null = null
  const closeList = () => {
    if (list) result.body.push({ type: list.type, content: list.items })
    list = null
  }

  for (let i = index; i < end; i++) {
    const block = blocks[i]!
    const next = blocks[i + 1]
    const isLast = i === end - 1

    const bullet = BULLET.exec(block.text)
    const numbered = NUMBERED.exec(block.text)
    const dashItem = DASH_ITEM.test(block.text) && (list !== null || (next !== undefined && DASH_ITEM.test(next.text)))
    if (bullet || dashItem) {
      if (!list || list.type !== 'bulletList') {
        closeList()
        list = { type: 'bulletList', items: [] }
      }
      list.items.push(listItem(block.text.replace(bullet ? BULLET : DASH_ITEM, '')))
      continue
    }
    if (numbered) {
      if (!list || list.type !== 'orderedList') {
        closeList()
        list = { type: 'orderedList', items: [] }
      }
      list.items.push(listItem(block.text.slice(numbered[0].length)))
      continue
    }
    closeList()

    if (isQuote(block.text)) {
      const quote: DocNode = { type: 'blockquote', content: [paragraph(block.text)] }
      const attribution = next && i + 1 < end ? ATTRIBUTION.exec(next.text) : null
      if (attribution?.[1]) {
        quote.content!.push({ type: 'quoteAttribution', content: [{ type: 'text', text: attribution[1].trim() }] })
        i++
      } else {
        notes.push(importNote('quote_unattributed', { line: block.line }))
      }
      result.body.push(quote)
      continue
    }
    const stray = ATTRIBUTION.exec(block.text)
    if (stray && DASH_ITEM.test(block.text) && wordCount(block.text) <= 6) {
      unmapped.push(importNote('attribution_orphan', { line: block.line, text: block.text }))
      result.body.push(paragraph(block.text))
      continue
    }
    if (isSubhead(block.text, isLast)) {
      result.body.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: block.text }] })
      continue
    }
    result.body.push(paragraph(block.text))
  }
  closeList()

  if (!result.headline) unmapped.push(importNote('text_empty'))
  const subheads = result.body.filter((node) => node.type === 'heading').length
  if (subheads > 0) notes.push(importNote('subheads_inferred', { count: subheads }))
  return result
}
