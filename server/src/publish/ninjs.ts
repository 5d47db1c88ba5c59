/**
 * A publication as IPTC ninjs 2.1 (News in JSON), for wire partners and apps: the published
 * version only, never the draft. https://www.iptc.org/std/ninjs/
 */
import { plainText, renderBlocks } from '@copydesk/shared/doc'
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
  slugline?: string
  subjects?: { name: string; rel: string; uri?: string; literal?: string }[]
  altids?: { role: string; value: string }[]
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
    bodies: [{ role: 'main', contenttype: 'text/html', value: renderBlocks(content.body, typeset), charcount: content.signs, wordcount: content.words }],
    by: content.byline.map((entry) => entry.name).join(', '),
    slugline: content.slug,
    subjects: [
      ...sections.map((section) => ({ name: section.name, rel: 'section', uri: `${options.siteUrl}/p/${encodeURIComponent(section.id)}/` })),
      ...content.tags.map((tag) => ({ name: tag, rel: 'tag', literal: tag })),
    ],
    altids: [{ role: 'storyId', value: content.storyId }],
  }
}

/** What partners get for a story taken down: the same uri, canceled. */
export function canceledNinjs(content: PublishedContent, version: number, at: string): NinjsItem {
  return { uri: ninjsUri(content), standard: standard(), type: 'text', representationtype: 'partial', version: String(version + 1), versioncreated: at, pubstatus: 'canceled' }
}
