/**
 * A publication as IPTC ninjs 2.1 (News in JSON), for wire partners and apps: the published
 * version only, never the draft. https://www.iptc.org/std/ninjs/
 */
import { frenchTypography, measureText, plainText, renderBlocks, type DocNode } from '@copydesk/shared/doc'
import type { PublishedContent } from './content.js'

export const NINJS_SCHEMA = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json'

export interface NinjsItem {
  uri: string
  standard: { name: 'ninjs'; version: string; schema: string }
  type: 'text'
  representationtype: 'full' | 'partial'
  version?: string
  firstcreated?: string
  versioncreated?: string
  pubstatus: 'usable' | 'withheld' | 'canceled'
  language?: string
  copyrightholder?: string
  headlines?: { role: string; contenttype: string; value: string }[]
  descriptions?: { role: string; contenttype: string; value: string }[]
  bodies?: { role: string; contenttype: string; value: string; charcount: number; wordcount: number }[]
  by?: string
  people?: { name: string; rel: string }[]
  slugline?: string
  subjects?: { name: string; rel: string; uri?: string; literal?: string }[]
  altids?: { role: string; value: string }[]
}

/**
 * The text of a body as `renderBlocks` writes it, one string a block, for its counts. ninjs
 * 2.1 defines `charcount` and `wordcount` as the counts of that body alone, "excluding
 * figure captions": so not the standfirst (a description here), and not a quote's
 * attribution, which the page renders as the quote figure's `<figcaption>`. What the
 * renderer drops (unknown nodes, empty paragraphs) is not counted either.
 */
export function bodyBlocks(blocks: readonly DocNode[], language: string): string[] {
  const out: string[] = []
  const inline = (nodes: readonly DocNode[] | undefined): string => {
    let text = ''
    for (const node of nodes ?? []) {
      if (node.type === 'hardBreak') text += ' '
      if (node.type !== 'text' || typeof node.text !== 'string') continue
      const href = node.marks?.find((mark) => mark.type === 'link')?.attrs?.href
      // As the renderer: a link that shows its own address is not typeset.
      text += language === 'fr' && node.text !== href ? frenchTypography(node.text) : node.text
    }
    return text
  }
  const walk = (nodes: readonly DocNode[] | undefined): void => {
    for (const node of nodes ?? []) {
      switch (node.type) {
        case 'paragraph':
        case 'heading':
          out.push(inline(node.content))
          break
        case 'bulletList':
        case 'orderedList':
          for (const item of node.content ?? []) if (item.type === 'listItem') walk(item.content)
          break
        case 'blockquote':
          walk((node.content ?? []).filter((child) => child.type === 'paragraph'))
          break
      }
    }
  }
  walk(blocks)
  return out
}

function standard(): NinjsItem['standard'] {
  return { name: 'ninjs', version: '2.1', schema: NINJS_SCHEMA }
}

/** The item's identity: the story's public address, stable across versions. */
export function ninjsUri(content: Pick<PublishedContent, 'canonicalUrl'>): string {
  return content.canonicalUrl
}

export function toNinjs(content: PublishedContent, version: number, options: { siteName: string; siteUrl: string; draft?: boolean }): NinjsItem {
  const typeset = { language: content.language }
  const sections = content.section?.trail ?? []
  return {
    uri: ninjsUri(content),
    standard: standard(),
    type: 'text',
    representationtype: 'full',
    version: options.draft ? `${version}-draft` : String(version),
    firstcreated: content.firstPublishedAt,
    versioncreated: content.publishedAt,
    pubstatus: options.draft ? 'withheld' : 'usable',
    language: content.language,
    copyrightholder: options.siteName,
    headlines: [{ role: 'main', contenttype: 'text/plain', value: plainText([{ type: 'text', text: content.headline }], typeset) }],
    descriptions: [
      ...(content.standfirst.length ? [{ role: 'summary', contenttype: 'text/plain', value: plainText(content.standfirst, typeset) }] : []),
      ...content.revisions.map((revision) => ({ role: revision.kind, contenttype: 'text/plain', value: `${revision.at} ${revision.note}` })),
    ],
    bodies: [{ role: 'main', contenttype: 'text/html', value: renderBlocks(content.body, typeset), ...bodyCounts(content) }],
    by: content.byline.map((entry) => entry.name).join(', '),
    // ninjs 2.1 has no contributor list of its own: people with the relationship `contributor`
    // are those whose text is in this version (versions published before it was recorded have none).
    ...(content.contributors?.length ? { people: content.contributors.map((person) => ({ name: person.name, rel: 'contributor' })) } : {}),
    slugline: content.slug,
    subjects: [
      ...sections.map((section) => ({ name: section.name, rel: 'section', uri: `${options.siteUrl}/p/${encodeURIComponent(section.id)}/` })),
      ...content.tags.map((tag) => ({ name: tag, rel: 'tag', literal: tag })),
    ],
    altids: [{ role: 'storyId', value: content.storyId }],
  }
}

function bodyCounts(content: PublishedContent): { charcount: number; wordcount: number } {
  const { signs, words } = measureText(bodyBlocks(content.body, content.language))
  return { charcount: signs, wordcount: words }
}

/** What partners get for a story taken down: the same uri, canceled. */
export function canceledNinjs(content: PublishedContent, version: number, at: string): NinjsItem {
  return { uri: ninjsUri(content), standard: standard(), type: 'text', representationtype: 'partial', version: String(version + 1), versioncreated: at, pubstatus: 'canceled' }
}
