/**
 * Stories as the API and the board see them (`Story` of `@copydesk/shared/api`): the one
 * place a story record becomes what a client gets, used by the REST routes and, through
 * the `storyChanged` event, by socket.io alike.
 *
 * It also remembers the last presentation it announced of each story, so that a change of
 * a few fields (the headline and length as people type, the unpublished changes of a
 * published story) is announced by patching that one instead of reading the story, every
 * user and every section again each second. Anything that could make a remembered
 * presentation wrong (a section or an account renamed) clears the memory.
 *
 * Not for deciding who may see a story: every signed-in person sees the board.
 */
import type { Section, Story, StoryNote } from '@copydesk/shared/api'
import type { NewsroomEvents } from '../NewsroomEvents.js'
import type { Storage, StoryEventRecord, StoryRecord } from '../storage/Storage.js'
import { toSection } from './Sections.js'

/** A story as stored and as presented, for the services that change one and return it. */
export interface PresentedStory {
  record: StoryRecord
  story: Story
}

/** Presentations remembered, the least recently announced dropped first. */
const REMEMBERED = 5000

/** Fields announced by a patch, each group on its own (see `announcePatch`). */
export type PatchedFields = 'typed' | 'unpublished'

/**
 * A remembered presentation and, for each group of fields, the ticket of the change it
 * shows. Tickets are taken when a change has been written, before it is presented, so a
 * presentation that took longer than a later one cannot take the later one's fields back.
 */
interface Remembered {
  story: Story
  whole: number
  typed: number
  unpublished: number
}

const TYPED_FIELDS = ['headline', 'length', 'updatedAt'] as const

/** Who spiked a story and from what, as the transition table needs it (`spikedOwnDraft`). */
function spikeOf(event: StoryEventRecord | undefined): Story['spike'] {
  return event?.fromStatus ? { by: event.actorId, from: event.fromStatus } : null
}

export class StoryPresenter {
  private readonly remembered = new Map<string, Remembered>()
  private tickets = 0
  /** Counts the times the memory was cleared: a presentation begun before a clear is not kept. */
  private generation = 0
  /** The site address the remembered `publicUrl`s were made with (it is known once the server listens). */
  private site = ''

  constructor(
    private readonly storage: Storage,
    private readonly events: NewsroomEvents,
    /** The public site's address, for `publicUrl` (known once the server listens). */
    private readonly siteUrl: () => string,
  ) {
    events.on('sectionsChanged', () => this.forget())
    events.on('usersChanged', () => this.forget())
  }
  /** Stories as the API gives them, in the order given. */
  async present(records: StoryRecord[]): Promise<Story[]> {
    if (records.length === 0) return []
    const [sections, users, notes, changes, spikes] = await Promise.all([
      this.storage.sections.list(),
      this.storage.users.list(),
      this.storage.stories.lastNotes(records.map((record) => record.id)),
      // Published stories whose working copy differs from what readers get (publish/WorkingCopies.ts).
      this.storage.published.unpublishedChanges(records.filter((record) => record.status === 'published').map((record) => record.id)),
      this.storage.stories.lastSpikes(records.filter((record) => record.status === 'spiked').map((record) => record.id)),
    ])
    const people = new Map(users.map((user) => [user.id, { id: user.id, name: user.displayName, color: user.color }]))
    const sectionsById = new Map<string, Section>(sections.map((record) => [record.id, toSection(record, sections)]))
    return records.map((record) => {
      const note = notes.get(record.id)
      const lastNote: StoryNote | null =
        note && note.note && note.fromStatus && note.toStatus
          ? { text: note.note, from: note.fromStatus, to: note.toStatus, by: note.actorId ? (people.get(note.actorId) ?? null) : null, at: note.at }
          : null
      return {
        id: record.id,
        headline: record.headline,
        status: record.status,
        section: record.sectionId ? (sectionsById.get(record.sectionId) ?? null) : null,
        byline: record.byline,
        length: { words: record.words, signs: record.signs },
        createdBy: record.createdBy,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        slug: record.slug,
        tags: record.tags,
        assignees: record.assignees.map((id) => people.get(id)).filter((person) => person !== undefined),
        deadline: record.deadline,
        lengthTarget: record.lengthTarget,
        priority: record.priority,
        internalNote: record.internalNote,
        publishAt: record.publishAt,
        lastNote,
        language: record.language,
        publicUrl: record.publicPath ? `${this.siteUrl()}${record.publicPath}` : null,
        firstPublishedAt: record.firstPublishedAt,
        unpublishedChanges: changes.get(record.id) ?? null,
        spike: spikeOf(spikes.get(record.id)),
      }
    })
  }

  /**
   * A story that changed (written already), presented, remembered and announced
   * (`storyChanged`). What is announced is the newest there is of each field: this write's,
   * or a later one's that was presented first.
   */
  async announce(record: StoryRecord): Promise<PresentedStory> {
    const ticket = ++this.tickets
    const generation = this.current()
    const [story] = await this.present([record])
    const announced = this.remember(story!, generation, { whole: ticket, typed: ticket, unpublished: ticket })
    this.events.emit('storyChanged', announced)
    return { record, story: announced }
  }

  /**
   * A change of one group of fields only (the typed ones as people type, or the unpublished
   * changes), announced from the last presentation with `change` applied; the story is read
   * and presented whole only when there is none (the first change after a start, or after
   * the memory was cleared). Nothing is announced for a story that is gone.
   */
  async announcePatch(storyId: string, fields: PatchedFields, change: (story: Story) => Story): Promise<void> {
    const ticket = ++this.tickets
    const generation = this.current()
    if (!this.remembered.has(storyId)) {
      const record = await this.storage.stories.get(storyId)
      if (!record) return
      const [story] = await this.present([record])
      // Read after this change was written: the whole of it is as new as the patch.
      this.remember(story!, generation, { whole: ticket, typed: ticket, unpublished: ticket })
    }
    // The memory may have moved on while the story was read: patch the newest there is.
    const known = this.remembered.get(storyId)
    if (!known) return
    if (known[fields] > ticket) return // a later change of these fields is announced already
    const announced = this.remember(change(known.story), generation, { ...known, [fields]: ticket })
    this.events.emit('storyChanged', announced)
  }

  /** Forgets every presentation (names of sections or people may have changed). */
  private forget(): void {
    this.remembered.clear()
    this.generation++
  }

  /** The memory's generation now, cleared first if the site's address changed since it was filled. */
  private current(): number {
    const site = this.siteUrl()
    if (site !== this.site) {
      this.site = site
      this.forget()
    }
    return this.generation
  }

  /**
   * Keeps, field group by field group, the newest of what is remembered and of `story`,
   * and returns that merge. A presentation begun before the memory was cleared is
   * returned but not kept (it may hold an old name).
   */
  private remember(story: Story, generation: number, tickets: Omit<Remembered, 'story'>): Story {
    const known = this.remembered.get(story.id)
    let merged: Remembered = { story, ...tickets }
    if (known) {
      const whole = tickets.whole >= known.whole
      const base = whole ? story : known.story
      const typed = tickets.typed >= known.typed ? story : known.story
      const unpublished = tickets.unpublished >= known.unpublished ? story : known.story
      merged = {
        story: {
          ...base,
          ...Object.fromEntries(TYPED_FIELDS.map((field) => [field, typed[field]])),
          // Only a published story has unpublished changes, whichever field was newer.
          unpublishedChanges: base.status === 'published' ? unpublished.unpublishedChanges : null,
        },
        whole: Math.max(tickets.whole, known.whole),
        typed: Math.max(tickets.typed, known.typed),
        unpublished: Math.max(tickets.unpublished, known.unpublished),
      }
    }
    if (generation !== this.generation) return merged.story
    this.remembered.delete(story.id)
    this.remembered.set(story.id, merged)
    if (this.remembered.size > REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!)
    return merged.story
  }
}
