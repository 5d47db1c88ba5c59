/**
 * What someone typed in the search box, as an FTS5 query that cannot fail to parse.
 *
 * FTS5 has its own syntax (`"…"`, `*`, `-`, `^`, `:`, `NEAR(…)`, `AND`/`OR`/`NOT`,
 * parentheses), and a query that breaks it is an SQL error. So nothing typed is passed
 * through as syntax: the text is cut into words (letters and digits, as the `unicode61`
 * tokenizer sees them), each word becomes a quoted string with a prefix star, so that
 * results come while typing ("Pyong" finds "Pyongyang"), and all must match. A passage in
 * double quotes, when the quotes are balanced, is kept as a phrase.
 */

/** More words than this make a slow query and no better results. */
export const MAX_QUERY_TERMS = 12

const NOT_TOKEN = /[^\p{L}\p{N}\p{Co}]+/gu

function words(text: string): string[] {
  return text.normalize('NFC').replace(NOT_TOKEN, ' ').trim().split(' ').filter(Boolean)
}

/** One term: a word or a phrase, quoted; prefix-matched unless it is a single letter. */
function term(tokens: string[]): string {
  const quoted = `"${tokens.join(' ')}"`
  const last = tokens[tokens.length - 1]!
  return [...last].length > 1 ? `${quoted}*` : quoted
}

/** The FTS5 query for `text`, or null when it has no word to look for (only punctuation). */
export function toFtsQuery(text: string): string | null {
  const terms: string[] = []
  const parts = text.split('"')
  // Odd parts were inside quotes; an unbalanced last quote leaves an even count: plain words.
  const balanced = parts.length % 2 === 1
  parts.forEach((part, index) => {
    const tokens = words(part)
    if (tokens.length === 0) return
    if (balanced && index % 2 === 1) terms.push(term(tokens))
    else for (const token of tokens) terms.push(term([token]))
  })
  return terms.length === 0 ? null : terms.slice(0, MAX_QUERY_TERMS).join(' ')
}
