/**
 * Waiting for SQLite's write lock without blocking the event loop.
 *
 * better-sqlite3 is synchronous: with a `busy_timeout`, a write that finds the lock held by
 * another process (a backup, a `sqlite3` shell, a second server on the same file) sleeps
 * inside SQLite, and the whole server (health checks, reads, every open story) stops with
 * it, for up to the timeout. So the connection runs with `busy_timeout = 0` and every store
 * call goes through `patient()`: a call that fails with SQLITE_BUSY is tried again after an
 * asynchronous pause (2 ms doubling to 100 ms) until `budgetMs` has passed; meanwhile the
 * event loop serves everyone else. Reads never wait for a writer in WAL mode.
 *
 * Retrying a whole store call is safe because each store method is one transaction (or
 * one statement): a failed attempt has written nothing. Keep it so when adding methods.
 *
 * Failures that mean storage cannot take writes now (busy past the budget, disk full, I/O
 * error, read-only file) become `StorageUnavailableError`; everything else is rethrown as is.
 */
import Database from 'better-sqlite3'
import { StorageUnavailableError } from '../Storage.js'

export interface PatiencePolicy {
  /** How long a call may wait for the lock in all, before it fails as unavailable. */
  budgetMs: number
  firstDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_PATIENCE: PatiencePolicy = { budgetMs: 5000, firstDelayMs: 2, maxDelayMs: 100 }

const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY|PROTOCOL|NOLFS|NOMEM)/

function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(error.code)
}

function asUnavailable(error: unknown): unknown {
  if (error instanceof Database.SqliteError && UNAVAILABLE.test(error.code)) {
    const reason = isBusy(error) ? 'the database is locked by another process' : error.message
    return new StorageUnavailableError(reason, { cause: error })
  }
  return error
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Runs `call`, trying again while the database is busy, without blocking the event loop. */
export async function patiently<T>(call: () => T | Promise<T>, policy: PatiencePolicy): Promise<T> {
  const started = Date.now()
  let delay = policy.firstDelayMs
  for (;;) {
    try {
      return await call()
    } catch (error) {
      if (!isBusy(error) || Date.now() - started + delay > policy.budgetMs) throw asUnavailable(error)
      await pause(delay)
      delay = Math.min(delay * 2, policy.maxDelayMs)
    }
  }
}

/** The store, with every method call made `patiently`. */
export function patient<T extends object>(store: T, policy: PatiencePolicy): T {
  // Keyed by the function, not the name: a method replaced later (a test's spy) gets its own.
  const wrapped = new WeakMap<object, unknown>()
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof value !== 'function') return value
      let method = wrapped.get(value)
      if (!method) {
        const original = value as (...args: unknown[]) => unknown
        method = (...args: unknown[]) => patiently(() => original.apply(target, args), policy)
        wrapped.set(value, method)
      }
      return method
    },
  })
}
