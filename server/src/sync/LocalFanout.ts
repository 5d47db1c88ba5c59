/**
 * An in-process bus for `Fanout` (SPEC.md [S21]–[S25]): several `Rooms` in one process,
 * each an "instance" with its own end (`instance(id)`), share one hub. It behaves as a
 * network bus would where that matters to the rooms: delivery is asynchronous (never
 * inside `publish`, so a room is never re-entered from its own commit), bytes are copied
 * (no receiver shares a sender's buffer), one sender's messages arrive in order, and a
 * message never comes back to the instance that sent it.
 *
 * Not for production across processes (nothing leaves the process), and no persistence:
 * a message published to a story nobody listens to is gone, as on Redis pub/sub.
 */
import { randomUUID } from 'node:crypto'
import type { Fanout, FanoutListener, FanoutMessage } from './Fanout.js'

interface Subscriber {
  instanceId: string
  listener: FanoutListener
}

export class LocalFanout {
  private readonly subscribers = new Map<string, Set<Subscriber>>()

  /** One instance's end of the hub. */
  instance(instanceId: string = randomUUID()): Fanout {
    return {
      instanceId,
      publish: (storyId, entries) => this.publish({ from: instanceId, storyId, entries }),
      subscribe: (storyId, listener) => Promise.resolve(this.subscribe(storyId, { instanceId, listener })),
    }
  }

  /** Instances listening to a story now (for tests of subscribe and unsubscribe). */
  listeners(storyId: string): number {
    return this.subscribers.get(storyId)?.size ?? 0
  }

  private publish(message: FanoutMessage): void {
    const copy: FanoutMessage = { ...message, entries: message.entries.map((entry) => ({ ...entry, update: entry.update.slice() })) }
    // Who listens is decided now, as a bus routes a message when it is published; the
    // listener is asked again at delivery, so one that stopped meanwhile hears nothing.
    for (const subscriber of this.subscribers.get(message.storyId) ?? []) {
      if (subscriber.instanceId === message.from) continue
      setImmediate(() => {
        if (this.subscribers.get(message.storyId)?.has(subscriber)) subscriber.listener(copy)
      })
    }
  }

  private subscribe(storyId: string, subscriber: Subscriber): () => void {
    let set = this.subscribers.get(storyId)
    if (!set) this.subscribers.set(storyId, (set = new Set()))
    set.add(subscriber)
    return () => {
      set.delete(subscriber)
      if (set.size === 0 && this.subscribers.get(storyId) === set) this.subscribers.delete(storyId)
    }
  }
}
