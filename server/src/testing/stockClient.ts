/**
 * The stock y-websocket v3 client (`WebsocketProvider`), unmodified, over real sockets,
 * authenticated the way a non-browser client is: a Cookie or Authorization header on the
 * upgrade request. Also a raw `ws` socket for sending frames no honest client would.
 */
import WebSocket from 'ws'
import * as authProtocol from 'y-protocols/auth'
import { MESSAGE_AUTH } from '@copydesk/shared/protocol'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Credentials } from './testServer.js'

function headersOf(credentials: Credentials, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { ...extra }
  if (credentials.cookie) headers.cookie = credentials.cookie
  if (credentials.bearer) headers.authorization = `Bearer ${credentials.bearer}`
  return headers
}

/** A WebSocket class for the provider that sends these headers with the upgrade. */
export function authenticatedWebSocket(credentials: Credentials): typeof WebSocket {
  const headers = headersOf(credentials)
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  } as unknown as typeof WebSocket
}

export interface StockClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Resolves once the provider is synced. */
  synced: Promise<void>
  /** Close codes the server sent, in order. */
  closes: number[]
  denied: string[]
  destroy(): void
}

export function connectStock(wsUrl: string, storyId: string, credentials: Credentials, doc = new Y.Doc()): StockClient {
  const provider = new WebsocketProvider(wsUrl, storyId, doc, {
    WebSocketPolyfill: authenticatedWebSocket(credentials) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  })
  const closes: number[] = []
  const denied: string[] = []
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  // The stock client only logs a permission-denied message; record it instead (the
  // provider's documented extension point, read with y-protocols' own reader).
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => denied.push(reason))
  }
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    provider.on('sync', (isSynced: boolean) => isSynced && resolve())
  })
  return {
    doc,
    provider,
    synced,
    closes,
    denied,
    destroy() {
      provider.destroy()
    },
  }
}

/** What a raw upgrade gets back: the websocket, or the HTTP status it was refused with. */
export function rawSocket(
  wsUrl: string,
  storyId: string,
  credentials: Credentials,
  extraHeaders: Record<string, string> = {},
): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/${storyId}`, { headers: headersOf(credentials, extraHeaders) })
    ws.binaryType = 'nodebuffer'
    ws.once('open', () => resolve({ ws }))
    ws.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0 })
      response.resume()
      ws.terminate()
    })
    ws.once('error', (error) => reject(error))
  })
}

/** Resolves with the close code once the socket closes. */
export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) resolve(-1)
    ws.once('close', (code) => resolve(code))
  })
}

/** Polls until `condition` holds (no fixed sleeps), failing after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
