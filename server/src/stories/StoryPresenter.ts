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

/** Who spiked a story and from what, as the transition table needs it (`spikedOwnDraft`). */
function spikeOf(event: StoryEventRecord | undefined): Story['spike'] {
  return event?.fromStatus ? { by: event.actorId, from: event.fromStatus } : null
}

export class StoryPresenter {
  private readonly remembered = new Map<string, Story>()

  constructor(
    private readonly storage: Storage,
    private readonly events: NewsroomEvents,
    /** The public site's address, for `publicUrl` (known once the server listens). */
    private readonly siteUrl: () => string,
  ) {
    events.on('sectionsChanged', () => this.remembered.clear())
    events.on('usersChanged', () => this.remembered.clear())
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

  /** A story that changed, presented, remembered and announced (`storyChanged`). */
  async announce(record: StoryRecord): Promise<PresentedStory> {
    const [story] = await this.present([record])
    const announced = this.remember(story!)
    this.events.emit('storyChanged', announced)
    return { record, story: announced }
  }

  /**
   * A change of some fields only, announced from the last presentation with `change` applied;
   * the story is read and presented whole only when there is none (the first change after a
   * start, or after the memory was cleared). Nothing is announced for a story that is gone.
   */
  async announcePatch(storyId: string, change: (story: Story) => Story): Promise<void> {
    let story = this.remembered.get(storyId)
    if (!story) {
      const record = await this.storage.stories.get(storyId)
      if (!record) return
      ;[story] = await this.present([record])
    }
    // The memory may have moved on while the story was read: patch the newest there is.
    const announced = this.remember(change(this.remembered.get(storyId) ?? story!))
    this.events.emit('storyChanged', announced)
  }

  /**
   * Keeps the newest presentation. A whole presentation read before a patch landed but
   * finished after it must not take the patch back: the typed fields (headline, length)
   * stay those of the later `updatedAt`.
   */
  private remember(story: Story): Story {
    const known = this.remembered.get(story.id)
    const kept = known && known.updatedAt > story.updatedAt ? { ...story, headline: known.headline, length: known.length, updatedAt: known.updatedAt } : story
    this.remembered.delete(story.id)
    this.remembered.set(story.id, kept)
    if (this.remembered.size > REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!)
    return kept
  }
}
