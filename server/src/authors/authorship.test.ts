/**
 * Who wrote what, from Yjs states alone: two documents with their own client ids stand for
 * two reporters' editors, and a map from client id to account for the server's record.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { AuthoredFields } from '@copydesk/shared/api'
import { fieldBlocks } from '@copydesk/shared/doc'
import { addParagraph } from '../testing/documents.js'
import { authorsBetween, authorship, contributorsOf, signsByAuthor } from './authorship.js'

const SERVER = 9
const CAMILLE = 101
const HUGO = 202
const accounts = new Map([
  [CAMILLE, 'camille'],
  [HUGO, 'hugo'],
])

function docWithClient(clientID: number, from?: Y.Doc): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  if (from) Y.applyUpdate(doc, Y.encodeStateAsUpdate(from))
  return doc
}

/** A story as the server creates it: one empty paragraph in each field. */
function newStory(): Y.Doc {
  const doc = docWithClient(SERVER)
  for (const field of ['headline', 'standfirst', 'body'] as const) addParagraph(doc, field, '')
  return doc
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
}

function bodyText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment('body').get(0) as Y.XmlElement
  return paragraph.get(0) as Y.XmlText
}

/** [text, author, change] of every run of the body. */
function bodyRuns(fields: AuthoredFields): [string, string | null, string?][] {
  return fields.body.flatMap((block) => block.runs.map((run): [string, string | null, string?] => (run.change ? [run.text, run.author, run.change] : [run.text, run.author])))
}

describe('authorship', () => {
  it('credits each passage to the account of the client that wrote it', () => {
    const story = newStory()
    const camille = docWithClient(CAMILLE, story)
    const hugo = docWithClient(HUGO, story)
    bodyText(camille).insert(0, 'Le conseil a voté. ')
    sync(camille, hugo)
    bodyText(hugo).insert(bodyText(hugo).length, 'Le maire a démissionné.')
    addParagraph(hugo, 'headline', 'Séisme à la mairie')
    sync(camille, hugo)
    const fields = authorship(Y.encodeStateAsUpdate(camille), accounts)
    expect(bodyRuns(fields)).toEqual([
      ['Le conseil a voté. ', 'camille'],
      ['Le maire a démissionné.', 'hugo'],
    ])
    expect(fields.headline.map((block) => block.runs)).toEqual([[], [{ text: 'Séisme à la mairie', author: 'hugo' }]])
    expect(contributorsOf(Y.encodeStateAsUpdate(hugo), accounts)).toEqual(['hugo', 'camille'])
  })

  it('gives text from a client id the server has no record of to nobody (null), never to a guess', () => {
    const story = newStory()
    bodyText(story).insert(0, 'Seeded by the server.')
    const stranger = docWithClient(777, story)
    bodyText(stranger).insert(0, '? ')
    const fields = authorship(Y.encodeStateAsUpdate(stranger), accounts)
    expect(bodyRuns(fields)).toEqual([['? Seeded by the server.', null]])
    expect(signsByAuthor(fields)).toEqual(new Map([[null, 23]]))
    expect(contributorsOf(Y.encodeStateAsUpdate(stranger), accounts)).toEqual([])
  })

  it('ignores who the document itself says wrote what (a PermanentUserData map any client can write)', () => {
    const story = newStory()
    const hugo = docWithClient(HUGO, story)
    // Hugo claims his client id is Camille's, the way y-prosemirror's PermanentUserData records it.
    const claims = new Y.PermanentUserData(hugo)
    claims.setUserMapping(hugo, HUGO, 'camille')
    bodyText(hugo).insert(0, 'Écrit par Hugo.')
    expect(bodyRuns(authorship(Y.encodeStateAsUpdate(hugo), accounts))).toEqual([['Écrit par Hugo.', 'hugo']])
  })

  it('orders two concurrent inserts at the same place as Yjs does, each with its author', () => {
    const story = newStory()
    const camille = docWithClient(CAMILLE, story)
    const hugo = docWithClient(HUGO, story)
    bodyText(camille).insert(0, 'AAA')
    bodyText(hugo).insert(0, 'bbb')
    sync(camille, hugo)
    const runs = bodyRuns(authorship(Y.encodeStateAsUpdate(hugo), accounts))
    expect(runs.map(([text]) => text).join('')).toBe(bodyText(camille).toString())
    expect(new Set(runs.map(([, author]) => author))).toEqual(new Set(['camille', 'hugo']))
    for (const [text, author] of runs) expect(author).toBe(/^A+$/.test(text) ? 'camille' : 'hugo')
  })

  it('shows what a newer state deleted, struck, and what it added, each with who wrote it', () => {
    const story = newStory()
    const camille = docWithClient(CAMILLE, story)
    bodyText(camille).insert(0, 'Le maire a démissionné hier.')
    const hugo = docWithClient(HUGO, camille)
    const older = Y.encodeStateAsUpdate(hugo)
    bodyText(hugo).delete(bodyText(hugo).toString().indexOf(' hier'), 5)
    bodyText(hugo).insert(bodyText(hugo).length - 1, ' ce matin')
    const fields = authorsBetween(older, Y.encodeStateAsUpdate(hugo), accounts)
    expect(bodyRuns(fields)).toEqual([
      ['Le maire a démissionné', 'camille'],
      [' hier', 'camille', 'deleted'],
      [' ce matin', 'hugo', 'inserted'],
      ['.', 'camille'],
    ])
    expect(signsByAuthor(fields)).toEqual(new Map([
      ['camille', 23],
      ['hugo', 9],
    ]))
  })

  it('keeps deleted text even when both states come from documents that collected their garbage', () => {
    const camille = docWithClient(CAMILLE, newStory())
    addParagraph(camille, 'body', 'Un paragraphe entier, supprimé ensuite.')
    const older = Y.encodeStateAsUpdate(camille)
    const hugo = docWithClient(HUGO, camille)
    hugo.getXmlFragment('body').delete(1, 1)
    bodyText(hugo).insert(0, 'Reste.')
    const fields = authorsBetween(older, Y.encodeStateAsUpdate(hugo), accounts)
    expect(fields.body).toEqual([
      { type: 'paragraph', within: null, runs: [{ text: 'Reste.', author: 'hugo', change: 'inserted' }] },
      { type: 'paragraph', within: null, deleted: true, runs: [{ text: 'Un paragraphe entier, supprimé ensuite.', author: 'camille', change: 'deleted' }] },
    ])
    // Without a comparison, deleted text is simply not there.
    expect(authorship(Y.encodeStateAsUpdate(hugo), accounts).body.map((block) => block.runs.map((run) => run.text).join(''))).toEqual(['Reste.'])
  })

  it('reads subheads, lists, quotes and hard breaks as the editor lays them out', () => {
    const doc = docWithClient(CAMILLE)
    const body = doc.getXmlFragment('body')
    const heading = new Y.XmlElement('heading')
    heading.setAttribute('level', 2 as unknown as string)
    heading.insert(0, [new Y.XmlText('Intertitre')])
    const list = new Y.XmlElement('bulletList')
    const item = new Y.XmlElement('listItem')
    const inItem = new Y.XmlElement('paragraph')
    inItem.insert(0, [new Y.XmlText('un'), new Y.XmlElement('hardBreak'), new Y.XmlText('deux')])
    item.insert(0, [inItem])
    list.insert(0, [item])
    body.insert(0, [heading, list])
    expect(authorship(Y.encodeStateAsUpdate(doc), accounts).body).toEqual([
      { type: 'heading', level: 2, within: null, runs: [{ text: 'Intertitre', author: 'camille' }] },
      { type: 'paragraph', within: 'bulletList', runs: [{ text: 'un\ndeux', author: 'camille' }] },
    ])
  })
})

/** mulberry32: small, seedable, good enough to pick edits. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('authorship under random interleavings', () => {
  const seeds = process.env.AUTHORS_SEED ? [Number(process.env.AUTHORS_SEED)] : Array.from({ length: 25 }, (_, i) => (Date.now() + i * 7919) >>> 0)
  // Camille types only lowercase letters, Hugo only digits: every character says who wrote it.
  const alphabet = new Map([
    [CAMILLE, 'abcdefghij'],
    [HUGO, '0123456789'],
  ])

  it.each(seeds)('seed %i (replay with AUTHORS_SEED=<seed>)', (seed) => {
    console.log(`authorship random interleaving seed ${seed}`)
    const next = random(seed)
    const story = newStory()
    const docs = [docWithClient(CAMILLE, story), docWithClient(HUGO, story)] as const
    let older: Uint8Array | null = null
    for (let step = 0; step < 200; step++) {
      const doc = docs[next() < 0.5 ? 0 : 1]
      const text = bodyText(doc)
      const roll = next()
      if (roll < 0.6 || text.length === 0) {
        const letters = alphabet.get(doc.clientID)!
        const word = Array.from({ length: 1 + Math.floor(next() * 4) }, () => letters[Math.floor(next() * letters.length)]).join('')
        text.insert(Math.floor(next() * (text.length + 1)), word)
      } else if (roll < 0.85) {
        const at = Math.floor(next() * text.length)
        text.delete(at, Math.min(text.length - at, 1 + Math.floor(next() * 3)))
      } else {
        sync(docs[0], docs[1])
      }
      if (step === 100) older = Y.encodeStateAsUpdate(docs[0])
    }
    sync(docs[0], docs[1])
    const newer = Y.encodeStateAsUpdate(docs[1])
    const runs = bodyRuns(authorsBetween(older, newer, accounts))
    for (const [text, author] of runs) {
      expect(author, `seed ${seed}: "${text}"`).toBe(/^[a-j]+$/.test(text) ? 'camille' : /^[0-9]+$/.test(text) ? 'hugo' : 'mixed')
    }
    const join = (keep: (change?: string) => boolean) => runs.filter(([, , change]) => keep(change)).map(([text]) => text).join('')
    expect(join((change) => change !== 'deleted'), `seed ${seed}: the newer text`).toBe(fieldBlocks(docs[0], 'body').join(''))
    const olderDoc = new Y.Doc()
    Y.applyUpdate(olderDoc, older!)
    expect(join((change) => change !== 'inserted'), `seed ${seed}: the older text`).toBe(fieldBlocks(olderDoc, 'body').join(''))
    expect(bodyRuns(authorship(newer, accounts)).map(([text]) => text).join(''), `seed ${seed}`).toBe(bodyText(docs[0]).toString())
  })
})
