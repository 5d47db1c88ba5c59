/**
 * Which link targets a story may hold. Editor, importer and publisher all ask this one
 * function, so a `javascript:` or `data:` URL typed, pasted or imported never survives.
 * Only absolute http, https and mailto URLs pass: a newsroom links out to sources and
 * readers, never to scripts.
 */

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** Control characters and whitespace browsers strip before reading a scheme (`java\tscript:`). */
// eslint-disable-next-line no-control-regex
const STRIPPED_BY_BROWSERS = /[\u0000-\u0020\u007f-\u009f]/g

export function isSafeHref(href: string | null | undefined): boolean {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2048) return false
  let url: URL
  try {
    url = new URL(href.replace(STRIPPED_BY_BROWSERS, ''))
  } catch {
    return false
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return false
  if (url.protocol === 'mailto:') return url.pathname.includes('@')
  return url.hostname.length > 0
}

/**
 * Turns what a user typed into a link target, or null when it is not safe:
 * `lemonde.fr/article` becomes `https://lemonde.fr/article`, `a@b.fr` a mailto link.
 */
export function normalizeHref(input: string): string | null {
  const trimmed = input.trim()
  if (trimmed === '') return null
  if (isSafeHref(trimmed)) return trimmed
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(trimmed)) return `mailto:${trimmed}`
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    const guess = `https://${trimmed.replace(/^\/+/, '')}`
    return isSafeHref(guess) ? guess : null
  }
  return null
}
