/**
 * The port through which the instances of the server that serve the same stories tell each
 * other what they committed (SPEC.md [S21]–[S25]): a room publishes the entries its appends
 * got back from the store, and the rooms of that story on the other instances apply them
 * and send them to their own connections. `LocalFanout` is the in-process implementation
 * (several instances in one process: tests); a network bus (Redis) plugs in here.
 *
 * Not a store, and not the truth: the story's log is. A message says "these entries are in
 * the log now"; a lost one is noticed by the sequence numbers and read from the log [S25].
 * So an implementation may drop messages; it must keep one sender's messages in order and
 * should not deliver a sender's own messages back (rooms ignore them anyway [S23]).
 */
import type { LoggedUpdate } from '../storage/Storage.js'

export interface FanoutMessage {
  /** The instance whose room committed the entries. */
  from: string
  storyId: string
  /** Committed entries, in order, each with the number the store gave it in the story's sequence. */
  entries: readonly LoggedUpdate[]
}

export type FanoutListener = (message: FanoutMessage) => void

/** One instance's end of the bus. */
export interface Fanout {
  /** Who this instance is on the bus (stamped on what it publishes). */
  readonly instanceId: string
  /** Sends committed entries of a story to the other instances. Fire and forget: should not throw (a room logs it if it does). */
  publish(storyId: string, entries: readonly LoggedUpdate[]): void
  /**
   * Listens to a story's messages from the other instances. Resolves once every message
   * published from then on reaches `listener` (a network bus confirms its subscription),
   * with the function that stops listening.
   */
  subscribe(storyId: string, listener: FanoutListener): Promise<() => void>
}
