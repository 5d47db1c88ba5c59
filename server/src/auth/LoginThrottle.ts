/**
 * Slows down password guessing. After a few failures for one email, or many from one
 * address, further attempts are refused (429 with Retry-After) for a delay that doubles
 * with each further failure, up to 15 minutes. A success clears the email's count.
 * Kept in memory: per server instance, bounded in size, and forgotten on restart, which is
 * acceptable for a throttle (the scrypt cost still bounds guesses per second).
 */
interface Failures {
  count: number
  lockedUntil: number
  lastAt: number
}

export interface ThrottleSettings {
  /** Failures allowed per email before delays start. */
  freeFailuresPerEmail: number
  /** Failures allowed per client address before delays start. */
  freeFailuresPerAddress: number
  firstDelayMs: number
  maxDelayMs: number
  /** Failures older than this are forgotten. */
  windowMs: number
}

const DEFAULTS: ThrottleSettings = {
  freeFailuresPerEmail: 5,
  freeFailuresPerAddress: 50,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 15 * 60_000,
}

const MAX_TRACKED = 50_000

export class LoginThrottle {
  private readonly byKey = new Map<string, Failures>()
  private readonly settings: ThrottleSettings

  constructor(settings: Partial<ThrottleSettings> = {}, private readonly now: () => number = Date.now) {
    this.settings = { ...DEFAULTS, ...settings }
  }

  /** Milliseconds to wait before this attempt may be tried, or 0. */
  retryAfter(email: string, address: string): number {
    const now = this.now()
    return Math.max(this.lockedFor(`email:${email}`, now), this.lockedFor(`addr:${address}`, now))
  }

  failed(email: string, address: string): void {
    const now = this.now()
    this.record(`email:${email}`, this.settings.freeFailuresPerEmail, now)
    this.record(`addr:${address}`, this.settings.freeFailuresPerAddress, now)
  }

  succeeded(email: string): void {
    this.byKey.delete(`email:${email}`)
  }

  private lockedFor(key: string, now: number): number {
    const entry = this.byKey.get(key)
    if (!entry) return 0
    if (now - entry.lastAt > this.settings.windowMs && now >= entry.lockedUntil) {
      this.byKey.delete(key)
      return 0
    }
    return Math.max(0, entry.lockedUntil - now)
  }

  private record(key: string, free: number, now: number): void {
    let entry = this.byKey.get(key)
    if (entry && now - entry.lastAt > this.settings.windowMs && now >= entry.lockedUntil) entry = undefined
    if (!entry) {
      if (this.byKey.size >= MAX_TRACKED) this.byKey.delete(this.byKey.keys().next().value!)
      entry = { count: 0, lockedUntil: 0, lastAt: now }
    }
    this.byKey.delete(key)
    entry.count++
    entry.lastAt = now
    if (entry.count >= free) {
      const delay = Math.min(this.settings.firstDelayMs * 2 ** (entry.count - free), this.settings.maxDelayMs)
      entry.lockedUntil = now + delay
    }
    this.byKey.set(key, entry)
  }
}
