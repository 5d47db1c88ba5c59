/** Story content as Markdown (export): subheads, lists, quotes with their attribution, emphasis, links. */
import type { DocNode } from '../content.js'
import { isSafeHref } from '../../schema/safeUrl.js'

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#>])/g, '\\$1')
}

function inline(nodes: readonly DocNode[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === 'hardBreak') return '  \n'
      if (node.type !== 'text' || !node.text) return ''
      let text = escapeMarkdown(node.text)
      if (node.marks?.some((mark) => mark.type === 'italic')) text = `*${text}*`
      if (node.marks?.some((mark) => mark.type === 'bold')) text = `**${text}**`
      const href = node.marks?.find((mark) => mark.type === 'link')?.attrs?.href
      if (typeof href === 'string' && isSafeHref(href)) text = `[${text}](${href})`
      return text
    })
    .join('')
}

function block(node: DocNode): string {
  switch (node.type) {
    case 'paragraph':
      return inline(node.content)
    case 'heading':
      return `${node.attrs?.level === 3 ? '###' : '##'} ${inline(node.content)}`
    case 'bulletList':
    case 'orderedList':
      return (node.content ?? [])
        .map((item, index) => `${node.type === 'bulletList' ? '-' : `${index + 1}.`} ${(item.content ?? []).map(block).join(' ')}`)
        .join('\n')
    case 'blockquote': {
      const lines = (node.content ?? []).filter((child) => child.type === 'paragraph').map((child) => `> ${inline(child.content)}`)
      const attribution = (node.content ?? []).find((child) => child.type === 'quoteAttribution')
      if (attribution) lines.push('>', `> — ${inline(attribution.content)}`)
      return lines.join('\n')
    }
    case 'horizontalRule':
      return '---'
    default:
      return ''
  }
}

export interface MarkdownStory {
  headline: string
  standfirst: readonly DocNode[]
  body: readonly DocNode[]
  byline?: string
  bio?: string
}

export function storyToMarkdown(story: MarkdownStory): string {
  const parts = [`# ${escapeMarkdown(story.headline)}`]
  const standfirst = inline(story.standfirst)
  if (standfirst) parts.push(`**${standfirst}**`)
  if (story.byline) parts.push(`*${escapeMarkdown(story.byline)}*`)
  parts.push(...story.body.map(block).filter(Boolean))
  if (story.bio) parts.push('---', `*${escapeMarkdown(story.bio)}*`)
  return `${parts.join('\n\n')}\n`
}
