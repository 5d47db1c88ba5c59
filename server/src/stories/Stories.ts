/**
 * Stories as records: creating them (with their first document state, built here on the
 * server from the article schema), listing and filtering them, changing their metadata and
 * assignments (with the permissions of the desk), and keeping the fields derived from the
 * document (headline, length) current as people type. Status changes are `Workflow`'s.
 */
import { importNote, type ImportNote, type ImportStoryRequest, type UpdateStoryRequest } from '@copydesk/shared/api'
import {
  InvalidContentError,
  createStoryDocument,
  fieldText,
  importHtml,
  importMarkdown,
  importPlainText,
  importedToContent,
  measureStory,
  validateStoryContent,
  type StoryContent,
} from '@copydesk/shared/doc'
import { MAX_HEADLINE_CHARS } from '@copydesk/shared/limits'
import { isDesk } from '@copydesk/shared/workflow'
import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { newId } from '../auth/secrets.js'
import { DomainError } from '../errors.js'
import type { NewsroomEvents } from '../NewsroomEvents.js'
import type { Logger } from '../logger.js'
import { mentionedUsers } from '../notifications/mentions.js'
import type { BylineEntry, NewNotification, Priority, Storage, StoryChanges, StoryHit, StoryQuery, StoryRecord, UserRecord } from '../storage/Storage.js'
import type { Sections } from './Sections.js'
import type { PresentedStory, StoryPresenter } from './StoryPresenter.js'

export interface NewStoryInput {
  content: StoryContent
  sectionId?: string | null
  byline?: BylineEntry[]
  createdBy: UserRecord | null
  /** User ids; a reporter's new story is assigned to them when this is absent. */
  assignees?: string[]
  deadline?: string | null
  priority?: Priority
  lengthTarget?: StoryRecord['lengthTarget']
  /** Defaults to now; the demo newsroom backdates its stories. */
  createdAt?: Date
  /** Defaults to the site's language. */
  language?: string
}

export interface ImportResult extends PresentedStory {
  notes: ImportNote[]
  unmapped: ImportNote[]
}

/** Fields only the desk (editors, admins) may change. */
const DESK_FIELDS = ['assignees', 'deadline', 'priority', 'internalNote'] as const

/** At most `max` UTF-16 units (as the API counts), cut between characters, with an ellipsis. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let kept = ''
  for (const character of text) {
    if (kept.length + character.length > max - 1) break
    kept += character
  }
  return `${kept}…`
}

export class Stories {
  /** What was last written of each open story's derived fields, to skip writes that change nothing. */
  private readonly lastDerived = new Map<string, string>()

  constructor(
    private readonly storage: Storage,
    private readonly events: NewsroomEvents,
    /** Presents and announces every change (`storyChanged`). */
    private readonly presenter: StoryPresenter,
    private readonly sections: Sections,
    private readonly logger: Logger,
    private readonly defaultLanguage = 'fr',
  ) {
    // Derived fields (headline, length, search text) follow the document as people type.
    events.on('documentChanged', (storyId, doc) => {
      this.documentChanged(storyId, doc).catch((error: unknown) => logger.error({ err: error, storyId }, 'updating story fields failed'))
    })
  }

  async create(input: NewStoryInput): Promise<PresentedStory> {
    if (input.sectionId && !(await this.sections.exists(input.sectionId))) {
      throw new DomainError('invalid', `There is no section "${input.sectionId}"`, 'section')
    }
    const assignees = input.assignees ?? (input.createdBy?.role === 'reporter' ? [input.createdBy.id] : [])
    await this.requireUsers(assignees)
    const doc = createStoryDocument(input.content)
    const length = measureStory(doc).total
    const state = Y.encodeStateAsUpdate(doc)
    // [S26] The first text is its creator's (or its importer's), like anything they type next.
    const claims = input.createdBy ? [{ clientId: doc.clientID, userId: input.createdBy.id }] : []
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
        assignees,
        deadline: input.deadline ?? null,
        priority: input.priority ?? 'normal',
        lengthTarget: input.lengthTarget ?? null,
        language: input.language ?? this.defaultLanguage,
      },
      state,
      claims,
    )
    this.logger.info({ storyId: record.id, userId: input.createdBy?.id }, 'story created')
    const presented = await this.presenter.announce(record)
    const notifications = assignees
      .filter((userId) => userId !== input.createdBy?.id)
      .map((userId) => ({ userId, at: record.createdAt, kind: 'assigned' as const, storyId: record.id, actorId: input.createdBy?.id ?? null, note: null }))
    if (notifications.length > 0) this.events.emit('notified', await this.storage.notifications.create(notifications))
    return presented
  }

  get(id: string): Promise<StoryRecord | null> {
    return this.storage.stories.get(id)
  }

  async require(id: string): Promise<StoryRecord> {
    const story = await this.storage.stories.get(id)
    if (!story) throw new DomainError('not_found', 'No such story')
    return story
  }

  list(query: StoryQuery): Promise<StoryRecord[]> {
    return this.storage.stories.list(query)
  }

  /** Full-text search over the same list, best match first unless sorted otherwise. */
  search(query: StoryQuery & { text: string }): Promise<StoryHit[]> {
    return this.storage.stories.search(query)
  }

  /**
   * Changes a story's metadata. The desk may change everything; a reporter only the
   * section, tags, slug, byline and length target of a story of theirs that is still a
   * draft or filed.
   */
  async update(actor: UserRecord, id: string, request: UpdateStoryRequest): Promise<PresentedStory> {
    const story = await this.require(id)
    if (!isDesk(actor.role)) {
      const own = story.assignees.includes(actor.id) || story.createdBy === actor.id
      if (!own || (story.status !== 'draft' && story.status !== 'submitted')) {
        throw new DomainError('forbidden', 'Only the desk may change this story now')
      }
      const deskOnly = DESK_FIELDS.filter((field) => request[field] !== undefined)
      if (deskOnly.length > 0) throw new DomainError('forbidden', `Only editors may change ${deskOnly.join(', ')}`)
    }
    if (request.section && !(await this.sections.exists(request.section))) {
      throw new DomainError('invalid', `There is no section "${request.section}"`, 'section')
    }
    const at = new Date().toISOString()
    let current = story
    if (request.assignees !== undefined) {
      await this.requireUsers(request.assignees)
      const result = await this.storage.stories.setAssignees(id, request.assignees, actor.id, at, (added) =>
        added.filter((userId) => userId !== actor.id).map((userId) => ({ userId, at, kind: 'assigned', storyId: id, actorId: actor.id, note: null })),
      )
      if (!result) throw new DomainError('not_found', 'No such story')
      current = result.story
      if (result.notifications.length > 0) this.events.emit('notified', result.notifications)
      if (result.added.length + result.removed.length > 0) this.events.emit('accessChanged', result.story)
    }
    const changes: StoryChanges = {}
    if (request.section !== undefined) changes.sectionId = request.section
    if (request.tags !== undefined) changes.tags = [...new Set(request.tags)]
    if (request.slug !== undefined) changes.slug = request.slug
    if (request.byline !== undefined) changes.byline = request.byline.map((entry) => ({ userId: entry.userId ?? null, name: entry.name, bio: entry.bio }))
    if (request.deadline !== undefined) changes.deadline = request.deadline === null ? null : new Date(request.deadline).toISOString()
    if (request.lengthTarget !== undefined) changes.lengthTarget = request.lengthTarget
    if (request.priority !== undefined) changes.priority = request.priority
    if (request.internalNote !== undefined) changes.internalNote = request.internalNote
    if (request.language !== undefined) changes.language = request.language
    const fields = Object.keys(changes)
    if (fields.length > 0) {
      const notifications: NewNotification[] = []
      if (changes.internalNote !== undefined) {
        const users = await this.storage.users.list()
        const before = new Set(mentionedUsers(story.internalNote, users).map((user) => user.id))
        for (const user of mentionedUsers(changes.internalNote, users)) {
          if (!before.has(user.id) && user.id !== actor.id) notifications.push({ userId: user.id, at, kind: 'mentioned', storyId: id, actorId: actor.id, note: changes.internalNote })
        }
      }
      const result = await this.storage.stories.update(id, changes, { at, actorId: actor.id, kind: 'metadata', fromStatus: null, toStatus: null, note: null, detail: fields.join(', ') }, notifications)
      if (!result) throw new DomainError('not_found', 'No such story')
      current = result.story
      if (result.notifications.length > 0) this.events.emit('notified', result.notifications)
    }
    return this.presenter.announce(current)
  }

  /**
   * Keeps the derived fields, and the text that search reads, in step with the document
   * (called by the broker, throttled per story). Writes only when the headline, the length
   * or the text changed; bounded memory per story.
   */
  async documentChanged(storyId: string, doc: Y.Doc): Promise<void> {
    const { total } = measureStory(doc)
    // The board shows at most the API's headline length, whatever a client wrote in the document.
    const headline = clip(fieldText(doc, 'headline').trim(), MAX_HEADLINE_CHARS)
    const derived = { headline, ...total, standfirst: fieldText(doc, 'standfirst'), body: fieldText(doc, 'body') }
    // The text is in the key as a digest: an edit that keeps the length (a letter replaced)
    // must still reach the search index, and a whole article per open story is too much to keep.
    const digest = createHash('sha1').update(derived.standfirst).update('\0').update(derived.body).digest('base64url')
    const key = `${derived.words}:${derived.signs}:${digest}:${derived.headline}`
    if (this.lastDerived.get(storyId) === key) return
    const at = new Date().toISOString()
    await this.storage.stories.updateDerived(storyId, derived, at)
    this.lastDerived.delete(storyId)
    this.lastDerived.set(storyId, key)
    if (this.lastDerived.size > 10_000) this.lastDerived.delete(this.lastDerived.keys().next().value!)
    // Announced from the last presentation: no story, user or section is read while people type.
    await this.presenter.announcePatch(storyId, 'typed', (story) => ({ ...story, headline, length: { words: total.words, signs: total.signs }, updatedAt: at }))
  }

  /**
   * Creates a story from text laid out like an article (plain text, Markdown or HTML): its
   * structure recognised, the bio to the byline, the section found by name unless given.
   * The person importing is its author; what could not be mapped is reported, not lost
   * silently.
   */
  async importStory(actor: UserRecord, request: ImportStoryRequest): Promise<ImportResult> {
    const sections = await this.sections.list()
    const options = { sections: sections.map((section) => section.path) }
    const imported =
      request.format === 'html' ? importHtml(request.content, options) : request.format === 'markdown' ? importMarkdown(request.content, options) : importPlainText(request.content, options)
    let sectionId: string | null = null
    if (request.section) {
      if (!sections.some((section) => section.id === request.section)) throw new DomainError('invalid', `There is no section "${request.section}"`, 'section')
      sectionId = request.section
    } else if (imported.sectionPath.length > 0) {
      const wanted = imported.sectionPath.map((name) => name.toLocaleLowerCase())
      const match =
        sections.find((section) => section.path.map((name) => name.toLocaleLowerCase()).join('›') === wanted.join('›')) ??
        sections.find((section) => section.name.toLocaleLowerCase() === wanted[wanted.length - 1])
      if (match) sectionId = match.id
      else imported.unmapped.push(importNote('section_missing', { path: imported.sectionPath.join(' › ') }))
    }
    if (imported.headline.length > MAX_HEADLINE_CHARS) {
      imported.unmapped.push(importNote('headline_cut', { maximum: MAX_HEADLINE_CHARS }))
      imported.headline = imported.headline.slice(0, MAX_HEADLINE_CHARS)
    }
    const content = importedToContent(imported)
    try {
      validateStoryContent(content)
    } catch (error) {
      if (error instanceof InvalidContentError) throw new DomainError('invalid', `The text could not be read as a story: ${error.message}`, 'content')
      throw error
    }
    const presented = await this.create({
      content,
      sectionId,
      byline: [{ userId: actor.id, name: actor.displayName, bio: imported.bio ?? actor.bio }],
      createdBy: actor,
    })
    this.logger.info({ storyId: presented.record.id, userId: actor.id, format: request.format, unmapped: imported.unmapped.length }, 'story imported')
    return { ...presented, notes: imported.notes, unmapped: imported.unmapped }
  }

  private async requireUsers(ids: string[]): Promise<void> {
    for (const id of ids) {
      const user = await this.storage.users.get(id)
      if (!user || user.disabled) throw new DomainError('invalid', `There is no active account "${id}" to assign`, 'assignees')
    }
  }
}
