/**
 * The one place the broker meets the `ws` library: a `SyncSocket` over a `ws` connection
 * that writes pre-framed binary messages straight to the TCP socket, so that a broadcast
 * frames its bytes once for every recipient. Rooms and connections know only `SyncSocket`
 * (in-memory pairs in unit tests, this in production).
 */
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import type { SyncSocket } from './SyncSocket.js'

/**
 * A binary websocket frame around `message`, as a server sends it (FIN, opcode 2, no mask).
 * Built once per message and written to every socket it goes to: a broadcast to fifty
 * people frames its bytes once, not fifty times.
 */
function frame(message: Uint8Array): Buffer {
  const length = message.length
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10
  const framed = Buffer.allocUnsafe(headerLength + length)
  framed[0] = 0x82
  if (length < 126) {
    framed[1] = length
  } else if (length < 65_536) {
    framed[1] = 126
    framed.writeUInt16BE(length, 2)
  } else {
    framed[1] = 127
    framed.writeBigUInt64BE(BigInt(length), 2)
  }
  framed.set(message, headerLength)
  return framed
}

const framedMessages = new WeakMap<Uint8Array, Buffer>()

/**
 * The TCP socket under a `ws` connection. `ws` keeps it in a field it does not document;
 * writing whole frames there is what its own sender does (compression is off here), minus
 * re-framing the same bytes for every recipient.
 */
function rawSocketOf(ws: WebSocket): Duplex | null {
  const socket = (ws as unknown as { _socket?: Duplex })._socket
  return socket && typeof socket.write === 'function' ? socket : null
}

/** The broker's minimal socket (`SyncSocket`) over a `ws` connection. */
export function wsSyncSocket(ws: WebSocket): SyncSocket {
  const raw = rawSocketOf(ws)
  return {
    send: (message) => {
      if (ws.readyState !== ws.OPEN) return
      if (!raw) return ws.send(message, { binary: true })
      let framed = framedMessages.get(message)
      if (!framed) framedMessages.set(message, (framed = frame(message)))
      raw.write(framed)
    },
    close: (code, reason) => ws.close(code, reason),
    get bufferedAmount() {
      return ws.bufferedAmount
    },
  }
}
