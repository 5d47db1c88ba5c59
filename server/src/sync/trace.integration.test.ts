/**
 * A real writing session through the broker: the automerge-paper trace (260k keystrokes
 * of one paper, CC BY 4.0) replayed by one stock client into a story's body; a second client
 * and the server after a restart must both hold its final text.
 */
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectStock, waitFor, type StockClient } from '../testing/stockClient.js'
import { ADMIN, startTestServer, type TestServer } from '../testing/testServer.js'
import { hasTrace, loadTrace, skipNotice } from '../testing/traces.js'

const TRACE = 'automerge-paper.json.gz'
const present = hasTrace(TRACE)
if (!present) console.warn(skipNotice(TRACE))

/** Keystrokes per transaction: one frame each, well inside the per-connection frame rate. */
const KEYSTROKES_PER_FRAME = 250

describe.skipIf(!present)('replaying automerge-paper through the broker', () => {
  let server: TestServer
  const clients: StockClient[] = []
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
  })

  it('a second client and a restarted server both end with the trace’s final text', async () => {
    const trace = loadTrace(TRACE)
    server = await startTestServer()
    const admin = await server.api.login(ADMIN.email, ADMIN.password)
    const story = await server.api.createStory(admin, { headline: 'automerge-paper' })
    const writer = connectStock(server.wsUrl, story.id, admin)
    const reader = connectStock(server.wsUrl, story.id, admin)
    clients.push(writer, reader)
    await Promise.all([writer.synced, reader.synced])

    // The paper goes into one paragraph of the body, as typing into the editor would.
    const body = writer.doc.getXmlFragment('body')
    const text = new Y.XmlText(trace.startContent)
    writer.doc.transact(() => {
      body.delete(0, body.length)
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [text])
      body.insert(0, [paragraph])
    })
    for (let i = 0; i < trace.txns.length; i += KEYSTROKES_PER_FRAME) {
      writer.doc.transact(() => {
        for (const txn of trace.txns.slice(i, i + KEYSTROKES_PER_FRAME)) {
          for (const [position, deleted, inserted] of txn.patches) {
            if (deleted > 0) text.delete(position, deleted)
            if (inserted) text.insert(position, inserted)
          }
        }
      })
      // Yield so frames go out as a typist's would, not all in one burst.
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(text.toString()).toBe(trace.endContent)

    const readerText = () => {
      const paragraph = reader.doc.getXmlFragment('body').get(0)
      return paragraph instanceof Y.XmlElement ? (paragraph.get(0) as Y.XmlText | undefined)?.toString() : undefined
    }
    await waitFor(() => readerText() === trace.endContent, 'the reader to end with endContent', 60_000)

    for (const client of clients.splice(0)) client.destroy()
    const dataDir = server.dataDir
    await server.stop({ keepData: true })
    server = await startTestServer({ dataDir })
    const restarted = connectStock(server.wsUrl, story.id, await server.api.login(ADMIN.email, ADMIN.password))
    clients.push(restarted)
    await restarted.synced
    const paragraph = restarted.doc.getXmlFragment('body').get(0) as Y.XmlElement
    expect((paragraph.get(0) as Y.XmlText).toString()).toBe(trace.endContent)
  })
})
