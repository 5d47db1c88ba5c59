/**
 * The published standards in `../shared/standards/` (schemas that others publish, copied
 * byte for byte), for tests that check our output against the standard itself. They live
 * beside the repository, not in it: a clone without them skips those tests, and says so.
 * `COPYDESK_STANDARDS_DIR` points elsewhere (a checkout whose parent has no shared/).
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const STANDARDS_DIR = process.env.COPYDESK_STANDARDS_DIR
  ? `${process.env.COPYDESK_STANDARDS_DIR.replace(/\/+$/, '')}/`
  : fileURLToPath(new URL('../../../../shared/standards/', import.meta.url))

export function standardPath(name: string): string {
  return `${STANDARDS_DIR}${name}`
}

export function hasStandard(...names: string[]): boolean {
  return names.every((name) => existsSync(standardPath(name)))
}

export function loadStandard(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(standardPath(name), 'utf8')) as Record<string, unknown>
}

/** Printed by tests that skip because the standards are not beside the repository. */
export function standardsSkipNotice(...names: string[]): string {
  return `SKIPPED: ${names.map(standardPath).join(', ')} not there (the published standards sit beside the repository in CI, not in a clone)`
}
