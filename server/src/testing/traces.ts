/**
 * The editing traces in `../shared/traces/` (CC BY 4.0, from josephg/editing-traces). They
 * live beside the repository, not in it: a clone without them skips the tests that use
 * them, and says so.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

export interface SequentialTrace {
  startContent: string
  endContent: string
  txns: { time?: string; patches: [number, number, string][] }[]
}

export const TRACES_DIR = fileURLToPath(new URL('../../../../shared/traces/', import.meta.url))

export function tracePath(name: string): string {
  return `${TRACES_DIR}${name}`
}

export function hasTrace(name: string): boolean {
  return existsSync(tracePath(name))
}

export function loadTrace(name: string): SequentialTrace {
  return JSON.parse(gunzipSync(readFileSync(tracePath(name))).toString('utf8')) as SequentialTrace
}

/** Printed by tests that skip because the traces are not beside the repository. */
export function skipNotice(name: string): string {
  return `SKIPPED: ${tracePath(name)} is not there (the editing traces sit beside the repository in CI, not in a clone)`
}
