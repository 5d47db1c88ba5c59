/**
 * "Unpublished changes": keeps, for every published story, how its working copy compares
 * with the version readers get. Run where the derived fields are (after each burst of
 * typing, throttled by the broker) and after each publication, then announced as a story
 * change, so the story page and the board show it live and drop it on republication.
 *
 * What it stores per story: the fingerprint of the working copy, the fingerprint of the
 * version it was compared with and that version's number, and the words added and removed
 * (see `workingCopy.ts`). The story differs while the two fingerprints differ and the
 * version compared is still the latest (see `PublishedStore.unpublishedChanges`).
 *
 * Comparisons of one story run one after the other, so one that read the previous version
 * can never land after the one a publication started.
 */
import { readStoryContent } from '@copydesk/shared/doc'
import * as Y from 'yjs'
import type { NewsroomEvents } from '../NewsroomEvents.js'
import type { Logger } from '../logger.js'
import type { Storage } from '../storage/Storage.js'
import type { StoryPresenter } from '../stories/StoryPresenter.js'
import { parseContent } from './content.js'
import { contentFingerprint, contentWords, wordChanges } from './workingCopy.js'

interface LiveVersion {
  version: number
  fingerprint: string
  words: Map<string, number>
}

/** Stories whose live version is kept in memory (the words of each), the least recent dropped first. */
const CACHE_SIZE = 2000

export class WorkingCopies {
  /** The live version of each story, or null for one never published. */
  private readonly live = new Map<string, LiveVersion | null>()
  /** What was last written per story, to skip writes (and announcements) that change nothing. */
  private readonly written = new Map<string, string>()
  private readonly queue = new Map<string, Promise<void>>()

  constructor(
    private readonly storage: Storage,
    events: NewsroomEvents,
    /** Announces the story with its new unpublished changes. */
    private readonly presenter: StoryPresenter,
    /** A story document's current state, encoded (see `Rooms.documentState`). */
    private readonly documentState: (storyId: string) => Promise<Uint8Array>,
    private readonly logger: Logger,
  ) {
    events.on('documentChanged', (storyId, doc) => {
      this.documentChanged(storyId, doc).catch((error: unknown) => logger.error({ err: error, storyId }, 'comparing the working copy failed'))
    })
    events.on('publicationChanged', (story) => this.published(story.id))
  }

  /** The document changed (the broker's throttled hook). */
  documentChanged(storyId: string, doc: Y.Doc): Promise<void> {
    return this.enqueue(storyId, async () => {
      const live = await this.liveVersion(storyId)
      // Never published: nothing to compare with, and no schema pass for it.
      if (!live) return
      // Read when the turn comes: the document as it is then, the newest there is.
      await this.record(storyId, live, readStoryContent(doc))
    })
  }

  /** A publication changed (published, republished, taken down): compare again with what is live now. */
  published(storyId: string): void {
    this.live.delete(storyId)
    this.enqueue(storyId, async () => {
      const live = await this.liveVersion(storyId)
      if (!live) return
      const doc = new Y.Doc()
      try {
        Y.applyUpdate(doc, await this.documentState(storyId))
        await this.record(storyId, live, readStoryContent(doc))
      } finally {
        doc.destroy()
      }
    }).catch((error: unknown) => this.logger.error({ err: error, storyId }, 'comparing the working copy failed'))
  }

  private enqueue(storyId: string, task: () => Promise<void>): Promise<void> {
    const run = (this.queue.get(storyId) ?? Promise.resolve()).catch(() => undefined).then(task)
    this.queue.set(storyId, run)
    void run
      .finally(() => {
        if (this.queue.get(storyId) === run) this.queue.delete(storyId)
      })
      .catch(() => undefined)
    return run
  }

  private async liveVersion(storyId: string): Promise<LiveVersion | null> {
    if (this.live.has(storyId)) {
      const cached = this.live.get(storyId)!
      this.live.delete(storyId)
      this.live.set(storyId, cached)
      return cached
    }
    const latest = await this.storage.published.latest(storyId)
    const content = latest ? parseContent(latest.content) : null
    const live = latest && content ? { version: latest.version, fingerprint: contentFingerprint(content), words: contentWords(content) } : null
    this.live.set(storyId, live)
    if (this.live.size > CACHE_SIZE) this.live.delete(this.live.keys().next().value!)
    return live
  }

  private async record(storyId: string, live: LiveVersion, content: ReturnType<typeof readStoryContent>): Promise<void> {
    const fingerprint = contentFingerprint(content)
    const { wordsAdded, wordsRemoved } = fingerprint === live.fingerprint ? { wordsAdded: 0, wordsRemoved: 0 } : wordChanges(live.words, contentWords(content))
    const key = `${fingerprint}:${live.version}:${live.fingerprint}:${wordsAdded}:${wordsRemoved}`
    if (this.written.get(storyId) === key) return
    await this.storage.published.saveWorkingCopy(storyId, {
      contentHash: fingerprint,
      comparedVersion: live.version,
      liveHash: live.fingerprint,
      wordsAdded,
      wordsRemoved,
      at: new Date().toISOString(),
    })
    this.written.delete(storyId)
    this.written.set(storyId, key)
    if (this.written.size > CACHE_SIZE * 5) this.written.delete(this.written.keys().next().value!)
    const changes = fingerprint === live.fingerprint ? null : { sinceVersion: live.version, wordsAdded, wordsRemoved }
    await this.presenter.announcePatch(storyId, 'unpublished', (story) => ({ ...story, unpublishedChanges: story.status === 'published' ? changes : null }))
  }
}
