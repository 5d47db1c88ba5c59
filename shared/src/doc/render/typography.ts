/**
 * French typography, applied when a story is rendered for readers (the stored text keeps
 * what people typed): typographic apostrophes, « guillemets » with narrow no-break spaces
 * inside, a no-break space before `:` and a narrow one before `; ! ?`, and the ellipsis.
 * The seed article is the test case: it mixes “English quotes”, straight ' apostrophes, and a
 * broken pair (d'”extrêmement préoccupante”).
 */

/** U+202F, the narrow no-break space (espace fine insécable). */
export const NNBSP = '\u202f'
/** U+00A0, the no-break space (espace insécable), before a colon. */
export const NBSP = '\u00a0'

const DOUBLE_QUOTES = new Set(['"', '“', '”', '„', '«', '»'])
const URLISH = /\b(?:https?|mailto):|www\.|\S+@\S+\.\S/i

/**
 * A double quote opens when nothing, a space, an opening bracket or an apostrophe precede it.
 * The editor's typographic quotes ask the same question as people type.
 */
export function opensQuote(previous: string | undefined): boolean {
  return previous === undefined || /[\s([{\u2019'\u00a0\u202f—–-]/u.test(previous)
}

export function frenchTypography(text: string): string {
  if (URLISH.test(text) && !/\s/.test(text.trim())) return text
  let out = ''
  const chars = [...text]
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!
    const previous = out.length > 0 ? out[out.length - 1] : undefined
    if (ch === "'") {
      // In French prose a straight single quote is an apostrophe (l'Ukraine, aujourd'hui).
      out += '’'
      continue
    }
    if (DOUBLE_QUOTES.has(ch)) {
      if (ch === '«' || (ch !== '»' && opensQuote(previous))) {
        out += `«${NNBSP}`
        // Drop the spaces typed after an opening quote: the narrow space replaces them.
        while (chars[i + 1] !== undefined && /[ \u00a0\u202f]/.test(chars[i + 1]!)) i++
      } else {
        out = out.replace(/[ \u00a0\u202f]+$/u, '')
        out += `${NNBSP}»`
      }
      continue
    }
    if (ch === ';' || ch === '!' || ch === '?' || ch === ':') {
      const space = ch === ':' ? NBSP : NNBSP
      // Not inside times (12:30) or after nothing.
      const next = chars[i + 1]
      if (ch === ':' && previous !== undefined && /\d/.test(previous) && next !== undefined && /\d/.test(next)) {
        out += ch
        continue
      }
      if (previous === undefined) {
        out += ch
        continue
      }
      out = out.replace(/[ \u00a0\u202f]+$/u, '')
      // Several marks in a row (?!) share one space.
      out += /[;!?:]$/.test(out) ? ch : `${space}${ch}`
      continue
    }
    if (ch === '.' && chars[i + 1] === '.' && chars[i + 2] === '.') {
      out += '…'
      i += 2
      continue
    }
    out += ch
  }
  return out
}
