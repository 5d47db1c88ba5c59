/**
 * Whether writes are getting through, as `/healthz` reports it. A database that answers a
 * `SELECT 1` can still refuse every write (a full disk), so health also follows the writes
 * themselves: the broker's appends and the API's writes report each failure and each
 * success here. Unhealthy from a failure until the next success of that kind.
 */
export type WriteKind = 'edits' | 'requests'

export interface WriteProblem {
  kind: WriteKind
  /** When the failures began (ISO 8601). */
  since: string
  /** The last failure's reason, as storage gave it. */
  reason: string
  failures: number
}

export class StorageHealth {
  private readonly problems = new Map<WriteKind, WriteProblem>()

  constructor(private readonly now: () => Date = () => new Date()) {}

  failed(kind: WriteKind, reason: string): void {
    const known = this.problems.get(kind)
    if (known) {
      known.reason = reason
      known.failures++
    } else {
      this.problems.set(kind, { kind, since: this.now().toISOString(), reason, failures: 1 })
    }
  }

  succeeded(kind: WriteKind): void {
    this.problems.delete(kind)
  }

  /** What is failing now; empty when writes get through. */
  current(): WriteProblem[] {
    return [...this.problems.values()].map((problem) => ({ ...problem }))
  }
}

/** What a storage failure says, short and without the stack. */
export function reasonOf(error: unknown): string {
  if (error && typeof error === 'object' && 'reason' in error && typeof error.reason === 'string') return error.reason
  return error instanceof Error ? error.message : String(error)
}
