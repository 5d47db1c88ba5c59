/**
 * The server's doors, all on one port: a Node HTTP server that answers reader pages from
 * memory first (`readerFastPath`) and everything else through the Hono app; websocket
 * upgrades, which `UpgradeRouter` admits to the sync broker or hands to socket.io; and
 * socket.io's newsroom events. Opened by `listen`, closed in the two steps a graceful
 * shutdown needs around the broker's last writes (`shutdown.ts`).
 *
 * Not for what any door says: that is the app's routes, the broker, the socket server.
 */
import { getRequestListener } from '@hono/node-server'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Hono } from 'hono'
import { SocketServer, type SocketServerDeps } from '../events/socketServer.js'
import type { Publisher } from '../publish/Publisher.js'
import type { Storage } from '../storage/Storage.js'
import type { AppEnv } from './context.js'
import { readerFastPath } from './public.js'
import { UpgradeRouter } from './upgrade.js'

export interface TransportDeps extends Omit<SocketServerDeps, 'httpServer'> {
  app: Hono<AppEnv>
  publisher: Publisher
  storage: Storage
}

export class Transports {
  private readonly server: Server
  private readonly sockets: SocketServer
  private readonly upgrades: UpgradeRouter
  private closed: Promise<void> | null = null

  constructor(private readonly deps: TransportDeps) {
    const handle = getRequestListener(deps.app.fetch)
    const readerPages = readerFastPath(deps.publisher)
    this.server = createServer((request, response) => {
      if (!readerPages(request, response)) void handle(request, response)
    })
    this.sockets = new SocketServer({ ...deps, httpServer: this.server })
    this.upgrades = new UpgradeRouter(deps)
    this.upgrades.route('/socket.io/', this.sockets.handleUpgrade)
    this.server.on('upgrade', this.upgrades.handle)
  }

  /** Listens on the configured host and port; resolves with the port (PORT=0 picks one). */
  listen(): Promise<number> {
    const { port, host } = this.deps.config
    return new Promise((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(port, host, () => {
        this.server.off('error', reject)
        resolve((this.server.address() as AddressInfo).port)
      })
    })
  }

  /** Shutdown, first step: no new websocket is admitted (503, SPEC [S1]). */
  stopAccepting(): void {
    this.upgrades.stopAccepting()
  }

  /** Second step: no new HTTP connection, and the newsroom events' sockets end. Collaboration sockets stay until the broker has written. */
  stopServing(): void {
    if (this.closed) return
    this.closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    this.sockets.close()
  }

  /** Last step, once the broker wrote what it accepted: every remaining socket ends. */
  async close(): Promise<void> {
    this.stopServing()
    this.upgrades.close()
    this.server.closeAllConnections()
    await this.closed
  }
}
