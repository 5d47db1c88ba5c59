/**
 * The server's event spine: services change state through storage, then say what happened
 * here; transports and policies listen (the socket.io server, the broker's access policy,
 * the services that follow the story document). In-process and typed, so services never
 * touch sockets and nobody has to be wired to anybody by a setter. Not for commands: a
 * listener's failure is its own (it logs), never the announcer's.
 */
import { EventEmitter } from 'node:events'
import type * as Y from 'yjs'
import type { Story } from '@copydesk/shared/api'
import type { Logger } from './logger.js'
import type { NotificationRecord, StoryRecord } from './storage/Storage.js'

/** Some access ended: close the connections it opened. */
export interface AccessEndedEvent {
  /** Every connection of this user… */
  userId?: string
  /** …or only those opened with this credential (a browser session or an API token). */
  credential?: { kind: 'session' | 'token'; id: string }
  reason: 'disabled' | 'deleted' | 'logged-out' | 'token-revoked'
}

interface NewsroomEventMap {
  /** A story was created or changed (status, metadata, assignment, headline or length): as presented. */
  storyChanged: [story: Story]
  /** A story was published, republished or taken down: what readers get changed. */
  publicationChanged: [story: StoryRecord]
  /** A section was added, renamed, moved or deleted. */
  sectionsChanged: []
  /** An account was added or changed (its name, colour, role, or disabled). */
  usersChanged: []
  /** Who may write a story may have changed (a move, a reassignment): the story as it now is. */
  accessChanged: [story: StoryRecord]
  /** An account was disabled or deleted, a session ended, a token revoked. */
  accessEnded: [event: AccessEndedEvent]
  /** A story's document changed (the broker's throttled hook): the state to read it from. */
  documentChanged: [storyId: string, doc: Y.Doc]
  /** People came into or left a story. */
  presenceChanged: [storyId: string]
  /** Notifications were stored. */
  notified: [notifications: NotificationRecord[]]
}

export class NewsroomEvents {
  private readonly emitter = new EventEmitter()

  /** Where a listener's failure is reported; without one (tests), it is thrown on its own, after the announcer. */
  constructor(private readonly logger?: Logger) {
    // One listener per subscriber and event, but tests start many servers in one process.
    this.emitter.setMaxListeners(50)
  }

  /**
   * A listener that throws fails alone: the announcer (a service whose write is done) and
   * the other listeners go on.
   */
  on<K extends keyof NewsroomEventMap>(event: K, listener: (...args: NewsroomEventMap[K]) => void): void {
    this.emitter.on(event, (...args: unknown[]) => {
      try {
        listener(...(args as NewsroomEventMap[K]))
      } catch (error) {
        if (!this.logger) {
          queueMicrotask(() => {
            throw error
          })
          return
        }
        this.logger.error({ err: error, event }, 'a listener of a newsroom event failed')
      }
    })
  }

  emit<K extends keyof NewsroomEventMap>(event: K, ...args: NewsroomEventMap[K]): void {
    this.emitter.emit(event, ...args)
  }
}
