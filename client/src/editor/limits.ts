/**
 * The server's limits, kept as people type, so that nothing is sent that the server would
 * refuse: the headline stops at `MAX_HEADLINE_CHARS` (the limit of the REST API's
 * headline), and a paste or drop is refused, with a message, when the story would pass
 * the broker's limits. The broker answers a frame over `MAX_FRAME_BYTES` or a document
 * over `MAX_DOCUMENT_BYTES` by closing the connection, and the editor, reconnecting, would
 * send the same update again: refusing here is the only good place.
 *
 * Changes that arrive from the shared document (others' typing, undo) are never refused:
 * the editor must show the document as it is.
 */
import type { Slice } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { MAX_DOCUMENT_BYTES, MAX_FRAME_BYTES, MAX_HEADLINE_CHARS } from '@copydesk/shared/limits'

export { MAX_HEADLINE_CHARS }

/** The headline's counter shows from this many characters before the limit. */
export const HEADLINE_COUNTER_FROM = MAX_HEADLINE_CHARS - 40

export function fromSharedDocument(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
  return meta?.isChangeOrigin === true
}

/** Whether a headline transaction may apply: it may not make a headline longer than the limit (shorter always is). */
export function headlineAllows(tr: Transaction, state: EditorState, max = MAX_HEADLINE_CHARS): boolean {
  if (!tr.docChanged || fromSharedDocument(tr)) return true
  const length = tr.doc.textContent.length
  return length <= max || length <= state.doc.textContent.length
}

/** How many characters a paste may bring into the headline, replacing the selection. */
export function headlineRoom(state: EditorState, max = MAX_HEADLINE_CHARS): number {
  const { from, to } = state.selection
  const selected = state.doc.textBetween(from, to).length
  return Math.max(0, max - (state.doc.textContent.length - selected))
}

const encoder = new TextEncoder()

/**
 * A generous estimate of what a slice adds to the encoded Yjs document: its text in UTF-8,
 * plus for each node its element and attributes, for each marked run its start and end
 * markers. (Yjs stores text as UTF-8 strings; structure costs tens of bytes an item.)
 */
export function estimatedSliceBytes(slice: Slice): number {
  let bytes = 0
  slice.content.descendants((node) => {
    if (node.isText) {
      bytes += encoder.encode(node.text ?? '').length + 8
      for (const mark of node.marks) bytes += 2 * (16 + mark.type.name.length + JSON.stringify(mark.attrs).length)
    } else {
      bytes += 24 + node.type.name.length + JSON.stringify(node.attrs).length
    }
    return true
  })
  return bytes
}

/** Room left for the websocket frame's own header and the sync message around the update. */
const FRAME_MARGIN = 64 * 1024

/** A refusal says which limit, with its sizes; the words are the catalogue's (`editor.paste*`). */
export type PasteVerdict = { ok: true } | { ok: false; limit: 'frame'; size: number; max: number } | { ok: false; limit: 'document'; max: number }

/** Whether `adding` bytes may go into a story whose document now encodes to `documentBytes`. */
export function pasteVerdict(adding: number, documentBytes: number): PasteVerdict {
  if (adding > MAX_FRAME_BYTES - FRAME_MARGIN) {
    return { ok: false, limit: 'frame', size: adding, max: MAX_FRAME_BYTES - FRAME_MARGIN }
  }
  if (documentBytes + adding > MAX_DOCUMENT_BYTES) {
    return { ok: false, limit: 'document', max: MAX_DOCUMENT_BYTES }
  }
  return { ok: true }
}
