/**
 * Reads a story from HTML (a saved web page, a CMS export, what a browser puts on the
 * clipboard): an optional breadcrumb, the `<h1>` headline, a standfirst, subheads, lists,
 * quotes with their attribution (`<figcaption>`, `<cite>`, or a following `– name` line), and
 * the author's bio. Only the schema's structure is kept, built from the parsed tree: no tag
 * or attribute is copied through, scripts, styles and frames are dropped with their content,
 * and only web and email links survive. What could not be placed is reported.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import type { DocNode } from '../content.js'
import { importNote, type ImportNote } from '../../api/importNotes.js'
import { isSafeHref } from '../../schema/safeUrl.js'
import { splitSectionLine, type ImportedStory, type PlainTextImportOptions } from './plainText.js'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']
type Mark = { type: string; attrs?: Record<string, unknown> }

/** Dropped with everything inside: never content, sometimes hostile. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'svg', 'math', 'canvas', 'form', 'input', 'button', 'select', 'textarea', 'link', 'meta', 'head', 'title', 'base'])
/** Media the article model has no place for yet: reported, not imported. */
const MEDIA = new Set(['img', 'picture', 'video', 'audio', 'source', 'track', 'map'])
/** Containers walked through: their children are the blocks. */
const CONTAINERS = new Set(['html', 'body', 'main', 'article', 'section', 'div', 'header', 'aside', 'center', 'details', 'summary', 'dl', 'dd', 'dt', 'address'])
const ATTRIBUTION = /^[—–-]\s*(\S.{0,160})$/
const BIO_CLASS = /\b(?:bio|author-bio|author|about-author|biography)\b/i
const STANDFIRST_CLASS = /\b(?:standfirst|chapo|chapeau|lead|lede|dek|intro|summary)\b/i
const BYLINE_CLASS = /\b(?:byline|signature|auteur|credits?)\b/i
const BREADCRUMB_CLASS = /\b(?:breadcrumbs?|crumbs|ariane|kicker|rubrique)\b/i

type Block =
  | { kind: 'h1' | 'h2' | 'h3' | 'p'; inline: DocNode[]; bio?: boolean; standfirst?: boolean }
  | { kind: 'ul' | 'ol'; items: DocNode[][] }
  | { kind: 'quote'; paragraphs: DocNode[][]; attribution: string | null }
  | { kind: 'hr' }
  | { kind: 'crumbs'; path: string[] }
type TextBlock = Extract<Block, { inline: DocNode[] }>

function isElement(node: Node): node is Element {
  return 'tagName' in node
}

function attr(element: Element, name: string): string | null {
  return element.attrs.find((entry) => entry.name === name)?.value ?? null
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, (space) => (space.includes('\u00a0') && !/[\t\n\r ]/.test(space) ? '\u00a0' : ' '))
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value
  if (isElement(node) && (DROPPED.has(node.tagName) || MEDIA.has(node.tagName))) return ''
  if (isElement(node) && node.tagName === 'br') return ' '
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : ''
}

function plain(nodes: DocNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? (node.text ?? '') : ' ')).join('')
}

class Reader {
  readonly notes: ImportNote[] = []
  readonly unmapped: ImportNote[] = []
  private readonly dropped = new Map<string, number>()

  drop(tag: string): void {
    this.dropped.set(tag, (this.dropped.get(tag) ?? 0) + 1)
  }

  reportDropped(): void {
    for (const [tag, count] of this.dropped) {
      this.unmapped.push(importNote(MEDIA.has(tag) ? 'media_dropped' : 'elements_dropped', { count, element: tag }))
    }
  }

  /** Inline content: text with bold, italic and safe links; line breaks. */
  inline(nodes: readonly Node[], marks: Mark[] = []): DocNode[] {
    const out: DocNode[] = []
    for (const node of nodes) {
      if (node.nodeName === '#text') {
        const text = collapse((node as DefaultTreeAdapterMap['textNode']).value)
        if (text) out.push(marks.length ? { type: 'text', text, marks: marks.map((mark) => ({ ...mark })) } : { type: 'text', text })
        continue
      }
      if (!isElement(node)) continue
      const tag = node.tagName
      if (DROPPED.has(tag) || MEDIA.has(tag)) {
        this.drop(tag)
        continue
      }
      if (tag === 'br') {
        out.push({ type: 'hardBreak' })
        continue
      }
      let next = marks
      if ((tag === 'strong' || tag === 'b') && !marks.some((mark) => mark.type === 'bold')) next = [...marks, { type: 'bold' }]
      if ((tag === 'em' || tag === 'i' || tag === 'cite') && !marks.some((mark) => mark.type === 'italic')) next = [...marks, { type: 'italic' }]
      if (tag === 'a') {
        const href = (attr(node, 'href') ?? '').trim()
        if (href && isSafeHref(href)) next = [...marks.filter((mark) => mark.type !== 'link'), { type: 'link', attrs: { href } }]
        else if (href && !href.startsWith('#')) this.unmapped.push(importNote('link_dropped', { href: href.slice(0, 80) }))
      }
      out.push(...this.inline(node.childNodes, next))
    }
    return out
  }

  /** The blocks of a subtree, in document order. */
  blocks(nodes: readonly Node[], into: Block[] = []): Block[] {
    let loose: Node[] = []
    const flushLoose = () => {
      const inline = tidy(this.inline(loose))
      if (plain(inline).trim()) into.push({ kind: 'p', inline })
      loose = []
    }
    for (const node of nodes) {
      if (!isElement(node)) {
        if (node.nodeName === '#text') loose.push(node)
        continue
      }
      const tag = node.tagName
      if (DROPPED.has(tag) || MEDIA.has(tag)) {
        if (tag !== 'head' && tag !== 'title' && tag !== 'meta' && tag !== 'link') this.drop(tag)
        continue
      }
      const className = attr(node, 'class') ?? ''
      if (['strong', 'b', 'em', 'i', 'a', 'span', 'br', 'cite', 'small', 'u', 's', 'sub', 'sup', 'mark', 'abbr', 'time', 'code', 'q', 'font'].includes(tag)) {
        loose.push(node)
        continue
      }
      flushLoose()
      if (tag === 'nav' || BREADCRUMB_CLASS.test(className)) {
        const links = findAll(node, 'a').map((link) => collapse(textOf(link)).trim()).filter(Boolean)
        const path = links.length > 0 ? links : collapse(textOf(node)).split(/\s*[›»>/|]\s*/).map((part) => part.trim()).filter(Boolean)
        if (path.length > 0 && path.length <= 4) into.push({ kind: 'crumbs', path })
        continue
      }
      if (/^h[1-6]$/.test(tag)) {
        const level = Number(tag[1])
        const inline = tidy(this.inline(node.childNodes))
        if (plain(inline).trim()) into.push({ kind: level === 1 ? 'h1' : level === 2 ? 'h2' : 'h3', inline })
        continue
      }
      if (BYLINE_CLASS.test(className) && !BIO_CLASS.test(className.replace(BYLINE_CLASS, ''))) {
        // The byline is the story's metadata (its authors), not its text.
        this.notes.push(importNote('byline_left', { byline: collapse(textOf(node)).trim().slice(0, 80) }))
        continue
      }
      if (tag === 'p' || tag === 'pre') {
        const inline = tidy(this.inline(node.childNodes))
        if (plain(inline).trim()) into.push({ kind: 'p', inline, bio: BIO_CLASS.test(className), standfirst: STANDFIRST_CLASS.test(className) })
        continue
      }
      if (tag === 'ul' || tag === 'ol') {
        const items: DocNode[][] = []
        for (const item of node.childNodes) {
          if (!isElement(item) || item.tagName !== 'li') continue
          const nested = item.childNodes.filter((child) => isElement(child) && (child.tagName === 'ul' || child.tagName === 'ol'))
          const own = item.childNodes.filter((child) => !nested.includes(child))
          const inline = tidy(this.inline(own.flatMap((child) => (isElement(child) && child.tagName === 'p' ? child.childNodes : [child]))))
          if (plain(inline).trim()) items.push(inline)
          if (nested.length > 0) {
            this.notes.push(importNote('list_flattened'))
            for (const sub of this.blocks(nested)) if (sub.kind === 'ul' || sub.kind === 'ol') items.push(...sub.items)
          }
        }
        if (items.length > 0) into.push({ kind: tag, items })
        continue
      }
      if (tag === 'blockquote' || (tag === 'figure' && findAll(node, 'blockquote').length > 0)) {
        into.push(this.quote(node))
        continue
      }
      if (tag === 'figure') {
        this.drop('figure')
        continue
      }
      if (tag === 'hr') {
        into.push({ kind: 'hr' })
        continue
      }
      if (tag === 'table') {
        this.unmapped.push(importNote('table_flattened'))
        for (const row of findAll(node, 'tr')) {
          const text = collapse(row.childNodes.map((cell) => textOf(cell).trim()).filter(Boolean).join(' · ')).trim()
          if (text) into.push({ kind: 'p', inline: [{ type: 'text', text }] })
        }
        continue
      }
      if (tag === 'footer') {
        // A footer inside an article usually holds the author's bio.
        const inner = this.blocks(node.childNodes)
        for (const block of inner) if (block.kind === 'p') block.bio = true
        into.push(...inner)
        continue
      }
      if (CONTAINERS.has(tag) || tag === 'li') {
        const before = into.length
        this.blocks(node.childNodes, into)
        if (BIO_CLASS.test(className)) for (const block of into.slice(before)) if (block.kind === 'p') block.bio = true
        if (STANDFIRST_CLASS.test(className)) for (const block of into.slice(before)) if (block.kind === 'p') block.standfirst = true
        continue
      }
      // Anything else: its text, as a paragraph.
      const inline = tidy(this.inline(node.childNodes))
      if (plain(inline).trim()) {
        this.notes.push(importNote('element_as_paragraph', { element: tag }))
        into.push({ kind: 'p', inline })
      }
    }
    flushLoose()
    return into
  }

  private quote(node: Element): Block {
    const blockquote = node.tagName === 'blockquote' ? node : findAll(node, 'blockquote')[0]!
    const captions = [...findAll(node, 'figcaption'), ...findAll(blockquote, 'footer')]
    let attribution = captions.map((caption) => collapse(textOf(caption)).trim()).find(Boolean) ?? null
    const inner = this.blocks(blockquote.childNodes.filter((child) => !(isElement(child) && child.tagName === 'footer')))
    const paragraphs: DocNode[][] = []
    for (const block of inner) {
      if (block.kind === 'p' || block.kind === 'h1' || block.kind === 'h2' || block.kind === 'h3') paragraphs.push(block.inline)
      else if (block.kind === 'ul' || block.kind === 'ol') paragraphs.push(...block.items)
    }
    // "– Vladimir Poutine" as the quote's last line.
    const last = paragraphs[paragraphs.length - 1]
    if (!attribution && last && paragraphs.length > 1 && ATTRIBUTION.test(plain(last).trim())) {
      attribution = ATTRIBUTION.exec(plain(last).trim())![1]!
      paragraphs.pop()
    }
    return { kind: 'quote', paragraphs, attribution: attribution ? attribution.replace(/^[—–-]\s*/, '') : null }
  }
}

function findAll(root: Node, tag: string, found: Element[] = []): Element[] {
  if (!('childNodes' in root)) return found
  for (const child of root.childNodes) {
    if (!isElement(child)) continue
    if (child.tagName === tag) found.push(child)
    if (!DROPPED.has(child.tagName)) findAll(child, tag, found)
  }
  return found
}

/** Trims the ends, merges neighbours with the same marks, drops empty text. */
function tidy(nodes: DocNode[]): DocNode[] {
  const merged: DocNode[] = []
  for (const node of nodes) {
    if (node.type === 'text' && !node.text) continue
    const previous = merged[merged.length - 1]
    if (previous?.type === 'text' && node.type === 'text' && JSON.stringify(previous.marks ?? []) === JSON.stringify(node.marks ?? [])) {
      previous.text = `${previous.text ?? ''}${node.text ?? ''}`.replace(/ {2,}/g, ' ')
    } else merged.push({ ...node })
  }
  while (merged[0]?.type === 'hardBreak') merged.shift()
  while (merged[merged.length - 1]?.type === 'hardBreak') merged.pop()
  const first = merged[0]
  if (first?.type === 'text') first.text = (first.text ?? '').replace(/^\s+/, '')
  const last = merged[merged.length - 1]
  if (last?.type === 'text') last.text = (last.text ?? '').replace(/\s+$/, '')
  return merged.filter((node) => node.type !== 'text' || node.text)
}

function paragraph(inline: DocNode[]): DocNode {
  return { type: 'paragraph', content: inline }
}

export function importHtml(html: string, options: PlainTextImportOptions = {}): ImportedStory {
  const reader = new Reader()
  const document = parse(html)
  // The article when the page marks one: site navigation and footers stay out.
  const articles = findAll(document, 'article')
  const root = articles[0] ?? findAll(document, 'body')[0] ?? document
  if (articles.length > 1) reader.notes.push(importNote('articles_many', { count: articles.length }))
  const blocks = reader.blocks(root.childNodes)
  const { notes, unmapped } = reader
  const result: ImportedStory = { sectionPath: [], headline: '', standfirst: [], body: [], bio: null, notes, unmapped }

  let index = 0
  const headlineAt = blocks.findIndex((block) => block.kind === 'h1')
  // The section: a breadcrumb, or a one-line paragraph naming known sections, before the headline.
  for (let i = 0; i < (headlineAt >= 0 ? headlineAt : 0); i++) {
    const block = blocks[i]!
    if (block.kind === 'crumbs' && result.sectionPath.length === 0) result.sectionPath = block.path
    else if (block.kind === 'p' && result.sectionPath.length === 0) {
      const path = splitSectionLine(plain(block.inline).trim(), options.sections ?? [])
      if (path) result.sectionPath = path
      else unmapped.push(importNote('before_headline_text', { text: plain(block.inline).trim().slice(0, 60) }))
    } else if (block.kind !== 'crumbs') unmapped.push(importNote('before_headline_dropped'))
  }
  if (result.sectionPath.length > 0) notes.push(importNote('section_read', { path: result.sectionPath.join(' › ') }))
  if (headlineAt >= 0) {
    const headline = blocks[headlineAt] as TextBlock
    result.headline = plain(headline.inline).replace(/\s+/g, ' ').trim()
    index = headlineAt + 1
  } else {
    unmapped.push(importNote('headline_missing_html'))
  }

  // The standfirst: a paragraph marked as one, or the first paragraph after the headline.
  const marked = blocks.findIndex((block, i) => i >= index && block.kind === 'p' && block.standfirst)
  const standfirstAt = marked >= 0 ? marked : blocks[index]?.kind === 'p' && !(blocks[index] as { bio?: boolean }).bio ? index : -1
  if (standfirstAt >= 0) {
    const block = blocks[standfirstAt] as TextBlock
    // A standfirst set in bold is a standfirst, not bold text.
    const allBold = block.inline.every((node) => node.type !== 'text' || node.marks?.some((mark) => mark.type === 'bold'))
    result.standfirst = block.inline
      .filter((node) => node.type === 'text')
      .map((node) => {
        const marks = allBold ? node.marks?.filter((mark) => mark.type !== 'bold') : node.marks
        return marks?.length ? { ...node, marks } : { type: 'text', text: node.text ?? '' }
      })
    blocks.splice(standfirstAt, 1)
  } else if (headlineAt >= 0) {
    notes.push(importNote('standfirst_missing'))
  }

  // The bio: paragraphs marked as one, or a last paragraph after a closing rule.
  const bioBlocks = blocks.filter((block, i) => i >= index && block.kind === 'p' && block.bio) as TextBlock[]
  let end = blocks.length
  if (bioBlocks.length > 0) {
    result.bio = bioBlocks.map((block) => plain(block.inline).trim()).join(' ')
  } else if (blocks[end - 1]?.kind === 'p' && blocks[end - 2]?.kind === 'hr') {
    result.bio = plain((blocks[end - 1] as TextBlock).inline).trim()
    end -= 2
  }
  if (result.bio) notes.push(importNote('bio_read'))
  else notes.push(importNote('bio_missing_html'))

  for (let i = index; i < end; i++) {
    const block = blocks[i]!
    switch (block.kind) {
      case 'crumbs':
        break
      case 'h1':
        notes.push(importNote('second_h1'))
        result.body.push({ type: 'heading', attrs: { level: 2 }, content: block.inline })
        break
      case 'h2':
      case 'h3':
        result.body.push({ type: 'heading', attrs: { level: block.kind === 'h2' ? 2 : 3 }, content: block.inline.filter((node) => node.type === 'text') })
        break
      case 'hr':
        result.body.push({ type: 'horizontalRule' })
        break
      case 'ul':
      case 'ol':
        result.body.push({ type: block.kind === 'ul' ? 'bulletList' : 'orderedList', content: block.items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) })
        break
      case 'quote': {
        let attribution = block.attribution
        const next = blocks[i + 1]
        // "– Un diplomate occidental" in the paragraph after the quote.
        if (!attribution && next?.kind === 'p' && /^[–—]/.test(plain(next.inline).trim()) && ATTRIBUTION.test(plain(next.inline).trim())) {
          attribution = ATTRIBUTION.exec(plain(next.inline).trim())![1]!
          i++
        }
        if (block.paragraphs.length === 0) break
        const content: DocNode[] = block.paragraphs.map(paragraph)
        if (attribution) content.push({ type: 'quoteAttribution', content: [{ type: 'text', text: attribution.trim() }] })
        result.body.push({ type: 'blockquote', content })
        break
      }
      case 'p':
        if (block.bio) break
        result.body.push(paragraph(block.inline))
        break
    }
  }
  reader.reportDropped()
  return result
}
