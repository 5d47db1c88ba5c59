/**
 * Who wrote what in a story, as the newsroom sees it: the working copy (the document as the
 * broker holds it) or any stored state a caller hands in (a saved version, a publication),
 * optionally compared with an older state. Accounts come from the server's record of which
 * account sent each Yjs client id, never from the document; names and colours from the
 * accounts as they are now.
 *
 * Not for access: the route decides who may ask.
 */
import { PRESENCE_COLORS, type StoryAuthor, type StoryAuthorsResponse } from '@copydesk/shared/api'
import type { Storage, UserRecord } from '../storage/Storage.js'
import { authorsBetween, contributorsOf, signsByAuthor, type ClientAccounts } from './authorship.js'

/** The colour of text nobody is known to have written: grey, 5.7:1 on white. */
export const UNKNOWN_AUTHOR_COLOR = '#5f6368'

export interface AuthorsOptions {
  storage: Storage
  /** A story's document as the server holds it, encoded, every update in it committed (`Rooms.documentState`). */
  documentState: (storyId: string) => Promise<Uint8Array>
  /** clientId → account, as the broker recorded it (`DocumentStore.clients`). */
  clients: (storyId: string) => Promise<ClientAccounts>
}

/** Someone whose text is in a publication: what readers are told. */
export interface Contributor {
  userId: string
  name: string
}

export class Authors {
  constructor(private readonly options: AuthorsOptions) {}

  /** Who wrote what in the working copy. */
  async workingCopy(storyId: string): Promise<StoryAuthorsResponse> {
    // The state first, the record second: every client id in a committed state was recorded
    // in the same transaction as its update, so the record read after it knows them all.
    const state = await this.options.documentState(storyId)
    return this.ofState(storyId, state)
  }

  /**
   * Who wrote what in a given state of a story (a saved version, say), compared with an
   * older state when one is given: the runs then say what was inserted and deleted since.
   */
  async ofState(storyId: string, state: Uint8Array, compareTo: Uint8Array | null = null): Promise<StoryAuthorsResponse> {
    const [accounts, users] = await Promise.all([this.options.clients(storyId), this.options.storage.users.list()])
    const byId = new Map(users.map((user) => [user.id, user]))
    const fields = authorsBetween(compareTo, state, knownAccounts(accounts, byId))
    const signs = signsByAuthor(fields)
    // Someone whose text was all deleted is still listed when comparing: their runs are shown struck.
    for (const field of Object.values(fields)) for (const block of field) for (const run of block.runs) if (!signs.has(run.author)) signs.set(run.author, 0)
    return { storyId, fields, authors: presentAuthors(signs, byId) }
  }

  /** The accounts whose text is in a state, most text first, with their names now (what a publication credits). */
  async contributors(storyId: string, state: Uint8Array): Promise<Contributor[]> {
    const [accounts, users] = await Promise.all([this.options.clients(storyId), this.options.storage.users.list()])
    const byId = new Map(users.map((user) => [user.id, user]))
    return contributorsOf(state, knownAccounts(accounts, byId)).map((id) => ({ userId: id, name: byId.get(id)!.displayName }))
  }
}

/** The record without accounts that no longer exist: their text is nobody's now. */
function knownAccounts(accounts: ClientAccounts, users: ReadonlyMap<string, UserRecord>): ClientAccounts {
  const known = new Map<number, string>()
  for (const [client, userId] of accounts) if (users.has(userId)) known.set(client, userId)
  return known
}

/** How far apart two colours look ("redmean", a cheap approximation of perceived distance). */
export function colorDistance(a: string, b: string): number {
  const [r1, g1, b1] = channels(a)
  const [r2, g2, b2] = channels(b)
  const mean = (r1 + r2) / 2
  return Math.sqrt((2 + mean / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2 + (2 + (255 - mean) / 256) * (b1 - b2) ** 2)
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number]
}

/** Below this, two colours of the palette read as one (blue and indigo, red and pink, green and teal, slate and grey). */
const DISTINCT = 130

function nearest(color: string, taken: readonly string[]): number {
  return Math.min(...taken.map((other) => colorDistance(color, other)))
}

/**
 * The authors, most text first, each with a colour that tells them apart: people keep their
 * presence colour unless it reads like one listed before them (or the grey of unknown
 * text), in which case they get the palette's colour farthest from those.
 */
export function presentAuthors(signs: ReadonlyMap<string | null, number>, users: ReadonlyMap<string, Pick<UserRecord, 'displayName' | 'color'>>): StoryAuthor[] {
  const ordered = [...signs.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
  const taken: string[] = [UNKNOWN_AUTHOR_COLOR]
  const authors: StoryAuthor[] = []
  for (const [id, count] of ordered) {
    if (id === null) {
      authors.push({ id: null, name: null, color: UNKNOWN_AUTHOR_COLOR, signs: count })
      continue
    }
    const user = users.get(id)
    let color: string = user?.color ?? PRESENCE_COLORS[0]
    if (nearest(color, taken) < DISTINCT) {
      color = PRESENCE_COLORS.reduce((best, candidate) => (nearest(candidate, taken) > nearest(best, taken) ? candidate : best), PRESENCE_COLORS[0])
    }
    taken.push(color)
    authors.push({ id, name: user?.displayName ?? null, color, signs: count })
  }
  return authors
}
