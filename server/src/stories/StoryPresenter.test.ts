/**
 * The story presenter's memory: what it announces is the newest of each field, whichever
 * presentation finishes first; a memory cleared while a presentation was being made is not
 * refilled by it; a new site address clears it. Real SQLite, one slow read made slow on purpose.
 */
import type { Story } from '@copydesk/shared/api'
import { afterEach, describe, expect, it } from 'vitest'
import { NewsroomEvents } from '../NewsroomEvents.js'
import { SqliteStorage } from '../storage/sqlite/SqliteStorage.js'
import type { Storage, StoryRecord } from '../storage/Storage.js'
import { createStory } from '../testing/roomsFixture.js'
import { StoryPresenter } from './StoryPresenter.js'

const opened: SqliteStorage[] = []
afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close()
})

/** Storage whose next `users.list` waits until released (a presentation that takes long). */
function withSlowRead(storage: Storage): { storage: Storage; holdNext(): () => void; reads: () => number } {
  let gate: Promise<void> | null = null
  let reads = 0
  const users = new Proxy(storage.users, {
    get: (target, property) => {
      if (property !== 'list') return Reflect.get(target, property)
      return async () => {
        reads++
        const waiting = gate
        gate = null
        if (waiting) await waiting
        return target.list()
      }
    },
  })
  return {
    storage: new Proxy(storage, { get: (target, property) => (property === 'users' ? users : Reflect.get(target, property)) }),
    holdNext: () => {
      let release!: () => void
      gate = new Promise((resolve) => (release = resolve))
      return release
    },
    reads: () => reads,
  }
}

async function setUp(site = () => 'https://news.example') {
  const sqlite = new SqliteStorage({ file: ':memory:' })
  opened.push(sqlite)
  const slow = withSlowRead(sqlite)
  const events = new NewsroomEvents()
  const announced: Story[] = []
  events.on('storyChanged', (story) => announced.push(story))
  const presenter = new StoryPresenter(slow.storage, events, site)
  const id = await createStory(sqlite)
  const record = (await sqlite.stories.get(id))!
  return { sqlite, slow, events, announced, presenter, record }
}

const later = (record: StoryRecord, changes: Partial<StoryRecord>, ms: number): StoryRecord => ({
  ...record,
  ...changes,
  updatedAt: new Date(Date.parse(record.updatedAt) + ms).toISOString(),
})

describe('StoryPresenter', () => {
  it('never takes a later change back when an earlier presentation finishes last', async () => {
    const { slow, announced, presenter, record } = await setUp()
    const release = slow.holdNext()
    const first = presenter.announce(later(record, { tags: ['municipales'] }, 1))
    const second = await presenter.announce(later(record, { status: 'submitted', tags: ['municipales'] }, 2))
    release()
    await first
    expect(announced.at(-1)!.status).toBe('submitted')
    expect(second.story.status).toBe('submitted')

    // Typing patches the newest whole presentation, not the one that finished last.
    await presenter.announcePatch(record.id, 'typed', (story) => ({ ...story, headline: 'Le maire démissionne', updatedAt: later(record, {}, 3).updatedAt }))
    expect(announced.at(-1)).toMatchObject({ status: 'submitted', headline: 'Le maire démissionne', tags: ['municipales'] })
  })

  it('keeps a patch that landed while a whole presentation was being read', async () => {
    const { slow, announced, presenter, record } = await setUp()
    await presenter.announce(record)
    const release = slow.holdNext()
    const move = presenter.announce(later(record, { status: 'submitted' }, 1))
    await presenter.announcePatch(record.id, 'typed', (story) => ({ ...story, headline: 'Tapé pendant la lecture', updatedAt: later(record, {}, 2).updatedAt }))
    release()
    await move
    expect(announced.at(-1)).toMatchObject({ status: 'submitted', headline: 'Tapé pendant la lecture' })
  })

  it('does not refill a cleared memory with a presentation begun before the clear, and forgets when the site address changes', async () => {
    let site = 'http://localhost:0'
    const { slow, events, presenter, record } = await setUp(() => site)
    const release = slow.holdNext()
    const slowOne = presenter.announce(record)
    events.emit('usersChanged') // an account renamed while the story was being presented
    release()
    await slowOne
    const readsBefore = slow.reads()
    await presenter.announcePatch(record.id, 'typed', (story) => story)
    expect(slow.reads()).toBe(readsBefore + 1) // read again: the old names were not kept

    await presenter.announcePatch(record.id, 'typed', (story) => story)
    expect(slow.reads()).toBe(readsBefore + 1) // remembered now
    site = 'http://localhost:4123' // the server listens: links made before are wrong
    await presenter.announcePatch(record.id, 'typed', (story) => story)
    expect(slow.reads()).toBe(readsBefore + 2)
  })
})
