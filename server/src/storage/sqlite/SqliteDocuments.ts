/**
 * Story documents in SQLite: a snapshot per story (`story_snapshots`) and the log appended
 * since (`story_updates`), each entry numbered in its story's own sequence (1, 2, 3…).
 *
 * The sequence is what makes several writers safe: an append numbers its entries after the
 * story's last one inside its transaction, the `(story_id, seq)` key refuses a duplicate,
 * and a compaction folds exactly the entries up to the sequence number it was given, so an
 * entry written meanwhile by someone else stays in the log (SPEC.md [S17]).
 */
import type Database from 'better-sqlite3'
import type { DocumentStore, LoggedUpdate, StoredDocument, UpdateToAppend } from '../Storage.js'

export class SqliteDocuments implements DocumentStore {
  private readonly appendAll: (updates: readonly UpdateToAppend[]) => number[]
  private readonly compactTx: (storyId: string, state: Uint8Array, throughSeq: number) => boolean
  private readonly snapshotOf: Database.Statement<[string], { state: Buffer; through_seq: number }>
  private readonly logOf: Database.Statement<[string, number], { seq: number; data: Buffer }>
  private readonly clientsOf: Database.Statement<[string], { client_id: number; user_id: string }>

  constructor(private readonly db: Database.Database) {
    // One statement per entry: numbered after the story's last number (its newest log entry,
    // or what its snapshot covers once the log is folded) and inserted, the number returned.
    const insert = db
      .prepare<[{ story: string; data: Uint8Array }], number>(
        `INSERT INTO story_updates (story_id, seq, data)
         SELECT @story, max(coalesce((SELECT max(seq) FROM story_updates WHERE story_id = @story), 0),
                            coalesce((SELECT through_seq FROM story_snapshots WHERE story_id = @story), 0)) + 1, @data
         RETURNING seq`,
      )
      .pluck()
    // [S26] The first account to write with a client id keeps it: a later claim changes nothing.
    const claim = db.prepare<[string, number, string]>('INSERT OR IGNORE INTO story_clients (story_id, client_id, user_id) VALUES (?, ?, ?)')
    // Immediate: the write lock is taken before the story's last number is read, so no
    // other connection can number an entry between that read and our insert.
    this.appendAll = db.transaction((updates: readonly UpdateToAppend[]) =>
      updates.map((entry) => {
        for (const { clientId, userId } of entry.claims ?? []) claim.run(entry.storyId, clientId, userId)
        return insert.get({ story: entry.storyId, data: entry.update })!
      }),
    ).immediate
    this.clientsOf = db.prepare('SELECT client_id, user_id FROM story_clients WHERE story_id = ?')
    const storedThrough = db.prepare<[string], number>('SELECT through_seq FROM story_snapshots WHERE story_id = ?').pluck()
    const upsertSnapshot = db.prepare(
      `INSERT INTO story_snapshots (story_id, state, through_seq, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (story_id) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq,
         updated_at = excluded.updated_at`,
    )
    const deleteLog = db.prepare('DELETE FROM story_updates WHERE story_id = ? AND seq <= ?')
    this.compactTx = db.transaction((storyId: string, state: Uint8Array, throughSeq: number) => {
      // Another writer folded further already: its snapshot holds more than ours, keep it.
      if ((storedThrough.get(storyId) ?? 0) > throughSeq) return false
      upsertSnapshot.run(storyId, state, throughSeq, new Date().toISOString())
      deleteLog.run(storyId, throughSeq)
      return true
    }).immediate
    this.snapshotOf = db.prepare('SELECT state, through_seq FROM story_snapshots WHERE story_id = ?')
    this.logOf = db.prepare('SELECT seq, data FROM story_updates WHERE story_id = ? AND seq > ? ORDER BY seq')
  }

  async load(storyId: string): Promise<StoredDocument> {
    // One read transaction, so the snapshot and the log are from the same moment.
    return this.db.transaction(() => {
      const snapshot = this.snapshotOf.get(storyId)
      const throughSeq = snapshot?.through_seq ?? 0
      const rows = this.logOf.all(storyId, throughSeq)
      let bytes = snapshot?.state.length ?? 0
      for (const row of rows) bytes += row.data.length
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
        throughSeq,
        updates: rows.map((row) => new Uint8Array(row.data)),
        seqs: rows.map((row) => row.seq),
        lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : throughSeq,
        bytes,
      }
    })()
  }

  async readAfter(storyId: string, seq: number): Promise<LoggedUpdate[]> {
    return this.logOf.all(storyId, seq).map((row) => ({ seq: row.seq, update: new Uint8Array(row.data) }))
  }

  async append(updates: readonly UpdateToAppend[]): Promise<number[]> {
    if (updates.length === 0) return []
    return this.appendAll(updates)
  }

  async compact(storyId: string, state: Uint8Array, throughSeq: number): Promise<boolean> {
    return this.compactTx(storyId, state, throughSeq)
  }

  async logSize(storyId: string): Promise<{ entries: number; bytes: number }> {
    const row = this.db
      .prepare('SELECT count(*) AS entries, coalesce(sum(length(data)), 0) AS bytes FROM story_updates WHERE story_id = ?')
      .get(storyId) as { entries: number; bytes: number }
    return row
  }

  async clients(storyId: string): Promise<Map<number, string>> {
    return new Map(this.clientsOf.all(storyId).map((row) => [row.client_id, row.user_id]))
  }
}
