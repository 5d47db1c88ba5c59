/**
 * The publishing job when publishing fails: the story stays scheduled, the desk is told
 * once (not on every retry), the job keeps trying, and the story goes out once publishing
 * works again. Real storage, workflow and publisher; the failure is injected in front of
 * the publisher.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { NewsroomEvents } from '../NewsroomEvents.js'
import { silentLogger } from '../logger.js'
import type { NotificationRecord, StoryRecord } from '../storage/Storage.js'
import { roomsFixture } from '../testing/roomsFixture.js'
import { Sections } from '../stories/Sections.js'
import { Stories } from '../stories/Stories.js'
import { StoryPresenter } from '../stories/StoryPresenter.js'
import type { Publishing } from '../workflow/Publishing.js'
import { Workflow } from '../workflow/Workflow.js'
import { Publisher } from './Publisher.js'
import { Scheduler } from './Scheduler.js'

const fixtures: { close(): Promise<void> }[] = []

/** The test's clock: seconds after a moment taken from now, so no date here can go stale. */
const BASE = Math.floor(Date.now() / 1000) * 1000
const at = (seconds: number) => new Date(BASE + seconds * 1000)
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) await fixture.close()
})

async function newsroom() {
  const { storage, rooms } = roomsFixture()
  fixtures.push(storage)
  const logger = silentLogger()
  const events = new NewsroomEvents()
  const notified: NotificationRecord[] = []
  events.on('notified', (records) => notified.push(...records))
  const presenter = new StoryPresenter(storage, events, () => 'https://news.example')
  const stories = new Stories(storage, events, presenter, new Sections(storage, events), logger)
  let clock = at(0)
  const publisher = new Publisher(storage, events, (id) => rooms.documentState(id), async () => [], () => ({ name: 'Copydesk', url: 'https://news.example', language: 'fr', timeZone: 'Europe/Paris' }), logger)
  // The publishing the workflow uses: the real publisher, or a failing one put in front of it by a test.
  const publishing: { current: Publishing } = { current: publisher }
  const workflow = new Workflow(
    storage,
    events,
    presenter,
    logger,
    { prepare: (story, request) => publishing.current.prepare(story, request) },
    () => clock,
  )
  const editor = await storage.users.create({
    id: 'editor-1',
    email: 'ines@copydesk.test',
    displayName: 'Inès Moreau',
    role: 'editor',
    passwordHash: 'x',
    bio: '',
    color: '#123456',
  })
  const story = await stories.create({ content: { headline: 'Embargo', standfirst: [], body: [] }, createdBy: editor })
  let record: StoryRecord = story.record
  for (const to of ['submitted', 'approved'] as const) record = (await workflow.apply(record, to, { actor: editor, note: null, publishAt: null })).record
  record = (await workflow.apply(record, 'scheduled', { actor: editor, note: null, publishAt: at(5).toISOString() })).record
  return {
    storage,
    workflow,
    publisher,
    publishing,
    notified,
    story: record,
    editor,
    setClock: (iso: string) => {
      clock = new Date(iso)
    },
    scheduler: (now: () => Date) => new Scheduler(storage, workflow, events, logger, 1000, now),
  }
}

describe('the publishing job', () => {
  it('tells the desk once when publishing fails, keeps trying, and publishes when it can', async () => {
    const room = await newsroom()
    let failing = true
    const flaky: Publishing = {
      prepare: async (story, request) => {
        if (failing) throw new Error('the disk is full')
        return room.publisher.prepare(story, request)
      },
    }
    room.publishing.current = flaky
    let now = at(1)
    const scheduler = room.scheduler(() => now)

    await scheduler.tick()
    expect((await room.storage.stories.get(room.story.id))!.status).toBe('scheduled')

    now = at(6)
    room.setClock(now.toISOString())
    await scheduler.tick()
    await scheduler.tick()
    expect((await room.storage.stories.get(room.story.id))!.status).toBe('scheduled')
    const failures = room.notified.filter((notification) => notification.kind === 'schedule_failed')
    expect(failures.map((notification) => [notification.userId, notification.storyId])).toEqual([[room.editor.id, room.story.id]])
    expect(failures[0]!.note).toMatch(/the disk is full/)

    failing = false
    now = at(7)
    await scheduler.tick()
    const published = (await room.storage.stories.get(room.story.id))!
    expect(published.status).toBe('published')
    expect(published.publicPath).toMatch(new RegExp(`^/p/articles/embargo-${room.story.id}$`))
    expect((await room.storage.published.latest(room.story.id))?.version).toBe(1)
    await scheduler.stop()
  })

  it('does not tell the desk a publication failed when only presenting it afterwards did', async () => {
    const room = await newsroom()
    const stories = room.storage.stories
    const lastNotes = stories.lastNotes.bind(stories)
    let failures = 1
    // The move is written; reading the story's last note for the board then fails once.
    stories.lastNotes = async (ids) => {
      if ((await stories.get(room.story.id))?.status === 'published' && failures-- > 0) throw new Error('database is locked')
      return lastNotes(ids)
    }
    room.setClock(at(6).toISOString())
    const scheduler = room.scheduler(() => at(6))
    await scheduler.tick()
    expect((await room.storage.stories.get(room.story.id))!.status).toBe('published')
    expect(failures).toBe(0)
    expect(room.notified.filter((notification) => notification.kind === 'schedule_failed')).toEqual([])
    expect((await room.storage.published.list(room.story.id)).map((version) => version.version)).toEqual([1])
  })

  it('leaves alone a story unscheduled meanwhile', async () => {
    const room = await newsroom()
    const stale = room.story
    // The job reads the story as due, and the desk takes it back before the job publishes it.
    const stories = room.storage.stories
    const due = stories.due.bind(stories)
    stories.due = async (now) => {
      const found = await due(now)
      await room.workflow.apply(stale, 'approved', { actor: room.editor, note: null, publishAt: null })
      return found
    }
    const scheduler = room.scheduler(() => at(6))
    await scheduler.tick()
    expect((await room.storage.stories.get(room.story.id))!.status).toBe('approved')
    expect(room.notified.filter((notification) => notification.kind === 'schedule_failed')).toEqual([])
    expect(await room.storage.published.list(room.story.id)).toEqual([])
    await expect(room.workflow.apply(stale, 'published', { actor: null, note: null, publishAt: null })).rejects.toMatchObject({ kind: 'conflict' })
  })
})
