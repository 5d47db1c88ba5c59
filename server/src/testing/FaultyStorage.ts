/**
 * Any storage, failing on demand: tests make a store method reject with the error a
 * backend would give (a full disk: `diskFull()`) and then work again, to check what the
 * broker and the API do about it. Wrapping the `Storage` interface rather than reaching
 * into a SQLite handle keeps those tests true for every backend; how a real SQLite error
 * becomes a `StorageUnavailableError` is tested once, in `storage/sqlite/`.
 *
 * A failing call reaches nothing: the wrapped store is not called, so nothing is written.
 * It also counts the calls of each method, for tests of what the server reads when.
 */
import {
  StorageUnavailableError,
  type DocumentStore,
  type NotificationStore,
  type PublishedStore,
  type SectionStore,
  type SessionStore,
  type Storage,
  type StoryStore,
  type TokenStore,
  type UserStore,
} from '../storage/Storage.js'

type StoreName = 'documents' | 'users' | 'sessions' | 'tokens' | 'sections' | 'stories' | 'notifications' | 'published'
type MethodOf<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T] & string

/** A store method by name (`'documents.append'`), or `'ping'`. */
export type StorageMethod = { [S in StoreName]: `${S}.${MethodOf<Storage[S]>}` }[StoreName] | 'ping'

/** What SQLite says when the disk is full, as storage reports it. */
export function diskFull(): StorageUnavailableError {
  return new StorageUnavailableError('database or disk is full')
}

interface Fault {
  error: unknown
  /** Calls left to fail (Infinity: until healed). */
  remaining: number
}

export class FaultyStorage implements Storage {
  readonly kind: string
  readonly documents: DocumentStore
  readonly users: UserStore
  readonly sessions: SessionStore
  readonly tokens: TokenStore
  readonly sections: SectionStore
  readonly stories: StoryStore
  readonly notifications: NotificationStore
  readonly published: PublishedStore
  private readonly faults = new Map<StorageMethod, Fault>()
  private readonly refusals = new Map<StorageMethod, number>()
  private readonly counts = new Map<StorageMethod, number>()

  constructor(readonly inner: Storage) {
    this.kind = inner.kind
    this.documents = this.wrap('documents')
    this.users = this.wrap('users')
    this.sessions = this.wrap('sessions')
    this.tokens = this.wrap('tokens')
    this.sections = this.wrap('sections')
    this.stories = this.wrap('stories')
    this.notifications = this.wrap('notifications')
    this.published = this.wrap('published')
  }

  /** From now on these methods reject with `error`: every call, or the next `times` calls. */
  fail(methods: StorageMethod | readonly StorageMethod[], error: unknown, options: { times?: number } = {}): void {
    for (const method of typeof methods === 'string' ? [methods] : methods) this.faults.set(method, { error, remaining: options.times ?? Infinity })
  }

  /** These methods (all, without an argument) work again. */
  heal(...methods: StorageMethod[]): void {
    if (methods.length === 0) this.faults.clear()
    for (const method of methods) this.faults.delete(method)
  }

  /** How many calls of a method have been refused so far. */
  refused(method: StorageMethod): number {
    return this.refusals.get(method) ?? 0
  }

  async ping(): Promise<void> {
    this.check('ping')
    await this.inner.ping()
  }

  close(): Promise<void> {
    return this.inner.close()
  }

  /** How many calls of a method have been made so far (refused ones included). */
  calls(method: StorageMethod): number {
    return this.counts.get(method) ?? 0
  }

  /** Counts the call, and throws the fault set for this method, if any. */
  private check(method: StorageMethod): void {
    this.counts.set(method, this.calls(method) + 1)
    const fault = this.faults.get(method)
    if (!fault) return
    if (--fault.remaining <= 0) this.faults.delete(method)
    this.refusals.set(method, this.refused(method) + 1)
    throw fault.error
  }

  /**
   * The store, each method checked first. The wrapped store's method is looked up at each
   * call, so a spy set on it later still sees the calls that get through.
   */
  private wrap<S extends StoreName>(name: S): Storage[S] {
    const store = this.inner[name]
    return new Proxy(store, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver)
        if (typeof value !== 'function' || typeof property !== 'string') return value
        const method = `${name}.${property}` as StorageMethod
        return (...args: unknown[]) => {
          try {
            this.check(method)
          } catch (error) {
            return Promise.reject(error)
          }
          return (Reflect.get(target, property) as (...args: unknown[]) => unknown).apply(target, args)
        }
      },
    })
  }
}
