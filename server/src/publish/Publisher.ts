/**
 * Publishing: freezes what a story says into a numbered, immutable version (content read
 * from the server's copy of the document through the article schema, rendered once into
 * the reader page), and serves what readers get from those versions only: article pages,
 * front and section pages, RSS feeds, the ninjs API. Draft text never reaches them: a story
 * being edited after publication keeps serving its last version until it is published again.
 *
 * Reader-facing answers are kept in memory (pages, listings, feeds) and dropped when a
 * publication changes, so a busy page costs a map lookup, not a render.
 */
import { createHash } from 'node:crypto'
import { slugify } from '@copydesk/shared/api'
import { measureStory, readStoryContent } from '@copydesk/shared/doc'
import * as Y from 'yjs'
import type { Logger } from '../logger.js'
import type { NewsroomEvents } from '../NewsroomEvents.js'
import { sectionTrail } from '../stories/Sections.js'
import type { PublishedVersionRecord, RevisionKind, SectionRecord, Storage, StoryRecord } from '../storage/Storage.js'
import type { Prepared, PublishRequest, Publishing } from '../workflow/Publishing.js'
import { parseContent, type PublishedContent, type PublishedRevision } from './content.js'
import { renderFeed } from './feed.js'
import { canceledNinjs, toNinjs, type NinjsItem } from './ninjs.js'
import { renderArticlePage, renderGonePage, renderListingPage, type Site } from './page.js'

/**
 * Names what a publication puts out, apart from its time and its revision note: the text,
 * the byline, the section, tags, language and address. Equal for a preview and the
 * publication that follows it unless someone changed the story in between, which is how
 * Publish refuses to put out anything the desk has not seen (`TransitionRequest.previewed`).
 */
export function previewFingerprint(content: PublishedContent): string {
  const { publishedAt: _at, firstPublishedAt: _first, revisions: _revisions, ...what } = content
  return createHash('sha256').update(JSON.stringify(what)).digest('base64url')
}

/** A reader-facing answer, ready to send: encoded once, sent many times. */
export interface PublicResource {
  status: 200 | 404 | 410
  body: Buffer<ArrayBuffer>
  etag: string
  lastModified: string
}

const LISTING_SIZE = 30
const FEED_SIZE = 50
const PAGE_CACHE_SIZE = 1000
const LISTING_MAX_AGE_MS = 60_000

function etagOf(text: string): string {
  return `"${createHash('sha1').update(text).digest('base64url')}"`
}

function resource(status: PublicResource['status'], body: string, lastModified: string): PublicResource {
  return { status, body: Buffer.from(body), etag: etagOf(body), lastModified: new Date(lastModified).toUTCString() }
}

export class Publisher implements Publishing {
  private readonly pages = new Map<string, PublicResource>()
  private readonly listings = new Map<string, { answer: PublicResource; builtAt: number }>()
  private readonly started = new Date().toISOString()

  constructor(
    private readonly storage: Storage,
    events: NewsroomEvents,
    /** A story document's current state, encoded (see `Rooms.documentState`). */
    private readonly documentState: (storyId: string) => Promise<Uint8Array>,
    /** The accounts whose text is in a state of a story, most text first (see `Authors.contributors`). */
    private readonly contributors: (storyId: string, state: Uint8Array) => Promise<{ userId: string; name: string }[]>,
    private readonly site: () => Site,
    private readonly logger: Logger,
  ) {
    events.on('publicationChanged', (story) => this.changed(story))
    // Section pages and listings name sections: a renamed one shows at once.
    events.on('sectionsChanged', () => this.listings.clear())
  }

  /**
   * The version a publication writes, rendered from the document as the server holds it
   * now. Numbered and stored by the workflow's transition, in the same transaction as the
   * status change.
   */
  async prepare(story: StoryRecord, request: PublishRequest): Promise<Prepared> {
    const { content, pageHtml, kind } = await this.compose(story, request)
    return {
      publicPath: content.publicPath,
      slug: content.slug,
      fingerprint: previewFingerprint(content),
      headline: content.headline,
      version: {
        storyId: story.id,
        publishedAt: request.at,
        publishedBy: request.actor?.id ?? null,
        kind,
        note: request.note,
        content: JSON.stringify(content),
        pageHtml,
        etag: etagOf(pageHtml),
      },
    }
  }

  /** A draft as it would be published now, and the number of the last publication (exports of the working copy). */
  async draft(story: StoryRecord): Promise<{ content: PublishedContent; pageHtml: string; version: number }> {
    const { content, pageHtml, previousVersion } = await this.compose(story, { actor: null, revision: null, note: null, at: new Date().toISOString() })
    return { content, pageHtml, version: previousVersion }
  }

  /**
   * The reader page a publication made now would put out, from the working copy as the
   * server holds it, rendered by the same code as a real publication and stored nowhere:
   * what the desk checks before it confirms Publish or Republish. A republication's
   * update or correction note shows as readers would see it.
   */
  async preview(story: StoryRecord, revision: PublishRequest['revision'], note: string | null): Promise<{ pageHtml: string; fingerprint: string }> {
    const { pageHtml, content } = await this.compose(story, { actor: null, revision, note, at: new Date().toISOString() })
    return { pageHtml, fingerprint: previewFingerprint(content) }
  }

  /** The content and the page of a publication made now. */
  private async compose(story: StoryRecord, request: PublishRequest): Promise<{ content: PublishedContent; pageHtml: string; kind: RevisionKind; previousVersion: number }> {
    const doc = new Y.Doc()
    try {
      // A copy: reading through the schema may drop what the schema does not know, and that
      // must not touch the live document.
      const state = await this.documentState(story.id)
      Y.applyUpdate(doc, state)
      const text = readStoryContent(doc)
      const length = measureStory(doc).total
      const [previous, sections, contributors] = await Promise.all([this.storage.published.latest(story.id), this.storage.sections.list(), this.contributors(story.id, state)])
      const site = this.site()
      const slug = story.slug || slugify(text.headline, 90) || 'article'
      const publicPath = story.publicPath ?? `/p/${encodeURIComponent(story.sectionId ?? 'articles')}/${slug}-${story.id}`
      const kind: RevisionKind = previous ? (request.revision ?? 'update') : 'first'
      const revisions: PublishedRevision[] = previous ? [...parseContent(previous.content).revisions] : []
      if (kind !== 'first') revisions.push({ at: request.at, kind, note: request.note ?? '' })
      const content: PublishedContent = {
        storyId: story.id,
        headline: text.headline,
        standfirst: text.standfirst,
        body: text.body,
        byline: story.byline,
        contributors,
        section: story.sectionId ? sectionOf(story.sectionId, sections) : null,
        tags: story.tags,
        language: story.language,
        slug,
        words: length.words,
        signs: length.signs,
        publicPath,
        canonicalUrl: `${site.url}${publicPath}`,
        firstPublishedAt: story.firstPublishedAt ?? request.at,
        publishedAt: request.at,
        revisions,
      }
      return { content, pageHtml: renderArticlePage(content, site), kind, previousVersion: previous?.version ?? 0 }
    } finally {
      doc.destroy()
    }
  }

  /** A publication changed (published, republished, taken down): readers get it at once. */
  private changed(story: StoryRecord): void {
    if (story.publicPath) this.pages.delete(story.publicPath)
    this.listings.clear()
  }

  /** The reader page at a public address when it is in memory already (the server's fast path). */
  cachedPage(path: string): PublicResource | undefined {
    return this.pages.get(path)
  }

  /** The reader page at a public address. */
  async page(path: string): Promise<PublicResource> {
    const cached = this.pages.get(path)
    if (cached) return cached
    const found = await this.storage.published.byPath(path)
    let answer: PublicResource
    if (found?.story.status === 'published' && found.version) {
      answer = { status: 200, body: Buffer.from(found.version.pageHtml), etag: found.version.etag, lastModified: new Date(found.version.publishedAt).toUTCString() }
    } else if (found?.story.status === 'unpublished') {
      answer = resource(410, renderGonePage(this.site(), 'gone'), found.story.updatedAt)
    } else {
      // Unknown addresses are not cached: anyone could fill the cache with them.
      return this.notFound()
    }
    if (this.pages.size >= PAGE_CACHE_SIZE) this.pages.delete(this.pages.keys().next().value!)
    this.pages.set(path, answer)
    return answer
  }

  /** The page for an address that leads nowhere. */
  notFound(): PublicResource {
    return resource(404, renderGonePage(this.site(), 'not_found'), this.started)
  }

  /** The front page (no section) or a section page: the newest publications. */
  async listing(sectionId: string | null): Promise<PublicResource> {
    return this.cachedListing(`page:${sectionId ?? ''}`, async () => {
      const site = this.site()
      const scope = await this.scope(sectionId)
      if (scope === null) return this.notFound()
      const items = await this.recent(LISTING_SIZE, scope?.ids)
      const path = sectionId ? `/p/${encodeURIComponent(sectionId)}/` : '/p/'
      const body = renderListingPage({
        site,
        title: scope ? scope.section.name : site.name,
        section: scope ? scope.section : null,
        items,
        canonicalUrl: `${site.url}${path}`,
        feedUrl: `${site.url}${path}feed.xml`,
      })
      return resource(200, body, items[0]?.publishedAt ?? this.started)
    })
  }

  /** The site's feed (no section) or a section's; the not-found page for an unknown section. */
  async feed(sectionId: string | null): Promise<PublicResource> {
    return this.cachedListing(`feed:${sectionId ?? ''}`, async () => {
      const site = this.site()
      const scope = await this.scope(sectionId)
      if (scope === null) return this.notFound()
      const items = await this.recent(FEED_SIZE, scope?.ids)
      const path = sectionId ? `/p/${encodeURIComponent(sectionId)}/` : '/p/'
      const body = renderFeed({
        site,
        title: scope ? `${site.name} – ${scope.section.name}` : site.name,
        description: scope ? `${scope.section.name}: ${site.name}` : site.name,
        link: `${site.url}${path}`,
        selfUrl: sectionId ? `${site.url}${path}feed.xml` : `${site.url}/feed.xml`,
        items,
      })
      return resource(200, body, items[0]?.publishedAt ?? this.started)
    })
  }

  /** The published version of a story as ninjs; null when readers may not know of it. */
  async ninjs(storyId: string): Promise<{ status: 200 | 410; item: NinjsItem; etag: string } | null> {
    const story = await this.storage.stories.get(storyId)
    if (!story || (story.status !== 'published' && story.status !== 'unpublished')) return null
    const latest = await this.storage.published.latest(storyId)
    if (!latest) return null
    const content = parseContent(latest.content)
    const site = this.site()
    if (story.status === 'unpublished') return { status: 410, item: canceledNinjs(content, latest.version, story.updatedAt), etag: `"c${latest.etag.slice(1)}` }
    return { status: 200, item: toNinjs(content, latest.version, { siteName: site.name, siteUrl: site.url }), etag: latest.etag }
  }

  /** A version's content (exports). */
  content(version: PublishedVersionRecord): PublishedContent {
    return parseContent(version.content)
  }

  toNinjs(content: PublishedContent, version: number, draft: boolean): NinjsItem {
    const site = this.site()
    return toNinjs(content, version, { siteName: site.name, siteUrl: site.url, draft })
  }

  private async cachedListing(key: string, build: () => Promise<PublicResource>): Promise<PublicResource> {
    const cached = this.listings.get(key)
    // Publications and section changes clear the cache (publicationChanged, sectionsChanged);
    // the age limit bounds anything else a listing could hold on to.
    if (cached && Date.now() - cached.builtAt < LISTING_MAX_AGE_MS) return cached.answer
    const built = await build()
    // Unknown sections are not cached (see page()).
    if (built.status === 200) this.listings.set(key, { answer: built, builtAt: Date.now() })
    return built
  }

  /** A section and the sections under it; undefined for the whole site; null for no such section. */
  private async scope(sectionId: string | null): Promise<{ section: NonNullable<PublishedContent['section']>; ids: string[] } | undefined | null> {
    if (sectionId === null) return undefined
    const sections = await this.storage.sections.list()
    if (!sections.some((section) => section.id === sectionId)) return null
    const ids = [sectionId]
    for (let i = 0; i < ids.length; i++) for (const child of sections) if (child.parentId === ids[i] && !ids.includes(child.id)) ids.push(child.id)
    return { section: sectionOf(sectionId, sections), ids }
  }

  private async recent(limit: number, sectionIds?: string[]): Promise<PublishedContent[]> {
    const rows = await this.storage.published.recent(limit, sectionIds)
    const items: PublishedContent[] = []
    for (const row of rows) {
      try {
        items.push(parseContent(row.version.content))
      } catch (error) {
        this.logger.error({ err: error, storyId: row.story.id }, 'a published version could not be read')
      }
    }
    return items
  }
}

function sectionOf(id: string, sections: SectionRecord[]): NonNullable<PublishedContent['section']> {
  const record = sections.find((section) => section.id === id)
  const trail = record ? sectionTrail(record, sections).map((section) => ({ id: section.id, name: section.name })) : [{ id, name: id }]
  return { id, name: trail[trail.length - 1]!.name, trail }
}
