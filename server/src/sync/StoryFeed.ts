/**
 * One loaded story's link to the other instances through the `Fanout` (SPEC.md [S21]–[S24]):
 * it publishes what the room committed, and hands the room what the others committed.
 *
 * It is opened before the story is read from storage [S24]: an entry another instance
 * commits while the read runs is either in what the read returns or in a message that
 * arrives after the subscription, never in neither. Messages wait here until the room
 * exists (it drops the entries its load already held). Messages from this very instance
 * are dropped here [S23], whatever the bus does.
 *
 * Not the room's logic: what a message does to the document is `Room`'s.
 */
import type { LoggedUpdate } from '../storage/Storage.js'
import type { Fanout, FanoutListener, FanoutMessage } from './Fanout.js'

export class StoryFeed {
  private waiting: FanoutMessage[] = []
  private listener: FanoutListener | null = null
  private unsubscribe: (() => void) | null = null
  private closed = false

  private constructor(
    private readonly fanout: Fanout,
    readonly storyId: string,
  ) {}

  /** Subscribes to the story; resolves once the bus confirms (before the story is read). */
  static async open(fanout: Fanout, storyId: string): Promise<StoryFeed> {
    const feed = new StoryFeed(fanout, storyId)
    feed.unsubscribe = await fanout.subscribe(storyId, (message) => feed.receive(message))
    return feed
  }

  /** [S21] Tells the other instances that these entries are in the story's log. */
  publish(entries: readonly LoggedUpdate[]): void {
    if (this.closed || entries.length === 0) return
    this.fanout.publish(this.storyId, entries)
  }

  /** Hands the messages that waited, then each one as it comes, to the room. */
  attach(listener: FanoutListener): void {
    if (this.closed) return
    this.listener = listener
    const waiting = this.waiting
    this.waiting = []
    for (const message of waiting) listener(message)
  }

  /** The story unloads: stop listening. */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.waiting = []
    this.listener = null
    this.unsubscribe?.()
  }

  private receive(message: FanoutMessage): void {
    // [S23] Our own entries are already in the document, and were sent on when they committed.
    if (this.closed || message.from === this.fanout.instanceId || message.storyId !== this.storyId) return
    if (this.listener) this.listener(message)
    else this.waiting.push(message)
  }
}
