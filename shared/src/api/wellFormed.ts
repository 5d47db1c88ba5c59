/**
 * Text the newsroom can store: no NUL (C strings, SQLite tools and XML cut text there) and
 * no lone UTF-16 surrogate (`"a\ud800b"` is valid JSON but not Unicode: it is stored
 * mangled or breaks the next encoder). Checked on every request body and query before its
 * schema, so one rule covers every field, present and future. Not for document content:
 * the editor's text travels as Yjs updates, not through here.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export interface MalformedText {
  /** Where, as `a.b.0.c` (`(body)` for the body itself). */
  path: string
  message: string
}

function problemOf(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character, which text may not hold'
  if (LONE_SURROGATE.test(text)) return 'contains a lone surrogate, which is not a Unicode character'
  return null
}

/** The first string (value or key) in `value` that is not storable text, or null. */
export function findMalformedText(value: unknown, path: readonly (string | number)[] = []): MalformedText | null {
  const at = (keys: readonly (string | number)[]) => (keys.length > 0 ? keys.join('.') : '(body)')
  if (typeof value === 'string') {
    const problem = problemOf(value)
    return problem ? { path: at(path), message: problem } : null
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findMalformedText(value[index], [...path, index])
      if (found) return found
    }
    return null
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = problemOf(key)
      if (keyProblem) return { path: at([...path, key]), message: `its name ${keyProblem}` }
      const found = findMalformedText(item, [...path, key])
      if (found) return found
    }
  }
  return null
}
