/**
 * A lightweight protocol client: one `ws` socket and one real `Y.Doc` (yjs 13,
 * y-protocols), so one load-generator process drives thousands of connections. It speaks
 * y-websocket to Copydesk and the reference server, and Hocuspocus's own framing (document
 * name before each message, an auth message first) to Hocuspocus.
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Endpoint } from './servers.js'
import { Samples } from './stats.js'

const MESSAGE_SYNC = 0
const MESSAGE_AUTH = 2
const HOCUSPOCUS_SYNC_REPLY = 4
const HOCUSPOCUS_AUTHENTICATED = 2

/**
 * Delivery latency: when each keystroke was typed (by client id and clock) and when it
 * reached each other client. All clients live in this process, so one clock serves both.
 */
export class LatencyRecorder {
  private readonly sent = new Map<number, number[]>()
  samples = new Samples()
  recording = false

  markSent(client: number, clock: number): void {
    let times = this.sent.get(client)
    if (!times) this.sent.set(client, (times = []))
    times[clock] = performance.now()
  }

  /** For light clients: keystrokes `start`..`end` of `client` arrived (read from an update's header). */
  arrived(client: number, start: number, end: number): void {
    if (!this.recording) return
    const times = this.sent.get(client)
    if (!times) return
    const now = performance.now()
    for (let c = start; c < end; c++) {
      const at = times[c]
      if (at !== undefined) this.samples.add(now - at)
    }
  }

  /** Counts the keystrokes a remote update brought into `doc`. */
  watch(doc: Y.Doc): void {
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.local || !this.recording) return
      const now = performance.now()
      for (const [client, clock] of transaction.afterState) {
        const before = transaction.beforeState.get(client) ?? 0
        if (clock <= before) continue
        const times = this.sent.get(client)
        if (!times) continue
        for (let c = before; c < clock; c++) {
          const at = times[c]
          if (at !== undefined) this.samples.add(now - at)
        }
      }
    })
  }

  reset(): void {
    this.samples = new Samples()
  }
}

/**
 * What typists write in: `bench`, a `Y.Text` of the bench's own beside the story's fields
 * (the default: what every earlier run measured), or `body`, the first paragraph of the
 * story's body as the editor holds it (the `body` fragment, a `paragraph` element, its
 * `Y.XmlText`), which Copydesk derives a story's length, headline and search text from: its
 * work after each change is then part of the measure. The paragraph's text must be there
 * first (`seedBodies`).
 */
export type TypingField = 'bench' | 'body'

/** The text a `body` typist writes in: the first paragraph's text, once the document has it. */
function bodyText(doc: Y.Doc): Y.XmlText | null {
  const paragraph = doc.getXmlFragment('body').toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph') as Y.XmlElement | undefined
  const text = paragraph?.toArray().find((node) => node instanceof Y.XmlText)
  return text instanceof Y.XmlText ? text : null
}

/**
 * Gives each story's body a first paragraph with a text to type in (Copydesk's new stories
 * have an empty paragraph; the other servers' documents start empty). Resolves with the
 * seeding clients, still connected: close them once the typists have synced, so that a server
 * that keeps documents only while someone is connected still has the paragraph.
 */
export async function seedBodies(endpoints: Endpoint[]): Promise<BenchClient[]> {
  const seeders = await connectAll(endpoints, null)
  for (const seeder of seeders) {
    const doc = seeder.doc
    if (bodyText(doc)) continue
    doc.transact(() => {
      const body = doc.getXmlFragment('body')
      let paragraph = body.toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph') as Y.XmlElement | undefined
      if (!paragraph) {
        paragraph = new Y.XmlElement('paragraph')
        body.insert(0, [paragraph])
      }
      paragraph.insert(0, [new Y.XmlText()])
    })
  }
  return seeders
}

export interface ClientOptions {
  /** What to type in (see TypingField); `bench` unless said. Light clients type in `bench` only. */
  field?: TypingField
  /**
   * A light client keeps only what it types itself and does not apply what others type
   * (it reads which keystrokes an update carries, for latency): it costs the load
   * generator far less, to push a server to saturation. It appends to its own run of text,
   * like a person writing their own paragraph.
   */
  light?: boolean
}

export class BenchClient {
  readonly doc = new Y.Doc()
  /** What this client types in; for a `body` typist, set once the synced document has it. */
  text: Y.Text
  readonly synced: Promise<void>
  private readonly light: boolean
  private readonly field: TypingField
  private readonly ws: WebSocket
  private markSynced!: () => void
  private failed: ((error: Error) => void) | null = null
  closedByServer: number | null = null
  private lightSynced = false
  /** Light clients: the highest clock seen from each other client (duplicates are not counted twice). */
  private readonly seen = new Map<number, number>()

  constructor(
    private readonly endpoint: Endpoint,
    private readonly recorder: LatencyRecorder | null,
    options: ClientOptions = {},
  ) {
    this.light = options.light ?? false
    this.field = options.field ?? 'bench'
    if (this.light && this.field !== 'bench') throw new Error('light clients do not apply what others type: they can only type in their own text')
    this.text = this.doc.getText('bench')
    this.synced = new Promise((resolve, reject) => {
      this.markSynced = resolve
      this.failed = reject
    })
    recorder?.watch(this.doc)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return
      this.send((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_SYNC)
        syncProtocol.writeUpdate(encoder, update)
      })
    })
    this.ws = new WebSocket(endpoint.url, { headers: endpoint.headers, perMessageDeflate: false })
    this.ws.binaryType = 'nodebuffer'
    this.ws.on('open', () => this.opened())
    this.ws.on('message', (data: Buffer) => this.receive(data))
    this.ws.on('unexpected-response', (_request, response) => this.failed?.(new Error(`upgrade refused: ${response.statusCode}`)))
    this.ws.on('error', (error) => this.failed?.(error))
    this.ws.on('close', (code) => {
      this.closedByServer = code
      this.failed?.(new Error(`closed (${code}) before sync`))
    })
  }

  /** Types one character somewhere in the text (a light client: at the end of its own run), recorded for latency. */
  type(char = 'x'): void {
    const position = this.light ? this.text.length : Math.floor(Math.random() * (this.text.length + 1))
    this.recorder?.markSent(this.doc.clientID, Y.getState(this.doc.store, this.doc.clientID))
    this.text.insert(position, char)
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve()
      this.ws.once('close', () => resolve())
      this.ws.close()
    })
  }

  /**
   * The server's state is in. A `body` typist is ready once it holds the body's text too: the
   * seeder's paragraph may reach it just after its own sync, as an update.
   */
  private syncedDocument(): void {
    if (this.field === 'body') {
      const text = bodyText(this.doc)
      if (!text) {
        const timer = setTimeout(() => this.failed?.(new Error("the story's body has no paragraph to type in (seedBodies)")), 30_000)
        const retry = () => {
          if (!bodyText(this.doc)) return
          clearTimeout(timer)
          this.doc.off('afterTransaction', retry)
          this.syncedDocument()
        }
        this.doc.on('afterTransaction', retry)
        return
      }
      this.text = text
    }
    this.failed = null
    this.lightSynced = this.light
    this.markSynced()
  }

  private send(write: (encoder: encoding.Encoder) => void): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    const encoder = encoding.createEncoder()
    if (this.endpoint.documentName !== null) encoding.writeVarString(encoder, this.endpoint.documentName)
    write(encoder)
    this.ws.send(encoding.toUint8Array(encoder))
  }

  private sendStep1(): void {
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.writeSyncStep1(encoder, this.doc)
    })
  }

  private opened(): void {
    if (this.endpoint.documentName !== null) {
      // Hocuspocus: authenticate first (its default accepts any token), then sync.
      this.send((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_AUTH)
        encoding.writeVarUint(encoder, 0)
        encoding.writeVarString(encoder, 'bench')
      })
    } else {
      this.sendStep1()
    }
  }

  private receive(frame: Buffer): void {
    const decoder = decoding.createDecoder(new Uint8Array(frame.buffer, frame.byteOffset, frame.length))
    if (this.endpoint.documentName !== null) decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (this.lightSynced && (type === MESSAGE_SYNC || type === HOCUSPOCUS_SYNC_REPLY)) {
      // After the first sync a light client only reads which keystrokes arrived.
      const step = decoding.readVarUint(decoder)
      if (step === syncProtocol.messageYjsSyncStep1) return
      const { from, to } = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder))
      for (const [client, end] of to) {
        if (client === this.doc.clientID) continue
        const start = Math.max(from.get(client) ?? end, this.seen.get(client) ?? 0)
        if (end <= start) continue
        this.seen.set(client, end)
        this.recorder?.arrived(client, start, end)
      }
      return
    }
    if (type === MESSAGE_SYNC || (this.endpoint.documentName !== null && type === HOCUSPOCUS_SYNC_REPLY)) {
      const encoder = encoding.createEncoder()
      if (this.endpoint.documentName !== null) encoding.writeVarString(encoder, this.endpoint.documentName)
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      const prefix = encoding.length(encoder)
      const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this)
      if (encoding.length(encoder) > prefix) this.ws.send(encoding.toUint8Array(encoder))
      if (step === syncProtocol.messageYjsSyncStep2) this.syncedDocument()
    } else if (type === MESSAGE_AUTH && this.endpoint.documentName !== null) {
      if (decoding.readVarUint(decoder) === HOCUSPOCUS_AUTHENTICATED) this.sendStep1()
    }
    // Awareness, Copydesk's read-only notices and Hocuspocus's sync status need no answer here.
  }
}

/** Connects `count` clients per endpoint, at most `parallel` handshakes at a time; resolves when all are synced. */
export async function connectAll(endpoints: Endpoint[], recorder: LatencyRecorder | null, options: ClientOptions = {}, parallel = 64): Promise<BenchClient[]> {
  const clients: BenchClient[] = []
  let next = 0
  async function worker(): Promise<void> {
    while (next < endpoints.length) {
      const client = new BenchClient(endpoints[next++]!, recorder, options)
      clients.push(client)
      await client.synced
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, endpoints.length) }, worker))
  return clients
}

/** True when every client holds the same document (state vector and text). */
export function converged(clients: BenchClient[]): boolean {
  const first = clients[0]
  if (!first) return true
  const vector = Buffer.from(Y.encodeStateVector(first.doc)).toString('base64')
  const text = first.text.toString()
  return clients.every((client) => Buffer.from(Y.encodeStateVector(client.doc)).toString('base64') === vector && client.text.toString() === text)
}
