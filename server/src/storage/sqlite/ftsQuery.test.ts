import { describe, expect, it } from 'vitest'
import { MAX_QUERY_TERMS, toFtsQuery } from './ftsQuery.js'

describe('toFtsQuery', () => {
  it('quotes each word, prefix-matched, all required', () => {
    expect(toFtsQuery('Pyongyang')).toBe('"Pyongyang"*')
    expect(toFtsQuery('  corée   du nord ')).toBe('"corée"* "du"* "nord"*')
    // A single letter is matched whole: "l" as a prefix would match half the dictionary.
    expect(toFtsQuery("l'aube")).toBe('"l" "aube"*')
  })

  it('turns every FTS5 operator into plain words', () => {
    expect(toFtsQuery('NEAR(a b)')).toBe('"NEAR"* "a" "b"')
    expect(toFtsQuery('-Pyongyang')).toBe('"Pyongyang"*')
    expect(toFtsQuery('body:poutine ^x a+b')).toBe('"body"* "poutine"* "x" "a" "b"')
    expect(toFtsQuery('kim AND jong OR NOT un')).toBe('"kim"* "AND"* "jong"* "OR"* "NOT"* "un"*')
  })

  it('keeps a phrase in balanced quotes, and reads an unbalanced quote as a space', () => {
    expect(toFtsQuery('"vent glacial" Kremlin')).toBe('"vent glacial"* "Kremlin"*')
    expect(toFtsQuery('"vent glacial')).toBe('"vent"* "glacial"*')
    expect(toFtsQuery('a "b c" "d')).toBe('"a" "b" "c" "d"')
  })

  it('has nothing to look for in punctuation alone', () => {
    for (const text of ['', '   ', '"', '""', '*', '-', '()', '"*"', '\u0002']) expect(toFtsQuery(text), text).toBeNull()
  })

  it(`keeps the first ${MAX_QUERY_TERMS} terms`, () => {
    const words = Array.from({ length: 30 }, (_, index) => `mot${index}`)
    expect(toFtsQuery(words.join(' '))!.split(' ')).toHaveLength(MAX_QUERY_TERMS)
  })
})
