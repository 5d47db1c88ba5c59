/**
 * Stories as records: creating them (with their first document state, built here on the
 * server from the article schema), listing, and keeping the fields derived from the
 * document (headline, length) current as people type.
 */
import type { Section, Story } from '@copydesk/shared/api'
import { createStoryDocument, fieldText, measureStory, type StoryContent } from '@copydesk/shared/doc'
import * as Y from 'yjs'
import { newId } from '../auth/secrets.js'
import type { Logger } from '../logger.js'
import type { BylineEntry, SectionRecord, Storage, StoryRecord, UserRecord } from '../storage/Storage.js'

export class StoryError extends Error {
  constructor(
    readonly kind: 'unknown_section',
    message: string,
  ) {
    super(message)
    this.name = 'StoryError'
  }
}

export interface NewStoryInput {
  content: StoryContent
  sectionId?: string | null
  byline?: BylineEntry[]
  createdBy: UserRecord | null
  /** Defaults to now; the demo newsroom backdates its stories. */
  createdAt?: Date
}

export class Stories {
  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
  ) {}

  async create(input: NewStoryInput): Promise<StoryRecord> {
    if (input.sectionId && !(await this.sectionExists(input.sectionId))) {
      throw new StoryError('unknown_section', `There is no section "${input.sectionId}"`)
    }
    const doc = createStoryDocument(input.content)
    const length = measureStory(doc).total
    const state = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    const byline =
      input.byline ?? (input.createdBy ? [{ userId: input.createdBy.id, name: input.createdBy.displayName, bio: input.createdBy.bio }] : [])
    const record = await this.storage.stories.create(
      {
        id: newId(),
        headline: input.content.headline,
        status: 'draft',
        sectionId: input.sectionId ?? null,
        byline,
        words: length.words,
        signs: length.signs,
        createdBy: input.createdBy?.id ?? null,
        createdAt: (input.createdAt ?? new Date()).toISOString(),
      },
      state,
    )
    this.logger.info({ storyId: record.id, userId: input.createdBy?.id }, 'story created')
    return record
  }

  get(id: string): Promise<StoryRecord | null> {
    return this.storage.stories.get(id)
  }

  list(query: { text?: string; limit: number }): Promise<StoryRecord[]> {
    return this.storage.stories.list(query)
  }

  /** What was last written of each open story's derived fields, to skip writes that change nothing. */
  private readonly lastDerived = new Map<string, string>()

  /**
   * Keeps the derived fields in step with the document (called by the broker, throttled per
   * story). Writes only when the headline or the length changed; bounded memory per story.
   */
  async documentChanged(storyId: string, doc: Y.Doc): Promise<void> {
    const { total } = measureStory(doc)
    const derived = { headline: fieldText(doc, 'headline').trim(), ...total }
    const key = `${derived.words}:${derived.signs}:${derived.headline}`
    if (this.lastDerived.get(storyId) === key) return
    await this.storage.stories.updateDerived(storyId, derived, new Date().toISOString())
    this.lastDerived.delete(storyId)
    this.lastDerived.set(storyId, key)
    if (this.lastDerived.size > 10_000) this.lastDerived.delete(this.lastDerived.keys().next().value!)
  }

  async sections(): Promise<Section[]> {
    const records = await this.storage.sections.list()
    return records.map((record) => toSection(record, records))
  }

  async toApi(records: StoryRecord[]): Promise<Story[]> {
    const sections = await this.storage.sections.list()
    return records.map((record) => ({
      id: record.id,
      headline: record.headline,
      status: record.status,
      section: record.sectionId ? toSectionById(record.sectionId, sections) : null,
      byline: record.byline,
      length: { words: record.words, signs: record.signs },
      createdBy: record.createdBy,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    }))
  }

  private async sectionExists(id: string): Promise<boolean> {
    return (await this.storage.sections.list()).some((section) => section.id === id)
  }
}

function toSectionById(id: string, all: SectionRecord[]): Section | null {
  const record = all.find((section) => section.id === id)
  return record ? toSection(record, all) : null
}

function toSection(record: SectionRecord, all: SectionRecord[]): Section {
  const path: string[] = []
  const seen = new Set<string>()
  for (let current: SectionRecord | undefined = record; current && !seen.has(current.id); ) {
    seen.add(current.id)
    path.unshift(current.name)
    const parentId: string | null = current.parentId
    current = parentId ? all.find((section) => section.id === parentId) : undefined
  }
  return { id: record.id, name: record.name, path }
}
