/**
 * The storage contract, part: the workflow's stores (metadata changes, assignees, sections,
 * the publishing job's due list, notifications), each write with its events and
 * notifications in one go.
 */
import { describe, expect, it } from 'vitest'
import { ConflictError, type NewNotification, type Storage } from '../src/storage/Storage.js'
import { story, user } from './contractFixtures.js'

const EMPTY = new Uint8Array([0, 0])

export function workflowStoresContract(storage: () => Storage): void {
  describe('metadata, assignees and sections', () => {
    it('updates metadata with its event and notifications together; null for a story that is gone', async () => {
      const editor = await storage().users.create(user({ role: 'editor' }))
      const reporter = await storage().users.create(user())
      const created = await storage().stories.create(story({ createdBy: editor.id }), EMPTY)
      const at = new Date().toISOString()
      const notice: NewNotification = { userId: reporter.id, at, kind: 'mentioned', storyId: created.id, actorId: editor.id, note: 'Relis le chapeau' }
      const written = await storage().stories.update(
        created.id,
        { slug: 'russie-porte', tags: ['diplomatie'], deadline: at, lengthTarget: { value: 600, unit: 'words' }, priority: 'urgent', internalNote: 'Vérifier les chiffres', language: 'en' },
        { at, actorId: editor.id, kind: 'metadata', fromStatus: null, toStatus: null, note: null, detail: 'slug,tags' },
        [notice],
      )
      expect(written?.story).toMatchObject({ slug: 'russie-porte', tags: ['diplomatie'], deadline: at, lengthTarget: { value: 600, unit: 'words' }, priority: 'urgent', internalNote: 'Vérifier les chiffres', language: 'en', updatedAt: at })
      expect(written?.notifications).toEqual([expect.objectContaining({ ...notice, readAt: null, id: expect.any(Number) })])
      expect(await storage().stories.get(created.id)).toEqual(written?.story)
      expect((await storage().stories.events(created.id)).map((event) => [event.kind, event.detail])).toEqual([
        ['created', null],
        ['metadata', 'slug,tags'],
      ])
      // A length target can be taken away again.
      expect((await storage().stories.update(created.id, { lengthTarget: null }, null, []))?.story.lengthTarget).toBeNull()
      expect(await storage().stories.update('no-such-story', { slug: 'x' }, null, [notice])).toBeNull()
      expect(await storage().notifications.unreadCount(reporter.id)).toBe(1)
    })

    it('replaces assignees: says who was added and removed, records an event for each, notifies the added', async () => {
      const [camille, hugo, ines] = [await storage().users.create(user()), await storage().users.create(user()), await storage().users.create(user())]
      const created = await storage().stories.create(story({ assignees: [camille.id, hugo.id] }), EMPTY)
      expect(created.assignees).toEqual([camille.id, hugo.id])
      const at = new Date().toISOString()
      const told: string[][] = []
      const written = await storage().stories.setAssignees(created.id, [hugo.id, ines.id, ines.id], null, at, (added) => {
        told.push(added)
        return added.map((userId) => ({ userId, at, kind: 'assigned' as const, storyId: created.id, actorId: null, note: null }))
      })
      expect(written).toMatchObject({ added: [ines.id], removed: [camille.id] })
      expect(written?.story.assignees).toEqual([hugo.id, ines.id])
      expect(written?.notifications.map((n) => n.userId)).toEqual([ines.id])
      expect(told).toEqual([[ines.id]])
      expect((await storage().stories.events(created.id)).filter((e) => e.kind !== 'created').map((e) => [e.kind, e.detail])).toEqual([
        ['assigned', ines.id],
        ['unassigned', camille.id],
      ])
      expect((await storage().stories.list({ assigneeId: ines.id, limit: 10 })).map((s) => s.id)).toEqual([created.id])
      expect(await storage().stories.list({ assigneeId: camille.id, limit: 10 })).toEqual([])
      expect(await storage().stories.setAssignees('no-such-story', [hugo.id], null, at, () => [])).toBeNull()
    })

    it('deletes an unused section only: a story or a subsection in it is a conflict', async () => {
      await storage().sections.upsert({ id: 'monde', name: 'Monde', parentId: null, position: 0 })
      await storage().sections.upsert({ id: 'europe', name: 'Europe', parentId: 'monde', position: 1 })
      await storage().sections.upsert({ id: 'sport', name: 'Sport', parentId: null, position: 2 })
      await storage().stories.create(story({ sectionId: 'sport' }), EMPTY)
      await expect(storage().sections.delete('monde')).rejects.toBeInstanceOf(ConflictError)
      await expect(storage().sections.delete('sport')).rejects.toBeInstanceOf(ConflictError)
      expect(await storage().sections.delete('europe')).toBe(true)
      expect(await storage().sections.delete('europe')).toBe(false)
      expect(await storage().sections.delete('monde')).toBe(true)
      expect((await storage().sections.list()).map((section) => section.id)).toEqual(['sport'])
    })

    it('lists the scheduled stories whose time has come, soonest first', async () => {
      const now = Date.now()
      const iso = (offsetMs: number) => new Date(now + offsetMs).toISOString()
      const schedule = async (publishAt: string) => {
        const created = await storage().stories.create(story({ status: 'approved' }), EMPTY)
        const event = { at: iso(-60_000), actorId: null, kind: 'transition' as const, fromStatus: 'approved' as const, toStatus: 'scheduled' as const, note: null, detail: null }
        await storage().stories.transition(created.id, { from: 'approved', to: 'scheduled', publishAt, event, notifications: [] })
        return created.id
      }
      const late = await schedule(iso(-1000))
      const later = await schedule(iso(60 * 60_000))
      const earlier = await schedule(iso(-5000))
      await storage().stories.create(story({ status: 'approved' }), EMPTY)
      expect((await storage().stories.due(iso(0))).map((s) => s.id)).toEqual([earlier, late])
      expect((await storage().stories.due(iso(2 * 60 * 60_000))).map((s) => s.id)).toEqual([earlier, late, later])
      expect((await storage().stories.due(iso(0)))[0]).toMatchObject({ status: 'scheduled', publishAt: iso(-5000) })
    })
  })

  describe('notifications', () => {
    it('lists a user’s notifications newest first, counts the unread, and marks only their own as read', async () => {
      const [camille, hugo] = [await storage().users.create(user()), await storage().users.create(user())]
      const created = await storage().stories.create(story(), EMPTY)
      const at = new Date().toISOString()
      const notice = (userId: string, kind: NewNotification['kind'], note: string | null = null): NewNotification => ({ userId, at, kind, storyId: created.id, actorId: null, note })
      const made = await storage().notifications.create([notice(camille.id, 'assigned'), notice(hugo.id, 'assigned'), notice(camille.id, 'sent_back', 'Trop long'), notice(camille.id, 'approved')])
      expect(made.map((n) => [n.userId, n.kind, n.readAt])).toEqual([
        [camille.id, 'assigned', null],
        [hugo.id, 'assigned', null],
        [camille.id, 'sent_back', null],
        [camille.id, 'approved', null],
      ])
      expect(new Set(made.map((n) => n.id)).size).toBe(4)
      expect(await storage().notifications.get(made[2]!.id)).toEqual(made[2])
      expect(await storage().notifications.get(-1)).toBeNull()
      expect((await storage().notifications.list(camille.id, 10)).map((n) => n.id)).toEqual([made[3]!.id, made[2]!.id, made[0]!.id])
      expect((await storage().notifications.list(camille.id, 2)).map((n) => n.id)).toEqual([made[3]!.id, made[2]!.id])
      expect(await storage().notifications.unreadCount(camille.id)).toBe(3)

      // Someone else's id is ignored; an id already read is not counted again.
      const readAt = new Date().toISOString()
      expect(await storage().notifications.markRead(camille.id, [made[0]!.id, made[1]!.id], readAt)).toBe(1)
      expect(await storage().notifications.markRead(camille.id, [made[0]!.id], readAt)).toBe(0)
      expect(await storage().notifications.markRead(camille.id, [], readAt)).toBe(0)
      expect((await storage().notifications.get(made[0]!.id))?.readAt).toBe(readAt)
      expect((await storage().notifications.get(made[1]!.id))?.readAt).toBeNull()
      expect(await storage().notifications.unreadCount(camille.id)).toBe(2)
      expect(await storage().notifications.unreadCount(hugo.id)).toBe(1)

      expect(await storage().notifications.markRead(camille.id, 'all', readAt)).toBe(2)
      expect(await storage().notifications.unreadCount(camille.id)).toBe(0)
      expect(await storage().notifications.unreadCount(hugo.id)).toBe(1)
      expect(await storage().notifications.create([])).toEqual([])
    })
  })
}
