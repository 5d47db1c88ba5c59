/**
 * Story content as semantic HTML, from the article schema's JSON (never from stored HTML):
 * only the schema's nodes and marks are written, text is escaped, and only http, https and
 * mailto links survive. What readers, feeds and the ninjs API get.
 */
import type { DocNode } from '../content.js'
import { isSafeHref } from '../../schema/safeUrl.js'
import { frenchTypography } from './typography.js'

export interface RenderOptions {
  /** Language-aware typography: 'fr' applies French spacing and quotes. */
  language: string
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)
}

function typeset(text: string, options: RenderOptions): string {
  return options.language === 'fr' ? frenchTypography(text) : text
}

function renderInline(nodes: readonly DocNode[] | undefined, options: RenderOptions): string {
  let html = ''
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      html += '<br>'
      continue
    }
    if (node.type !== 'text' || typeof node.text !== 'string') continue
    const link = node.marks?.find((mark) => mark.type === 'link')
    const href = typeof link?.attrs?.href === 'string' ? link.attrs.href : null
    let piece = escapeHtml(href && node.text === href ? node.text : typeset(node.text, options))
    if (node.marks?.some((mark) => mark.type === 'italic')) piece = `<em>${piece}</em>`
    if (node.marks?.some((mark) => mark.type === 'bold')) piece = `<strong>${piece}</strong>`
    if (href && isSafeHref(href)) piece = `<a href="${escapeHtml(href)}">${piece}</a>`
    html += piece
  }
  return html
}

function renderBlock(node: DocNode, options: RenderOptions): string {
  switch (node.type) {
    case 'paragraph': {
      const inner = renderInline(node.content, options)
      return inner ? `<p>${inner}</p>` : ''
    }
    case 'heading': {
      const level = node.attrs?.level === 3 ? 3 : 2
      return `<h${level}>${renderInline(node.content, options)}</h${level}>`
    }
    case 'bulletList':
    case 'orderedList': {
      const tag = node.type === 'bulletList' ? 'ul' : 'ol'
      const items = (node.content ?? [])
        .filter((item) => item.type === 'listItem')
        .map((item) => `<li>${(item.content ?? []).map((child) => (child.type === 'paragraph' ? renderInline(child.content, options) : renderBlock(child, options))).join('')}</li>`)
      return items.length ? `<${tag}>${items.join('')}</${tag}>` : ''
    }
    case 'blockquote': {
      const paragraphs = (node.content ?? []).filter((child) => child.type === 'paragraph').map((child) => renderBlock(child, options)).join('')
      const attribution = (node.content ?? []).find((child) => child.type === 'quoteAttribution')
      const cite = attribution ? renderInline(attribution.content, options) : ''
      return `<figure class="quote"><blockquote>${paragraphs}</blockquote>${cite ? `<figcaption>— <cite>${cite}</cite></figcaption>` : ''}</figure>`
    }
    case 'horizontalRule':
      return '<hr>'
    default:
      // Anything the schema does not know is dropped, with its content.
      return ''
  }
}

/** The body's blocks as HTML. */
export function renderBlocks(blocks: readonly DocNode[], options: RenderOptions): string {
  return blocks.map((block) => renderBlock(block, options)).join('\n')
}

/** A paragraph's inline content as HTML (the standfirst). */
export function renderInlineContent(nodes: readonly DocNode[], options: RenderOptions): string {
  return renderInline(nodes, options)
}

/** Plain text of inline content, typeset (titles, descriptions, feeds). */
export function plainText(nodes: readonly DocNode[] | undefined, options: RenderOptions): string {
  return typeset(
    (nodes ?? [])
      .map((node) => (node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? ' ' : ''))
      .join(''),
    options,
  )
}
