/**
 * Who wrote what, read from a story's Yjs state: every character of a Yjs document is an
 * item whose id names the client that created it, and the server's record of which account
 * sent each client id (`DocumentStore.clients`) turns that into an account. Nothing a client
 * wrote into the document (a `PermanentUserData` map, an awareness name) is consulted: a
 * client can claim anything there, the server's record it cannot.
 *
 * Comparing two states (`authorsBetween`) keeps the text the newer one deleted, marked
 * `deleted`, and marks what it added `inserted`, so a reviewer sees both, each with its
 * author. Both states are applied to one document that keeps deleted content (`gc: false`);
 * what each state shows is decided by that state's own snapshot (state vector and delete
 * set), so the older need not be an ancestor of the newer.
 *
 * Pure: no storage, no room. Versions reuse it with their stored states.
 *
 * A known limit, shared with y-prosemirror's own snapshot rendering: the editor rewrites
 * what it cannot map item by item (splitting a paragraph re-creates the text after the
 * split), and that text is then credited to whoever made the change.
 */
import type { AuthorBlock, AuthoredFields, AuthorRun } from '@copydesk/shared/api'
import { STORY_FIELDS } from '@copydesk/shared/schema'
import * as Y from 'yjs'

/** clientId → account id, as the server recorded it. */
export type ClientAccounts = ReadonlyMap<number, string>

type BlockType = AuthorBlock['type']
type Container = NonNullable<AuthorBlock['within']>

const TEXT_BLOCKS: ReadonlySet<string> = new Set<BlockType>(['paragraph', 'heading', 'quoteAttribution'])
const CONTAINERS: ReadonlySet<string> = new Set<Container>(['bulletList', 'orderedList', 'blockquote'])

/** Whether an item's unit at `clock` is part of what a state shows. */
type Shown = (client: number, clock: number) => boolean

interface View {
  accounts: ClientAccounts
  /** Shown in the newer (or only) state. */
  inNewer: Shown
  /** Shown in the older state; null when not comparing. */
  inOlder: Shown | null
}

function shownBy(snapshot: Y.Snapshot): Shown {
  return (client, clock) => (snapshot.sv.get(client) ?? 0) > clock && !Y.isDeleted(snapshot.ds, { client, clock })
}

/** What every Yjs type has: the first item of its list (deleted ones included). */
type ItemList = Pick<Y.XmlFragment, '_start'>

function* items(type: ItemList): Generator<Y.Item> {
  for (let item = type._start; item !== null; item = item.right) yield item
}

/** Appends text to the runs, joining it to the last run when author and change are the same. */
function pushRun(runs: AuthorRun[], text: string, author: string | null, change: AuthorRun['change']): void {
  const last = runs[runs.length - 1]
  if (last && last.author === author && last.change === change) {
    last.text += text
    return
  }
  runs.push(change ? { text, author, change } : { text, author })
}

/** Which change a unit is, or 'hidden' when neither state shows it. */
function changeOf(view: View, client: number, clock: number): AuthorRun['change'] | 'kept' | 'hidden' {
  const newer = view.inNewer(client, clock)
  if (!view.inOlder) return newer ? 'kept' : 'hidden'
  const older = view.inOlder(client, clock)
  if (newer) return older ? 'kept' : 'inserted'
  return older ? 'deleted' : 'hidden'
}

/** The runs of one unit of content (a string, or a hard break shown as a line break). */
function addUnits(view: View, runs: AuthorRun[], item: Y.Item, units: readonly string[]): void {
  const author = view.accounts.get(item.id.client) ?? null
  // Character by character: a state's boundary (its state vector, a deletion) can fall
  // inside one merged item.
  for (let offset = 0; offset < units.length; offset++) {
    const change = changeOf(view, item.id.client, item.id.clock + offset)
    if (change === 'hidden') continue
    pushRun(runs, units[offset]!, author, change === 'kept' ? undefined : change)
  }
}

function inlineRuns(view: View, block: Y.XmlElement): AuthorRun[] {
  const runs: AuthorRun[] = []
  for (const item of items(block)) {
    if (!(item.content instanceof Y.ContentType)) continue
    const child = item.content.type
    if (child instanceof Y.XmlText) {
      for (const part of items(child)) {
        // A ContentString's length counts UTF-16 units, which is what item clocks count.
        if (part.content instanceof Y.ContentString) addUnits(view, runs, part, part.content.str.split(''))
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      addUnits(view, runs, item, ['\n'])
    }
  }
  return runs
}

function blockOf(view: View, item: Y.Item, element: Y.XmlElement, within: Container | null): AuthorBlock | null {
  const blockChange = changeOf(view, item.id.client, item.id.clock)
  if (blockChange === 'hidden') return null
  const runs = inlineRuns(view, element)
  const block: AuthorBlock = { type: element.nodeName as BlockType, within, runs }
  const level = Number(element.getAttribute('level'))
  if (block.type === 'heading' && Number.isInteger(level)) block.level = level
  if (blockChange === 'deleted') {
    // A block deleted with all its text: only worth showing if it said something.
    if (runs.length === 0) return null
    block.deleted = true
  }
  return block
}

function collectBlocks(view: View, parent: ItemList, within: Container | null, out: AuthorBlock[]): void {
  for (const item of items(parent)) {
    if (!(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.XmlElement)) continue
    const element = item.content.type
    if (TEXT_BLOCKS.has(element.nodeName)) {
      const block = blockOf(view, item, element, within)
      if (block) out.push(block)
    } else {
      collectBlocks(view, element, CONTAINERS.has(element.nodeName) ? (element.nodeName as Container) : within, out)
    }
  }
}

function fieldsOf(doc: Y.Doc, view: View): AuthoredFields {
  const fields: AuthoredFields = { headline: [], standfirst: [], body: [] }
  for (const field of STORY_FIELDS) collectBlocks(view, doc.getXmlFragment(field), null, fields[field])
  return fields
}

function snapshotOf(state: Uint8Array): Y.Snapshot {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return Y.snapshot(doc)
  } finally {
    doc.destroy()
  }
}

/** Who wrote each passage of a story's state: every field's blocks, cut into runs by account. */
export function authorship(state: Uint8Array, accounts: ClientAccounts): AuthoredFields {
  return authorsBetween(null, state, accounts)
}

/**
 * The newer state's text by author, with what changed since the older one: runs the newer
 * added are `inserted`, runs it deleted are kept and marked `deleted` (blocks removed whole
 * are marked too). With no older state, this is `authorship`.
 */
export function authorsBetween(older: Uint8Array | null, newer: Uint8Array, accounts: ClientAccounts): AuthoredFields {
  const doc = new Y.Doc({ gc: false })
  try {
    if (older) Y.applyUpdate(doc, older)
    Y.applyUpdate(doc, newer)
    return fieldsOf(doc, {
      accounts,
      inNewer: shownBy(older ? snapshotOf(newer) : Y.snapshot(doc)),
      inOlder: older ? shownBy(snapshotOf(older)) : null,
    })
  } finally {
    doc.destroy()
  }
}

/** Characters (code points) of the current text per author (null: unknown); deleted runs do not count. */
export function signsByAuthor(fields: AuthoredFields): Map<string | null, number> {
  const signs = new Map<string | null, number>()
  for (const field of STORY_FIELDS) {
    for (const block of fields[field]) {
      for (const run of block.runs) {
        if (run.change === 'deleted' || block.deleted) continue
        let count = 0
        for (const ch of run.text) if (ch !== '\n') count++
        if (count > 0) signs.set(run.author, (signs.get(run.author) ?? 0) + count)
      }
    }
  }
  return signs
}

/** The accounts whose text is in a state (its contributors), most text first. */
export function contributorsOf(state: Uint8Array, accounts: ClientAccounts): string[] {
  const signs = signsByAuthor(authorship(state, accounts))
  return [...signs.entries()]
    .filter((entry): entry is [string, number] => entry[0] !== null)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id]) => id)
}
