import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createStoryDocument, storyFragment } from '@copydesk/shared/doc'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MIGRATIONS } from './migrations.js'
import { StorageUnavailableError } from '../Storage.js'
import { SqliteStorage } from './SqliteStorage.js'

const dir = mkdtempSync(join(tmpdir(), 'copydesk-sqlite-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// The storage contract itself runs from server/test/sqliteStorage.test.ts.

describe('sqlite specifics', () => {
  it('keeps what it wrote across a reopen of the file, in WAL mode', async () => {
    const file = join(dir, 'reopen.sqlite')
    const first = new SqliteStorage({ file })
    expect(first.database.pragma('journal_mode', { simple: true })).toBe('wal')
    const doc = new Y.Doc()
    doc.getText('body').insert(0, 'durable')
    await first.stories.create(
      { id: 'story-reopen', headline: '', status: 'draft', sectionId: null, byline: [], words: 0, signs: 0, createdBy: null, createdAt: new Date().toISOString() },
      Y.encodeStateAsUpdate(doc),
    )
    await first.close()
    const second = new SqliteStorage({ file })
    const stored = await second.documents.load('story-reopen')
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, stored.snapshot!)
    expect(loaded.getText('body').toString()).toBe('durable')
    await second.close()
  })

  it('turns a full disk (SQLITE_FULL) into StorageUnavailableError, writes nothing, and works again once there is room', async () => {
    const storage = new SqliteStorage({ file: join(dir, 'full.sqlite') })
    const doc = new Y.Doc()
    await storage.stories.create(
      { id: 'story-full', headline: '', status: 'draft', sectionId: null, byline: [], words: 0, signs: 0, createdBy: null, createdAt: new Date().toISOString() },
      Y.encodeStateAsUpdate(doc),
    )
    const big = () => {
      const before = Y.encodeStateVector(doc)
      doc.getText('body').insert(0, 'x'.repeat(50_000))
      return Y.encodeStateAsUpdate(doc, before)
    }
    // No page may be added: what a full disk does.
    storage.database.pragma(`max_page_count = ${storage.database.pragma('page_count', { simple: true }) as number}`)
    const refused = storage.documents.append([{ storyId: 'story-full', update: big() }])
    await expect(refused).rejects.toBeInstanceOf(StorageUnavailableError)
    await expect(refused).rejects.toMatchObject({ reason: expect.stringMatching(/full/) })
    expect(await storage.documents.logSize('story-full')).toEqual({ entries: 0, bytes: 0 })
    storage.database.pragma('max_page_count = 1073741823')
    expect(await storage.documents.append([{ storyId: 'story-full', update: big() }])).toEqual([1])
    await storage.close()
  })

  it('refuses a database from a newer server', async () => {
    const file = join(dir, 'future.sqlite')
    const storage = new SqliteStorage({ file })
    storage.database.pragma('user_version = 999')
    await storage.close()
    expect(() => new SqliteStorage({ file })).toThrow(/newer than this server/)
  })

  it('numbers an upgraded log per story, in the order it was written, and goes on from there', async () => {
    const file = join(dir, 'sequence.sqlite')
    const old = new Database(file)
    for (const migration of MIGRATIONS.slice(0, 5)) old.exec(typeof migration === 'string' ? migration : migration.sql)
    old.pragma('user_version = 5')
    const now = new Date().toISOString()
    const docs = { a: new Y.Doc(), b: new Y.Doc() }
    const typed = (name: 'a' | 'b', text: string) => {
      const before = Y.encodeStateVector(docs[name])
      docs[name].getText('body').insert(docs[name].getText('body').length, text)
      return Y.encodeStateAsUpdate(docs[name], before)
    }
    for (const name of ['a', 'b'] as const) {
      old.prepare(`INSERT INTO stories (id, headline, status, created_at, updated_at) VALUES (?, '', 'draft', ?, ?)`).run(`story-${name}`, now, now)
    }
    const insert = old.prepare('INSERT INTO story_updates (story_id, data) VALUES (?, ?)')
    // One global counter: a 1, b 2, a 3, then a compaction of a through 3; b 4, a 5, b 6.
    insert.run('story-a', typed('a', 'Un '))
    insert.run('story-b', typed('b', 'One '))
    insert.run('story-a', typed('a', 'vent '))
    old.prepare(`INSERT INTO story_snapshots (story_id, state, through_seq, updated_at) VALUES ('story-a', ?, 3, ?)`).run(Y.encodeStateAsUpdate(docs.a), now)
    old.prepare(`DELETE FROM story_updates WHERE story_id = 'story-a' AND seq <= 3`).run()
    old.prepare(`INSERT INTO story_snapshots (story_id, state, through_seq, updated_at) VALUES ('story-b', ?, 0, ?)`).run(Y.encodeStateAsUpdate(new Y.Doc()), now)
    insert.run('story-b', typed('b', 'cold '))
    insert.run('story-a', typed('a', 'glacial'))
    insert.run('story-b', typed('b', 'wind'))
    old.close()

    const upgraded = new SqliteStorage({ file })
    const text = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }) => {
      const doc = new Y.Doc()
      for (const part of [stored.snapshot, ...stored.updates]) if (part) Y.applyUpdate(doc, part)
      return doc.getText('body').toString()
    }
    const a = await upgraded.documents.load('story-a')
    expect(a).toMatchObject({ throughSeq: 0, seqs: [1], lastSeq: 1 })
    expect(text(a)).toBe('Un vent glacial')
    const b = await upgraded.documents.load('story-b')
    expect(b).toMatchObject({ throughSeq: 0, seqs: [1, 2, 3], lastSeq: 3 })
    expect(text(b)).toBe('One cold wind')
    expect(await upgraded.documents.append([{ storyId: 'story-b', update: typed('b', '!') }, { storyId: 'story-a', update: typed('a', '.') }])).toEqual([4, 2])
    await upgraded.close()
  })

  it('makes an upgraded database searchable: the migration indexes stories from their stored snapshot and log', async () => {
    const file = join(dir, 'upgrade.sqlite')
    const old = new Database(file)
    for (const migration of MIGRATIONS.slice(0, 3)) old.exec(migration as string)
    old.pragma('user_version = 3')
    const doc = createStoryDocument({ headline: 'La Russie ouvre la porte', standfirst: [{ type: 'text', text: 'Moscou tend la main à Pyongyang.' }], body: [] })
    const snapshot = Y.encodeStateAsUpdate(doc)
    const before = Y.encodeStateVector(doc)
    // Typed after the last compaction: only in the log.
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Une poutine à Montréal.')])
    storyFragment(doc, 'body').insert(0, [paragraph])
    const logged = Y.encodeStateAsUpdate(doc, before)
    const now = new Date().toISOString()
    old
      .prepare(`INSERT INTO stories (id, headline, status, byline, tags, created_at, updated_at) VALUES ('story-upgraded', 'La Russie ouvre la porte', 'draft', ?, '["diplomatie"]', ?, ?)`)
      .run(JSON.stringify([{ userId: null, name: 'Camille Laurent', bio: '' }]), now, now)
    old.prepare(`INSERT INTO story_snapshots (story_id, state, through_seq, updated_at) VALUES ('story-upgraded', ?, 0, ?)`).run(snapshot, now)
    old.prepare(`INSERT INTO story_updates (story_id, data) VALUES ('story-upgraded', ?)`).run(logged)
    // A story whose stored state does not decode still gets its headline indexed.
    old.prepare(`INSERT INTO stories (id, headline, status, created_at, updated_at) VALUES ('story-damaged', 'Poutine abîmée', 'draft', ?, ?)`).run(now, now)
    old.prepare(`INSERT INTO story_snapshots (story_id, state, through_seq, updated_at) VALUES ('story-damaged', ?, 0, ?)`).run(new Uint8Array([255, 255, 255]), now)
    old.close()

    const upgraded = new SqliteStorage({ file })
    expect(upgraded.database.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    const found = async (text: string) => (await upgraded.stories.search({ text, limit: 10 })).map((hit) => hit.story.id).sort()
    expect(await found('pyongyang')).toEqual(['story-upgraded'])
    expect(await found('montreal')).toEqual(['story-upgraded'])
    expect(await found('diplomatie')).toEqual(['story-upgraded'])
    expect(await found('camille laurent')).toEqual(['story-upgraded'])
    expect(await found('poutine')).toEqual(['story-damaged', 'story-upgraded'])
    await upgraded.close()
  })
})
