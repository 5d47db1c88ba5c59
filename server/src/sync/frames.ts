/**
 * Reading and writing y-websocket frames. Reading is bounds-checked by hand: a frame from
 * `ws` may be a view into a larger buffer, so a length prefix that points past the frame
 * must be refused here, not trusted to a typed-array constructor.
 */
import { CloseCode } from '@copydesk/shared/protocol'
import {
  AUTH_PERMISSION_DENIED,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from '@copydesk/shared/protocol'
import * as encoding from 'lib0/encoding'
import { SyncError } from './SyncError.js'

const textDecoder = new TextDecoder('utf-8', { fatal: true })

function malformed(message: string): SyncError {
  return new SyncError(CloseCode.MALFORMED_MESSAGE, message)
}

/** A cursor over one frame. Every read either succeeds within the frame or throws a `SyncError`. */
export class FrameReader {
  private pos = 0

  constructor(private readonly frame: Uint8Array) {}

  get remaining(): number {
    return this.frame.length - this.pos
  }

  varUint(): number {
    let value = 0
    let multiplier = 1
    while (this.pos < this.frame.length) {
      const byte = this.frame[this.pos++]!
      value += (byte & 0x7f) * multiplier
      if (byte < 0x80) return value
      multiplier *= 128
      if (multiplier > 2 ** 53) throw malformed('A varint is too long')
    }
    throw malformed('A varint runs past the end of the frame')
  }

  bytes(): Uint8Array {
    const length = this.varUint()
    if (length > this.remaining) throw malformed(`A length prefix of ${length} bytes runs past the end of the frame`)
    const start = this.pos
    this.pos += length
    return this.frame.subarray(start, this.pos)
  }

  /** Steps over a length-prefixed field without looking at it. */
  skipBytes(): void {
    this.bytes()
  }

  string(): string {
    try {
      return textDecoder.decode(this.bytes())
    } catch (error) {
      if (error instanceof SyncError) throw error
      throw malformed('A string is not valid UTF-8')
    }
  }

  /** One message per frame: anything after it is a malformed frame. */
  end(): void {
    if (this.pos !== this.frame.length) throw malformed(`${this.remaining} unexpected bytes after the message`)
  }
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, step)
    encoding.writeVarUint8Array(e, payload)
  })
}

export const syncStep1Message = (stateVector: Uint8Array): Uint8Array => syncMessage(SYNC_STEP1, stateVector)
export const syncStep2Message = (update: Uint8Array): Uint8Array => syncMessage(SYNC_STEP2, update)
export const updateMessage = (update: Uint8Array): Uint8Array => syncMessage(SYNC_UPDATE, update)

export function awarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(e, awarenessUpdate)
  })
}

export function permissionDeniedMessage(reason: string): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_AUTH)
    encoding.writeVarUint(e, AUTH_PERMISSION_DENIED)
    encoding.writeVarString(e, reason)
  })
}

/** The v1 encoding of an update that carries nothing (no structs, no deletions). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0
}
