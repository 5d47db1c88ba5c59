/**
 * A publication's content, frozen: everything a reader page, a feed item or the ninjs API
 * needs, taken from the story's document (through the article schema) and its metadata at
 * the moment of publishing. Stored with the version, so any version can be rendered or
 * exported later exactly as it went out.
 */
import type { DocNode } from '@copydesk/shared/doc'
import type { BylineEntry, RevisionKind } from '../storage/Storage.js'

export interface PublishedRevision {
  at: string
  kind: Exclude<RevisionKind, 'first'>
  note: string
}

export interface PublishedContent {
  storyId: string
  headline: string
  standfirst: DocNode[]
  body: DocNode[]
  byline: BylineEntry[]
  /**
   * The accounts whose text is in this version, most text first, named as they were at
   * publication (from the server's record of who sent what, not from the byline). Absent
   * from versions published before it was recorded.
   */
  contributors?: { userId: string; name: string }[]
  /** The story's section, with its parents outermost first (the breadcrumb). */
  section: { id: string; name: string; trail: { id: string; name: string }[] } | null
  tags: string[]
  language: string
  slug: string
  words: number
  signs: number
  publicPath: string
  canonicalUrl: string
  firstPublishedAt: string
  publishedAt: string
  /** Updates and corrections so far, oldest first (this one included). */
  revisions: PublishedRevision[]
}

export function parseContent(json: string): PublishedContent {
  return JSON.parse(json) as PublishedContent
}
