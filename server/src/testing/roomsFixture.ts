/**
 * Rooms over a real SQLite database (in memory, or a temp file) with test-sized settings,
 * plus a story to join. For unit tests of the broker. The rooms reach storage through
 * `faults`, which can make its methods fail (a full disk) without touching SQLite.
 * `instanceRooms` adds another instance over the same storage (with a fan-out between them),
 * and `tappedFanout` watches, and can lose, what one instance's end of the bus carries.
 */
import { afterEach } from 'vitest'
import * as Y from 'yjs'
import { createLogger, silentLogger } from '../logger.js'
import { SqliteStorage } from '../storage/sqlite/SqliteStorage.js'
import type { DocumentStore } from '../storage/Storage.js'
import { FaultyStorage } from './FaultyStorage.js'
import { newStory } from './records.js'
import type { Fanout, FanoutMessage } from '../sync/Fanout.js'
import { Rooms, type RoomsOptions } from '../sync/Rooms.js'
import type { RoomSettings } from '../sync/Room.js'

export const TEST_SETTINGS: RoomSettings & { unloadDelayMs: number; commitDelayMs: number } = {
  compactAfterEntries: 1000,
  compactAfterBytes: 1024 * 1024,
  changeIntervalMs: 10,
  maxDocumentBytes: 16 * 1024 * 1024,
  broadcastDelayMs: 0,
  unloadDelayMs: 20,
  commitDelayMs: 0,
}

let storyCounter = 0

export async function createStory(storage: SqliteStorage, initial = new Y.Doc()): Promise<string> {
  const id = `story-${String(++storyCounter).padStart(6, '0')}`
  await storage.stories.create(newStory({ id }), Y.encodeStateAsUpdate(initial))
  return id
}

export function roomsFixture(
  settings: Partial<RoomsOptions['settings']> = {},
  overrides: Partial<Omit<RoomsOptions, 'settings'>> = {},
): { storage: SqliteStorage; faults: FaultyStorage; rooms: Rooms } {
  const storage = new SqliteStorage({ file: ':memory:' })
  const faults = new FaultyStorage(storage)
  const rooms = instanceRooms(faults.documents, settings, overrides)
  return { storage, faults, rooms }
}

/**
 * `roomsFixture` for one test file: call it at the file's top level; every database a test
 * opens through the returned function is closed after that test.
 */
export function closingRoomsFixture(): typeof roomsFixture {
  const open: SqliteStorage[] = []
  afterEach(async () => {
    for (const storage of open.splice(0)) await storage.close()
  })
  return (...args) => {
    const made = roomsFixture(...args)
    open.push(made.storage)
    return made
  }
}

/** One instance's rooms over `documents`: several of them over one store are several servers sharing a database. */
export function instanceRooms(
  documents: DocumentStore,
  settings: Partial<RoomsOptions['settings']> = {},
  overrides: Partial<Omit<RoomsOptions, 'settings'>> = {},
): Rooms {
  return new Rooms({
    documents,
    logger: process.env.TEST_LOG ? createLogger('debug') : silentLogger(),
    settings: { ...TEST_SETTINGS, ...settings },
    ...overrides,
  })
}

/** An instance's end of the bus that records what it publishes and hears, and can lose what it hears. */
export function tappedFanout(port: Fanout) {
  const tap = {
    published: [] as number[][],
    heard: [] as FanoutMessage[],
    /** How many of the next messages to lose on the way in (a flaky network). */
    loseNext: 0,
    lost: [] as FanoutMessage[],
    port: {
      instanceId: port.instanceId,
      publish(storyId, entries) {
        tap.published.push(entries.map((entry) => entry.seq))
        port.publish(storyId, entries)
      },
      subscribe(storyId, listener) {
        return port.subscribe(storyId, (message) => {
          if (tap.loseNext > 0) {
            tap.loseNext--
            tap.lost.push(message)
            return
          }
          tap.heard.push(message)
          listener(message)
        })
      },
    } satisfies Fanout,
  }
  return tap
}

export type FanoutTap = ReturnType<typeof tappedFanout>
