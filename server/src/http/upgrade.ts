/**
 * The one owner of the HTTP server's `upgrade` event. `/collab/:storyId` goes to the sync
 * broker once the request has passed every check; anything else is refused. Every refusal
 * is an HTTP response before any websocket exists (SPEC.md [S1]): a server that accepts and
 * then closes causes reconnect storms.
 *
 *   401 no valid credentials · 403 foreign Origin · 404 no such story or path
 *   503 shutting down, story full, or storage not answering
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { STORY_ID_PATTERN } from '@copydesk/shared/api'
import { MAX_FRAME_BYTES, MAX_SESSIONS_PER_STORY } from '@copydesk/shared/limits'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Auth } from '../auth/Auth.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { Storage } from '../storage/Storage.js'
import { textAccess } from '../workflow/access.js'
import type { Rooms } from '../sync/Rooms.js'
import { Connection } from '../sync/Connection.js'
import { wsSyncSocket } from '../sync/wsSyncSocket.js'
import { originVerdict } from '../auth/origins.js'

export interface UpgradeDeps {
  config: Config
  logger: Logger
  auth: Auth
  storage: Storage
  rooms: Rooms
}

/** Another handler of upgrades on the same server (socket.io's engine). */
export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void

const HEARTBEAT_MS = 30_000

const REASONS: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
}

function refuse(socket: Duplex, status: 401 | 403 | 404 | 503, message: string): void {
  if (socket.destroyed) return
  const body = JSON.stringify({ error: { code: status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : 'service_unavailable', message } })
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status]}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
  socket.destroy()
}

export class UpgradeRouter {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
  })
  private readonly sockets = new Map<WebSocket, { alive: boolean }>()
  private readonly heartbeat: ReturnType<typeof setInterval>
  private readonly others: { prefix: string; handle: UpgradeHandler }[] = []
  private accepting = true

  constructor(private readonly deps: UpgradeDeps) {
    this.heartbeat = setInterval(() => this.checkHeartbeats(), HEARTBEAT_MS)
    this.heartbeat.unref()
  }

  /** Hands upgrades under `prefix` to another handler (socket.io). */
  route(prefix: string, handle: UpgradeHandler): void {
    this.others.push({ prefix, handle })
  }

  /** From now on, refuse with 503 (shutdown). */
  stopAccepting(): void {
    this.accepting = false
  }

  readonly handle = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', (error) => {
      this.deps.logger.debug({ err: error }, 'upgrade socket error')
      socket.destroy()
    })
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    if (path.startsWith('/collab/')) {
      this.collab(request, socket, head, path.slice('/collab/'.length)).catch((error: unknown) => {
        this.deps.logger.error({ err: error }, 'websocket upgrade failed')
        refuse(socket, 503, 'The server could not open this story right now')
      })
      return
    }
    const other = this.others.find((candidate) => path.startsWith(candidate.prefix))
    if (other && this.accepting) return other.handle(request, socket, head)
    refuse(socket, other ? 503 : 404, other ? 'The server is shutting down' : 'No websocket endpoint here')
  }

  private async collab(request: IncomingMessage, socket: Duplex, head: Buffer, rawStoryId: string): Promise<void> {
    const { config, auth, storage, rooms, logger } = this.deps
    if (!this.accepting) return refuse(socket, 503, 'The server is shutting down')
    let storyId: string
    try {
      storyId = decodeURIComponent(rawStoryId)
    } catch {
      return refuse(socket, 404, 'No such story')
    }
    if (!STORY_ID_PATTERN.test(storyId)) return refuse(socket, 404, 'No such story')
    // Cross-site websocket hijacking: a page elsewhere must not ride the user's cookie.
    if (originVerdict(config, request.headers.origin, request.headers.host) === 'foreign') {
      return refuse(socket, 403, 'Connections from other sites are not accepted')
    }
    const principal = await auth.resolve({ cookie: request.headers.cookie, authorization: request.headers.authorization })
    if (!principal) return refuse(socket, 401, 'Sign in first')
    const story = await storage.stories.get(storyId)
    if (!story) return refuse(socket, 404, 'No such story')
    if (rooms.connectionCountOf(storyId) >= MAX_SESSIONS_PER_STORY) {
      return refuse(socket, 503, `This story already has ${MAX_SESSIONS_PER_STORY} connections`)
    }
    if (socket.destroyed) return

    const { writable, reason } = textAccess({ userId: principal.user.id, role: principal.user.role, scope: principal.scope }, story)

    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new Connection({
        socket: wsSyncSocket(ws),
        storyId,
        identity: { userId: principal.user.id, name: principal.user.displayName, color: principal.user.color, role: principal.user.role },
        credential: principal.credential,
        access: writable ? 'write' : 'read',
        readOnlyReason: reason,
        onUnexpectedError: (error) => logger.warn({ err: error, storyId, connectionId: connection.id }, 'a frame could not be processed'),
      })
      // [S2] Listen before anything else can yield: the client's sync step 1 is already on its way.
      const liveness = { alive: true }
      this.sockets.set(ws, liveness)
      ws.on('message', (data: Buffer, isBinary: boolean) => connection.receive(data, isBinary))
      ws.on('pong', () => {
        liveness.alive = true
      })
      ws.on('error', (error) => logger.debug({ err: error, storyId, connectionId: connection.id }, 'websocket error'))
      ws.on('close', (code: number, reasonBuffer: Buffer) => {
        this.sockets.delete(ws)
        connection.socketClosed(code, reasonBuffer.toString())
      })
      rooms.join(connection)
      logger.debug({ storyId, connectionId: connection.id, userId: principal.user.id, access: connection.access }, 'connection opened')
    })
  }

  /** Drops connections that stopped answering pings (a laptop lid closed, a dead network). */
  private checkHeartbeats(): void {
    for (const [ws, liveness] of this.sockets) {
      if (!liveness.alive) {
        ws.terminate()
        continue
      }
      liveness.alive = false
      ws.ping()
    }
  }

  close(): void {
    clearInterval(this.heartbeat)
    this.wss.close()
  }
}
