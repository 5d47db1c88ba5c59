/**
 * The automerge-paper editing trace (CC BY 4.0, josephg/editing-traces), from
 * `../shared/traces/` beside the repository. Not in the repository: without it, the
 * scenarios that need it are skipped and the report says so.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

export interface Trace {
  endContent: string
  txns: { patches: [number, number, string][] }[]
}

export const TRACE_PATH = fileURLToPath(new URL('../../../shared/traces/automerge-paper.json.gz', import.meta.url))

export function loadTrace(keystrokes?: number): Trace | null {
  if (!existsSync(TRACE_PATH)) return null
  const trace = JSON.parse(gunzipSync(readFileSync(TRACE_PATH)).toString('utf8')) as Trace & { startContent: string }
  if (trace.startContent !== '') throw new Error('automerge-paper is expected to start empty')
  if (keystrokes === undefined || keystrokes >= trace.txns.length) return trace
  // A prefix of the trace, with the text it produces.
  const txns = trace.txns.slice(0, keystrokes)
  let text = ''
  for (const txn of txns) {
    for (const [position, deleted, inserted] of txn.patches) text = text.slice(0, position) + inserted + text.slice(position + deleted)
  }
  return { endContent: text, txns }
}
