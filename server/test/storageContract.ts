/**
 * The storage contract: what every backend must do, as one suite each backend runs
 * (`storageContractSuite('sqlite', () => new SqliteStorage(…))`). The broker and the API
 * rely on exactly these behaviours. Outside `src` because it imports vitest: the server's
 * build never ships it. The document sequence, the workflow's stores and the races have
 * files of their own beside this one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createStoryDocument, type DocNode } from '@copydesk/shared/doc'
import * as Y from 'yjs'
import { ConflictError, type Storage, type StoryHit } from '../src/storage/Storage.js'
import { story, textOf, update, user } from './contractFixtures.js'
import { documentClientsContract } from './documentClientsContract.js'
import { documentSequenceContract } from './documentSequenceContract.js'
import { racesContract } from './racesContract.js'
import { workflowStoresContract } from './workflowStoresContract.js'

function paragraphs(...texts: string[]): DocNode[] {
  return texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
}

/** A story's first document state, as the server builds it. */
function articleState(headline: string, standfirst: string, ...body: string[]): Uint8Array {
  const doc = createStoryDocument({ headline, standfirst: standfirst ? [{ type: 'text', text: standfirst }] : [], body: paragraphs(...body.filter(Boolean)) })
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}

const ids = (hits: StoryHit[]) => hits.map((hit) => hit.story.id)

/** A passage as text, the matched words in [brackets]. */
const marked = (hit: StoryHit | undefined) => hit?.match?.passage.map((part) => (part.match ? `[${part.text}]` : part.text)).join('') ?? null

export function storageContractSuite(name: string, open: () => Promise<Storage> | Storage): void {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage
    beforeEach(async () => {
      storage = await open()
    })
    afterEach(async () => {
      await storage.close()
    })

    describe('documents', () => {
      it('creates a story with its first state, and loads it back', async () => {
        const first = new Y.Doc()
        first.getText('body').insert(0, 'Un vent glacial')
        const record = await storage.stories.create(story(), Y.encodeStateAsUpdate(first))
        const stored = await storage.documents.load(record.id)
        expect(textOf([stored.snapshot, ...stored.updates])).toBe('Un vent glacial')
        expect(stored.updates).toHaveLength(0)
      })

      it('appends in order, returns increasing sequence numbers, and loads snapshot + log', async () => {
        const { id } = await storage.stories.create(story(), Y.encodeStateAsUpdate(new Y.Doc()))
        const doc = new Y.Doc()
        const seqs = await storage.documents.append([
          { storyId: id, update: update('souffle ', doc) },
          { storyId: id, update: update('sur les ', doc) },
        ])
        const more = await storage.documents.append([{ storyId: id, update: update('relations', doc) }])
        expect(seqs[0]).toBeLessThan(seqs[1]!)
        expect(seqs[1]).toBeLessThan(more[0]!)
        const stored = await storage.documents.load(id)
        expect(stored.updates).toHaveLength(3)
        expect(stored.lastSeq).toBe(more[0])
        expect(textOf([stored.snapshot, ...stored.updates])).toBe('souffle sur les relations')
        expect(await storage.documents.logSize(id)).toEqual({ entries: 3, bytes: stored.updates.reduce((n, u) => n + u.length, 0) })
      })

      it('appends a batch across stories atomically: all or nothing', async () => {
        const a = await storage.stories.create(story(), Y.encodeStateAsUpdate(new Y.Doc()))
        await expect(
          storage.documents.append([
            { storyId: a.id, update: update('kept?') },
            { storyId: 'no-such-story', update: update('orphan') },
          ]),
        ).rejects.toThrow()
        expect((await storage.documents.load(a.id)).updates).toHaveLength(0)
      })

      it('compacts: the snapshot replaces the log up to a sequence number, later entries stay', async () => {
        const { id } = await storage.stories.create(story(), Y.encodeStateAsUpdate(new Y.Doc()))
        const doc = new Y.Doc()
        const [, second] = await storage.documents.append([
          { storyId: id, update: update('a', doc) },
          { storyId: id, update: update('b', doc) },
        ])
        const snapshot = Y.encodeStateAsUpdate(doc)
        const [third] = await storage.documents.append([{ storyId: id, update: update('c', doc) }])
        await storage.documents.compact(id, snapshot, second!)
        const stored = await storage.documents.load(id)
        expect(stored.updates).toHaveLength(1)
        expect(stored.lastSeq).toBe(third)
        expect(textOf([stored.snapshot, ...stored.updates])).toBe('abc')
      })

      it('loads an unknown story as empty', async () => {
        expect(await storage.documents.load('nothing-here')).toEqual({ snapshot: null, throughSeq: 0, updates: [], seqs: [], lastSeq: 0, bytes: 0 })
      })

      documentSequenceContract(() => storage)
      documentClientsContract(() => storage)
    })

    describe('users, sessions and tokens', () => {
      it('creates users with unique emails, case-insensitively', async () => {
        await storage.users.create(user({ email: 'camille@copydesk.test' }))
        await expect(storage.users.create(user({ email: 'Camille@Copydesk.test' }))).rejects.toBeInstanceOf(ConflictError)
        expect((await storage.users.getByEmail('CAMILLE@copydesk.test'))?.displayName).toBe('Camille Laurent')
      })

      it('updates and deletes users; deleting ends their sessions and tokens', async () => {
        const created = await storage.users.create(user())
        const updated = await storage.users.update(created.id, { disabled: true, role: 'editor', displayName: 'Inès Moreau' })
        expect(updated).toMatchObject({ disabled: true, role: 'editor', displayName: 'Inès Moreau' })
        await storage.sessions.create({ tokenHash: 'h1', userId: created.id, createdAt: '2026-01-01T00:00:00Z', expiresAt: '2099-01-01T00:00:00Z' })
        await storage.tokens.create({ id: 't1', tokenHash: 'th1', userId: created.id, name: 'wire', scope: 'read', createdAt: '2026-01-01T00:00:00Z' })
        expect(await storage.users.delete(created.id)).toBe(true)
        expect(await storage.sessions.get('h1')).toBeNull()
        expect(await storage.tokens.getByHash('th1')).toBeNull()
        expect(await storage.users.delete(created.id)).toBe(false)
      })

      it("keeps each person's interface language: none at first, set, changed, back to the default", async () => {
        const created = await storage.users.create(user())
        expect(created.language).toBeNull()
        expect((await storage.users.get(created.id))?.language).toBeNull()
        expect((await storage.users.update(created.id, { language: 'fr' }))?.language).toBe('fr')
        // Other changes leave it alone; only an explicit null clears it.
        expect((await storage.users.update(created.id, { displayName: 'Inès Moreau' }))?.language).toBe('fr')
        expect((await storage.users.getByEmail(created.email))?.language).toBe('fr')
        expect((await storage.users.update(created.id, { language: 'en' }))?.language).toBe('en')
        expect((await storage.users.list()).find((listed) => listed.id === created.id)?.language).toBe('en')
        expect((await storage.users.update(created.id, { language: null }))?.language).toBeNull()
        expect((await storage.users.get(created.id))?.language).toBeNull()
        const chosen = await storage.users.create(user({ language: 'en' }))
        expect((await storage.users.get(chosen.id))?.language).toBe('en')
      })

      it('keeps sessions until deleted or expired', async () => {
        const created = await storage.users.create(user())
        await storage.sessions.create({ tokenHash: 'old', userId: created.id, createdAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-02T00:00:00Z' })
        await storage.sessions.create({ tokenHash: 'new', userId: created.id, createdAt: '2026-01-01T00:00:00Z', expiresAt: '2099-01-01T00:00:00Z' })
        expect(await storage.sessions.deleteExpired('2026-06-01T00:00:00Z')).toBe(1)
        expect(await storage.sessions.get('new')).toMatchObject({ userId: created.id })
        await storage.sessions.deleteForUser(created.id)
        expect(await storage.sessions.get('new')).toBeNull()
      })

      it('stores API tokens by hash with their scope', async () => {
        const created = await storage.users.create(user())
        await storage.tokens.create({ id: 't2', tokenHash: 'hash-2', userId: created.id, name: 'archive bot', scope: 'read', createdAt: '2026-01-01T00:00:00Z' })
        expect(await storage.tokens.getByHash('hash-2')).toMatchObject({ id: 't2', scope: 'read', userId: created.id })
        expect((await storage.tokens.list()).map((t) => t.id)).toContain('t2')
        expect(await storage.tokens.delete('t2')).toBe(true)
        expect(await storage.tokens.getByHash('hash-2')).toBeNull()
      })
    })

    describe('stories and sections', () => {
      it('lists stories newest first and finds them by headline, ignoring case and accents', async () => {
        await storage.sections.upsert({ id: 'international', name: 'International', parentId: null, position: 0 })
        const older = await storage.stories.create(story({ headline: 'Élections en Corée', sectionId: 'international' }), new Uint8Array([0, 0]))
        await storage.stories.create(story({ headline: 'Le prix du blé' }), new Uint8Array([0, 0]))
        await storage.stories.updateDerived(older.id, { headline: 'Élections en Corée du Sud', words: 5, signs: 25, standfirst: '', body: '' }, '2099-01-01T00:00:00.000Z')
        const all = await storage.stories.list({ limit: 10 })
        expect(all[0]?.id).toBe(older.id)
        expect(all[0]).toMatchObject({ headline: 'Élections en Corée du Sud', words: 5, signs: 25, sectionId: 'international' })
        expect((await storage.stories.list({ text: 'elections coree', limit: 10 })).map((s) => s.id)).toEqual([older.id])
        expect((await storage.stories.list({ text: 'ELECTIONS EN COREE', limit: 10 })).map((s) => s.id)).toEqual([older.id])
        expect(await storage.stories.list({ text: '100%_', limit: 10 })).toEqual([])
        expect(await storage.stories.count()).toBe(2)
        expect(await storage.stories.exists(older.id)).toBe(true)
      })

      it("finds each story's latest workflow note in one call", async () => {
        const first = await storage.stories.create(story({ status: 'submitted' }), new Uint8Array([0, 0]))
        const second = await storage.stories.create(story({ status: 'submitted' }), new Uint8Array([0, 0]))
        const step = (from: 'submitted' | 'draft', to: 'submitted' | 'draft', note: string | null, at: string) => ({
          from,
          to,
          publishAt: null,
          event: { at, actorId: null, kind: 'transition' as const, fromStatus: from, toStatus: to, note, detail: null },
          notifications: [],
        })
        await storage.stories.transition(first.id, step('submitted', 'draft', 'Premier renvoi', '2026-01-01T10:00:00.000Z'))
        await storage.stories.transition(first.id, step('draft', 'submitted', null, '2026-01-01T11:00:00.000Z'))
        await storage.stories.transition(first.id, step('submitted', 'draft', 'Second renvoi', '2026-01-01T12:00:00.000Z'))
        const notes = await storage.stories.lastNotes([first.id, second.id, 'no-such-story'])
        expect([...notes.keys()]).toEqual([first.id])
        expect(notes.get(first.id)).toMatchObject({ note: 'Second renvoi', fromStatus: 'submitted', toStatus: 'draft' })
        expect((await storage.stories.lastNotes([])).size).toBe(0)
      })

      it("finds each story's latest spike in one call: who, and from what", async () => {
        const owner = await storage.users.create({ id: 'u-spike', email: 'spike@copydesk.test', displayName: 'Spike', role: 'reporter', passwordHash: 'x', bio: '', color: '#000000' })
        const first = await storage.stories.create(story(), new Uint8Array([0, 0]))
        const never = await storage.stories.create(story(), new Uint8Array([0, 0]))
        const step = (from: 'draft' | 'spiked' | 'submitted', to: 'draft' | 'spiked' | 'submitted', actorId: string | null, at: string) => ({
          from,
          to,
          publishAt: null,
          event: { at, actorId, kind: 'transition' as const, fromStatus: from, toStatus: to, note: null, detail: null },
          notifications: [],
        })
        await storage.stories.transition(first.id, step('draft', 'spiked', owner.id, '2026-01-01T10:00:00.000Z'))
        await storage.stories.transition(first.id, step('spiked', 'draft', null, '2026-01-01T11:00:00.000Z'))
        await storage.stories.transition(first.id, step('draft', 'submitted', owner.id, '2026-01-01T12:00:00.000Z'))
        await storage.stories.transition(first.id, step('submitted', 'spiked', null, '2026-01-01T13:00:00.000Z'))
        const spikes = await storage.stories.lastSpikes([first.id, never.id, 'no-such-story'])
        expect([...spikes.keys()]).toEqual([first.id])
        expect(spikes.get(first.id)).toMatchObject({ actorId: null, fromStatus: 'submitted', toStatus: 'spiked' })
        expect((await storage.stories.lastSpikes([])).size).toBe(0)
      })

      it('refuses a second story with the same id', async () => {
        const first = story()
        await storage.stories.create(first, new Uint8Array([0, 0]))
        await expect(storage.stories.create(first, new Uint8Array([0, 0]))).rejects.toBeInstanceOf(ConflictError)
      })

      it('answers a ping', async () => {
        await expect(storage.ping()).resolves.toBeUndefined()
      })
    })

    describe('search', () => {
      const korea = () =>
        storage.stories.create(
          story({ headline: 'La Russie ouvre la porte', tags: ['Corée du Nord', 'diplomatie'], byline: [{ userId: null, name: 'Camille Laurent', bio: 'Correspondante à Montréal' }] }),
          articleState('La Russie ouvre la porte', 'Moscou tend la main à Pyongyang.', 'Un vent glacial souffle sur les relations.', 'À Montréal, on mange une poutine en regardant les nouvelles.'),
        )

      it('finds a story by its standfirst, body, tags and bylines, ignoring case and accents, words in any order', async () => {
        const created = await korea()
        await storage.stories.create(story({ headline: 'Le prix du blé' }), articleState('Le prix du blé', 'Les marchés hésitent.', 'Rien à voir.'))
        for (const text of ['Pyongyang', 'POUTINE', 'montreal', 'glacial vent', 'coree', 'Diplomatie', 'camille', 'LAURENT', 'pyong', 'russie porte']) {
          expect(ids(await storage.stories.search({ text, limit: 10 })), text).toEqual([created.id])
        }
        expect(await storage.stories.search({ text: 'Pyongyang Tokyo', limit: 10 })).toEqual([])
        // The bio is not searched: it would make every story of an author match the places they once covered.
        expect(await storage.stories.search({ text: 'correspondante', limit: 10 })).toEqual([])
        expect((await storage.stories.list({ text: 'poutine', limit: 10 })).map((s) => s.id)).toEqual([created.id])
      })

      it('keeps up with the document: new text is found, text that is gone is not', async () => {
        const created = await korea()
        await storage.stories.updateDerived(created.id, { headline: 'La Russie ferme la porte', words: 8, signs: 50, standfirst: 'Moscou tourne le dos à Séoul.', body: 'Un blizzard souffle.' }, new Date().toISOString())
        expect(ids(await storage.stories.search({ text: 'blizzard', limit: 10 }))).toEqual([created.id])
        expect(ids(await storage.stories.search({ text: 'seoul', limit: 10 }))).toEqual([created.id])
        expect(ids(await storage.stories.search({ text: 'ferme', limit: 10 }))).toEqual([created.id])
        expect(await storage.stories.search({ text: 'Pyongyang', limit: 10 })).toEqual([])
        expect(await storage.stories.search({ text: 'poutine', limit: 10 })).toEqual([])
        // The same text written again changes nothing.
        await storage.stories.updateDerived(created.id, { headline: 'La Russie ferme la porte', words: 8, signs: 50, standfirst: 'Moscou tourne le dos à Séoul.', body: 'Un blizzard souffle.' }, new Date().toISOString())
        expect(ids(await storage.stories.search({ text: 'blizzard souffle', limit: 10 }))).toEqual([created.id])
      })

      it('keeps up with tags and bylines changed as metadata', async () => {
        const created = await korea()
        await storage.stories.update(created.id, { tags: ['Élysée'], byline: [{ userId: null, name: 'Inès Moreau', bio: '' }] }, null, [])
        expect(ids(await storage.stories.search({ text: 'elysee', limit: 10 }))).toEqual([created.id])
        expect(ids(await storage.stories.search({ text: 'ines moreau', limit: 10 }))).toEqual([created.id])
        expect(await storage.stories.search({ text: 'diplomatie', limit: 10 })).toEqual([])
        expect(await storage.stories.search({ text: 'camille', limit: 10 })).toEqual([])
      })

      it('ranks a match in the headline above one in the body, and shows the passage that matched', async () => {
        const inBody = await storage.stories.create(story({ headline: 'Sommet à Vladivostok' }), articleState('Sommet à Vladivostok', 'Les dirigeants se retrouvent.', 'Le train blindé venu de Pyongyang est arrivé à l’aube.'))
        const inHeadline = await storage.stories.create(story({ headline: 'Pyongyang sous la neige' }), articleState('Pyongyang sous la neige', 'Un hiver rude.', 'Les rues sont vides.'))
        const hits = await storage.stories.search({ text: 'pyongyang', limit: 10 })
        expect(ids(hits)).toEqual([inHeadline.id, inBody.id])
        expect(hits[0]?.match).toBeNull()
        expect(hits[1]?.match?.field).toBe('body')
        expect(marked(hits[1])).toBe('Le train blindé venu de [Pyongyang] est arrivé à l’aube.')
        // Another order still narrows to the matches.
        expect(new Set(ids(await storage.stories.search({ text: 'pyongyang', sort: 'created', limit: 10 })))).toEqual(new Set([inHeadline.id, inBody.id]))
      })

      it('marks matches in passages from tags and bylines, and a story cannot forge a mark', async () => {
        const created = await korea()
        expect((await storage.stories.search({ text: 'laurent', limit: 10 }))[0]?.match).toEqual({ field: 'byline', passage: [{ text: 'Camille ', match: false }, { text: 'Laurent', match: true }] })
        expect(marked((await storage.stories.search({ text: 'diplomatie', limit: 10 }))[0])).toBe('Corée du Nord, [diplomatie]')
        await storage.stories.updateDerived(created.id, { headline: 'x', words: 1, signs: 1, standfirst: '', body: 'Texte \u0002piégé\u0003 par le passage' }, new Date().toISOString())
        expect(marked((await storage.stories.search({ text: 'passage', limit: 10 }))[0])).toBe('Texte  piégé  par le [passage]')
      })

      it('takes any typed text as words: FTS5 syntax never reaches the index', async () => {
        const created = await korea()
        const hostile = ['"', '""', '"Pyongyang', 'Pyongyang"', '-Pyongyang', 'Pyongyang -', '*', 'pyong*', 'NEAR(Pyongyang vent)', 'NEAR', 'Pyongyang AND', 'OR', 'NOT vent', '(', ')', '(Pyongyang', 'headline:Pyongyang', '^Pyongyang', 'Pyongyang + vent', "l'aube", '\\', '%_', '{}[]', '\u0002']
        for (const text of hostile) await expect(storage.stories.search({ text, limit: 10 }), text).resolves.toBeInstanceOf(Array)
        expect(ids(await storage.stories.search({ text: '-Pyongyang', limit: 10 }))).toEqual([created.id])
        // Operators are words like any other: no story here has a word starting with "near".
        expect(await storage.stories.search({ text: 'NEAR(Pyongyang vent)', limit: 10 })).toEqual([])
        expect(ids(await storage.stories.search({ text: 'Pyongyang) (vent', limit: 10 }))).toEqual([created.id])
        expect(ids(await storage.stories.search({ text: '(Pyongyang', limit: 10 }))).toEqual([created.id])
        expect(await storage.stories.search({ text: '*', limit: 10 })).toEqual([])
        // A phrase in balanced quotes keeps its order.
        expect(ids(await storage.stories.search({ text: '"vent glacial"', limit: 10 }))).toEqual([created.id])
        expect(await storage.stories.search({ text: '"glacial vent"', limit: 10 })).toEqual([])
      })

      it('never returns more than the list: the other filters still apply', async () => {
        await storage.sections.upsert({ id: 'monde', name: 'Monde', parentId: null, position: 0 })
        const reporter = await storage.users.create(user())
        const draft = await storage.stories.create(story({ status: 'draft', assignees: [reporter.id] }), articleState('Brouillon', 'Pyongyang en brouillon.', ''))
        const filed = await storage.stories.create(story({ status: 'submitted', sectionId: 'monde' }), articleState('Déposé', 'Pyongyang déposé.', ''))
        const query = (extra: object) => ({ text: 'pyongyang', limit: 10, ...extra })
        expect(ids(await storage.stories.search(query({ statuses: ['submitted'] })))).toEqual([filed.id])
        expect(ids(await storage.stories.search(query({ assigneeId: reporter.id })))).toEqual([draft.id])
        expect(ids(await storage.stories.search(query({ sectionId: 'monde' })))).toEqual([filed.id])
        expect(await storage.stories.search(query({ statuses: ['published'] }))).toEqual([])
        expect(ids(await storage.stories.search(query({ limit: 1 })))).toHaveLength(1)
        for (const filters of [{ statuses: ['draft' as const] }, { sectionId: 'monde' }, { assigneeId: reporter.id }, {}]) {
          const listed = new Set((await storage.stories.list({ limit: 10, ...filters })).map((s) => s.id))
          for (const id of ids(await storage.stories.search(query(filters)))) expect(listed.has(id)).toBe(true)
        }
      })
    })

    describe('publications', () => {
      const version = (storyId: string, at: string, kind: 'first' | 'update' | 'correction' = 'first') => ({
        storyId,
        publishedAt: at,
        publishedBy: null,
        kind,
        note: kind === 'first' ? null : 'why',
        content: JSON.stringify({ at }),
        pageHtml: `<p>${at}</p>`,
        etag: `"${at}"`,
      })
      const move = (from: 'approved' | 'published', to: 'published' | 'unpublished', at: string, publication?: { version: ReturnType<typeof version>; publicPath: string; slug: string }) => ({
        from,
        to,
        publishAt: null,
        event: { at, actorId: null, kind: 'transition' as const, fromStatus: from, toStatus: to, note: null, detail: null },
        notifications: [],
        ...(publication ? { publication } : {}),
      })

      it('freezes numbered versions with the status change; the first fixes the address, the date and an empty slug', async () => {
        await storage.sections.upsert({ id: 'france', name: 'France', parentId: null, position: 0 })
        const created = await storage.stories.create(story({ status: 'approved', sectionId: 'france' }), new Uint8Array([0, 0]))
        expect(created).toMatchObject({ language: 'fr', publicPath: null, firstPublishedAt: null })
        const first = await storage.stories.transition(created.id, move('approved', 'published', '2026-01-01T10:00:00.000Z', { version: version(created.id, '2026-01-01T10:00:00.000Z'), publicPath: '/p/france/a-1', slug: 'a' }))
        expect(first?.story).toMatchObject({ status: 'published', publicPath: '/p/france/a-1', firstPublishedAt: '2026-01-01T10:00:00.000Z', slug: 'a' })
        const second = await storage.stories.transition(
          created.id,
          move('published', 'published', '2026-01-02T10:00:00.000Z', { version: version(created.id, '2026-01-02T10:00:00.000Z', 'correction'), publicPath: '/p/other/b-1', slug: 'b' }),
        )
        // A republication never moves the story: same address, first date, slug.
        expect(second?.story).toMatchObject({ publicPath: '/p/france/a-1', firstPublishedAt: '2026-01-01T10:00:00.000Z', slug: 'a' })
        expect((await storage.published.list(created.id)).map((entry) => [entry.version, entry.kind, entry.note])).toEqual([
          [1, 'first', null],
          [2, 'correction', 'why'],
        ])
        expect((await storage.published.latest(created.id))?.pageHtml).toBe('<p>2026-01-02T10:00:00.000Z</p>')
        expect((await storage.published.get(created.id, 1))?.etag).toBe('"2026-01-01T10:00:00.000Z"')
        expect(await storage.published.get(created.id, 3)).toBeNull()
        const found = await storage.published.byPath('/p/france/a-1')
        expect(found?.story.id).toBe(created.id)
        expect(found?.version?.version).toBe(2)
        expect(await storage.published.byPath('/p/france/nothing')).toBeNull()
      })

      it('writes nothing when the status moved meanwhile', async () => {
        const created = await storage.stories.create(story({ status: 'approved' }), new Uint8Array([0, 0]))
        await storage.stories.transition(created.id, { ...move('approved', 'published', '2026-01-01T10:00:00.000Z'), to: 'spiked' })
        const stale = await storage.stories.transition(created.id, move('approved', 'published', '2026-01-01T11:00:00.000Z', { version: version(created.id, '2026-01-01T11:00:00.000Z'), publicPath: '/p/x/y', slug: 'y' }))
        expect(stale).toBeNull()
        expect(await storage.published.list(created.id)).toEqual([])
        expect((await storage.stories.get(created.id))?.publicPath).toBeNull()
      })

      it('lists the newest publications of stories published now, by section', async () => {
        await storage.sections.upsert({ id: 'sport', name: 'Sport', parentId: null, position: 0 })
        const ids: string[] = []
        for (const [index, sectionId] of ['sport', 'sport', null].entries()) {
          const created = await storage.stories.create(story({ status: 'approved', sectionId }), new Uint8Array([0, 0]))
          const at = `2026-02-0${index + 1}T10:00:00.000Z`
          await storage.stories.transition(created.id, move('approved', 'published', at, { version: version(created.id, at), publicPath: `/p/s/${created.id}`, slug: 's' }))
          ids.push(created.id)
        }
        await storage.stories.transition(ids[0]!, move('published', 'unpublished', '2026-02-05T10:00:00.000Z'))
        expect((await storage.published.recent(10)).map((entry) => entry.story.id)).toEqual([ids[2], ids[1]])
        expect((await storage.published.recent(10, ['sport'])).map((entry) => entry.story.id)).toEqual([ids[1]])
        expect((await storage.published.recent(1)).map((entry) => entry.version.version)).toEqual([1])
        const gone = await storage.published.byPath(`/p/s/${ids[0]}`)
        expect(gone?.story.status).toBe('unpublished')
      })

      it('tells a published story whose working copy differs from its latest version, by the comparison with that version only', async () => {
        const created = await storage.stories.create(story({ status: 'approved' }), new Uint8Array([0, 0]))
        const at = '2026-03-01T10:00:00.000Z'
        const compared = (contentHash: string, comparedVersion: number, wordsAdded = 0) => ({ contentHash, comparedVersion, liveHash: 'v', wordsAdded, wordsRemoved: 1, at })
        // Not published yet: nothing differs, whatever was recorded.
        await storage.published.saveWorkingCopy(created.id, compared('w', 1, 4))
        expect(await storage.published.unpublishedChanges([created.id])).toEqual(new Map())
        await storage.stories.transition(created.id, move('approved', 'published', at, { version: version(created.id, at), publicPath: `/p/w/${created.id}`, slug: 'w' }))
        expect(await storage.published.unpublishedChanges([created.id])).toEqual(new Map([[created.id, { sinceVersion: 1, wordsAdded: 4, wordsRemoved: 1 }]]))
        await storage.published.saveWorkingCopy(created.id, compared('v', 1))
        expect(await storage.published.unpublishedChanges([created.id])).toEqual(new Map())
        await storage.published.saveWorkingCopy(created.id, compared('w', 1, 2))
        // Republished: a comparison with version 1 no longer says anything about version 2.
        const later = '2026-03-02T10:00:00.000Z'
        await storage.stories.transition(created.id, move('published', 'published', later, { version: version(created.id, later, 'update'), publicPath: `/p/w/${created.id}`, slug: 'w' }))
        expect(await storage.published.unpublishedChanges([created.id])).toEqual(new Map())
        await storage.published.saveWorkingCopy(created.id, compared('w', 2, 3))
        expect((await storage.published.unpublishedChanges([created.id, 'no-such-story'])).get(created.id)).toEqual({ sinceVersion: 2, wordsAdded: 3, wordsRemoved: 1 })
        // Taken down: nothing live to differ from.
        await storage.stories.transition(created.id, move('published', 'unpublished', '2026-03-03T10:00:00.000Z'))
        expect(await storage.published.unpublishedChanges([created.id])).toEqual(new Map())
        // A story that is gone records nothing (and does not fail).
        await storage.published.saveWorkingCopy('no-such-story', compared('w', 1))
        expect(await storage.published.unpublishedChanges([])).toEqual(new Map())
      })
    })

    workflowStoresContract(() => storage)
    racesContract(() => storage)
  })
}
