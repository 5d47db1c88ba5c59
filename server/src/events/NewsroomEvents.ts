/**
 * What happens in the newsroom, as it happens: the services say a story changed, who is in
 * a story, who was notified; the socket.io server (`socketServer.ts`) turns that into
 * events for the right rooms. In-process, so the services never touch sockets.
 */
import { EventEmitter } from 'node:events'
import type { NotificationRecord } from '../storage/Storage.js'

interface NewsroomEventMap {
  /** A story was created or changed (status, metadata, assignment, headline or length). */
  storyChanged: [storyId: string]
  /** People came into or left a story. */
  presenceChanged: [storyId: string]
  /** Notifications were stored. */
  notified: [notifications: NotificationRecord[]]
}

export class NewsroomEvents {
  private readonly emitter = new EventEmitter()

  on<K extends keyof NewsroomEventMap>(event: K, listener: (...args: NewsroomEventMap[K]) => void): void {
    this.emitter.on(event, listener as (...args: unknown[]) => void)
  }

  emit<K extends keyof NewsroomEventMap>(event: K, ...args: NewsroomEventMap[K]): void {
    this.emitter.emit(event, ...args)
  }
}
