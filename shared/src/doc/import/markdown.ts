/**
 * Reads a story written in Markdown: an optional section line (`Actualités › International`),
 * `# headline`, a first paragraph as the standfirst, `##`/`###` subheads, `-` and `1.` lists,
 * `>` quotes with a `> — attribution` line, `---` rules, **bold**, *italic*, [links](https://…),
 * and a closing bio after a last `---`. What it cannot place is reported.
 */
import type { DocNode } from '../content.js'
import { importNote, type ImportNote } from '../../api/importNotes.js'
import { isSafeHref } from '../../schema/safeUrl.js'
import { splitSectionLine, type ImportedStory, type PlainTextImportOptions } from './plainText.js'

const ATTRIBUTION = /^[—–-]\s*(\S.*)$/

/** Inline Markdown: **bold**, *italic* / _italic_, [text](url), backslash escapes. */
export function parseInline(text: string, unmapped: ImportNote[] = []): DocNode[] {
  const nodes: DocNode[] = []
  const marks: { type: string; attrs?: Record<string, unknown> }[] = []
  let buffer = ''
  const flush = () => {
    if (!buffer) return
    nodes.push(marks.length ? { type: 'text', text: buffer, marks: marks.map((mark) => ({ ...mark })) } : { type: 'text', text: buffer })
    buffer = ''
  }
  const toggle = (type: string) => {
    flush()
    const index = marks.findIndex((mark) => mark.type === type)
    if (index >= 0) marks.splice(index, 1)
    else marks.push({ type })
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === '\\' && i + 1 < text.length) {
      buffer += text[++i]
      continue
    }
    if (ch === '*' && text[i + 1] === '*') {
      toggle('bold')
      i++
      continue
    }
    if ((ch === '*' || ch === '_') && (ch === '*' || /\W|^$/.test(text[i - 1] ?? '') || /\W|^$/.test(text[i + 1] ?? ''))) {
      toggle('italic')
      continue
    }
    if (ch === '[') {
      const close = text.indexOf('](', i)
      // The closing parenthesis that balances the opening one: URLs may hold parentheses.
      let end = -1
      if (close >= 0) {
        let depth = 0
        for (let j = close + 1; j < text.length; j++) {
          if (text[j] === '(') depth++
          else if (text[j] === ')' && --depth === 0) {
            end = j
            break
          }
        }
      }
      if (close > i && end > close) {
        const label = text.slice(i + 1, close)
        const href = text.slice(close + 2, end).trim()
        flush()
        for (const node of parseInline(label, unmapped)) {
          if (isSafeHref(href)) node.marks = [...(node.marks ?? []), { type: 'link', attrs: { href } }]
          nodes.push(node)
        }
        if (!isSafeHref(href)) unmapped.push(importNote('link_dropped', { href: href.slice(0, 80) }))
        i = end
        continue
      }
    }
    buffer += ch
  }
  flush()
  // Neighbouring text with the same marks is one node (as the schema would store it).
  const merged: DocNode[] = []
  for (const node of nodes) {
    if (node.text === '') continue
    const previous = merged[merged.length - 1]
    if (previous && JSON.stringify(previous.marks ?? []) === JSON.stringify(node.marks ?? [])) previous.text = `${previous.text ?? ''}${node.text ?? ''}`
    else merged.push({ ...node })
  }
  return merged
}

function textOf(nodes: DocNode[]): string {
  return nodes.map((node) => node.text ?? '').join('')
}

export function importMarkdown(markdown: string, options: PlainTextImportOptions = {}): ImportedStory {
  const notes: ImportNote[] = []
  const unmapped: ImportNote[] = []
  const result: ImportedStory = { sectionPath: [], headline: '', standfirst: [], body: [], bio: null, notes, unmapped }
  // Blocks are separated by blank lines; list items and quote lines group by their marker.
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  type Block = { kind: 'h1' | 'h2' | 'h3' | 'p' | 'ul' | 'ol' | 'quote' | 'hr'; lines: string[]; line: number }
  const blocks: Block[] = []
  let current: Block | null = null
  lines.forEach((raw, index) => {
    const line = raw.trimEnd()
    const kind: Block['kind'] | 'blank' = !line.trim()
      ? 'blank'
      : /^#\s/.test(line)
        ? 'h1'
        : /^##\s/.test(line)
          ? 'h2'
          : /^#{3,6}\s/.test(line)
            ? 'h3'
            : /^\s*(?:---+|\*\*\*+|___+)\s*$/.test(line)
              ? 'hr'
              : /^\s*[-*+•]\s+/.test(line)
                ? 'ul'
                : /^\s*\d+[.)]\s+/.test(line)
                  ? 'ol'
                  : /^\s*>/.test(line)
                    ? 'quote'
                    : 'p'
    if (kind === 'blank') {
      current = null
      return
    }
    if (current && current.kind === kind && (kind === 'ul' || kind === 'ol' || kind === 'quote' || kind === 'p')) {
      current.lines.push(line)
      return
    }
    current = { kind, lines: [line], line: index + 1 }
    blocks.push(current)
    if (kind === 'h1' || kind === 'h2' || kind === 'h3' || kind === 'hr') current = null
  })

  let index = 0
  const first = blocks[0]
  if (first?.kind === 'p' && first.lines.length === 1) {
    const path = splitSectionLine(first.lines[0]!.trim(), options.sections ?? [])
    if (path && blocks[1]?.kind === 'h1') {
      result.sectionPath = path
      notes.push(importNote('section_read_line', { line: first.line, path: path.join(' › ') }))
      index++
    }
  }
  const headline = blocks[index]
  if (headline?.kind === 'h1') {
    result.headline = headline.lines[0]!.replace(/^#\s+/, '').trim()
    index++
  } else {
    unmapped.push(importNote('headline_missing_markdown'))
  }
  const standfirst = blocks[index]
  if (standfirst?.kind === 'p') {
    const inline = parseInline(standfirst.lines.join(' ').trim(), unmapped)
    // An all-bold standfirst (as this app exports it) is the standfirst, not bold text.
    result.standfirst = inline.every((node) => node.marks?.some((mark) => mark.type === 'bold'))
      ? inline.map((node) => ({ ...node, marks: node.marks?.filter((mark) => mark.type !== 'bold') }))
      : inline
    result.standfirst = result.standfirst.map((node) => (node.marks?.length ? node : { type: 'text', text: node.text ?? '' }))
    index++
  }
  // A closing bio: the last paragraph after a final rule, in italics.
  let end = blocks.length
  const last = blocks[end - 1]
  if (last?.kind === 'p' && blocks[end - 2]?.kind === 'hr') {
    result.bio = textOf(parseInline(last.lines.join(' ').trim()))
    notes.push(importNote('bio_read_line', { line: last.line }))
    end -= 2
  }

  for (let i = index; i < end; i++) {
    const block = blocks[i]!
    switch (block.kind) {
      case 'h1':
        unmapped.push(importNote('second_title_line', { line: block.line }))
        result.body.push({ type: 'heading', attrs: { level: 2 }, content: parseInline(block.lines[0]!.replace(/^#\s+/, ''), unmapped) })
        break
      case 'h2':
      case 'h3':
        result.body.push({ type: 'heading', attrs: { level: block.kind === 'h2' ? 2 : 3 }, content: parseInline(block.lines[0]!.replace(/^#+\s+/, ''), unmapped) })
        break
      case 'hr':
        result.body.push({ type: 'horizontalRule' })
        break
      case 'ul':
      case 'ol':
        result.body.push({
          type: block.kind === 'ul' ? 'bulletList' : 'orderedList',
          content: block.lines.map((line) => ({
            type: 'listItem',
            content: [{ type: 'paragraph', content: parseInline(line.replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, ''), unmapped) }],
          })),
        })
        break
      case 'quote': {
        const quoted = block.lines.map((line) => line.replace(/^\s*>\s?/, ''))
        const paragraphs: string[][] = [[]]
        let attribution: string | null = null
        for (const line of quoted) {
          const match = ATTRIBUTION.exec(line.trim())
          if (match && line === quoted[quoted.length - 1]) attribution = match[1]!
          else if (!line.trim()) paragraphs.push([])
          else paragraphs[paragraphs.length - 1]!.push(line.trim())
        }
        // An attribution on the line after the quote: "– Vladimir Poutine".
        const next = blocks[i + 1]
        if (!attribution && next?.kind === 'p' && next.lines.length === 1 && ATTRIBUTION.test(next.lines[0]!.trim()) && /^[–—]/.test(next.lines[0]!.trim())) {
          attribution = ATTRIBUTION.exec(next.lines[0]!.trim())![1]!
          i++
        }
        const content: DocNode[] = paragraphs.filter((lines) => lines.length).map((lines) => ({ type: 'paragraph', content: parseInline(lines.join(' '), unmapped) }))
        if (content.length === 0) break
        if (attribution) content.push({ type: 'quoteAttribution', content: [{ type: 'text', text: attribution.trim() }] })
        result.body.push({ type: 'blockquote', content })
        break
      }
      case 'p':
        result.body.push({ type: 'paragraph', content: parseInline(block.lines.join(' ').trim(), unmapped) })
        break
    }
  }
  if (!result.bio) {
    notes.push(importNote('bio_missing_markdown'))
  }
  return result
}
