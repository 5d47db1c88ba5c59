import { describe, expect, it } from 'vitest'
import { chooseCoding } from './client.js'

describe('chooseCoding', () => {
  const both = ['br', 'gzip'] as const
  it('prefers Brotli, then gzip, among what the client accepts', () => {
    expect(chooseCoding('gzip, deflate, br', both)).toBe('br')
    expect(chooseCoding('gzip', both)).toBe('gzip')
    expect(chooseCoding('x-gzip', both)).toBe('gzip')
    expect(chooseCoding('BR', both)).toBe('br')
    expect(chooseCoding('br', ['gzip'])).toBeNull()
  })

  it('follows q-values: 0 refuses, a higher weight wins, * stands for the others', () => {
    expect(chooseCoding('br;q=0, gzip', both)).toBe('gzip')
    expect(chooseCoding('br;q=0.5, gzip;q=0.8', both)).toBe('gzip')
    expect(chooseCoding('br; q=0, gzip;q=0', both)).toBeNull()
    expect(chooseCoding('*', both)).toBe('br')
    expect(chooseCoding('*;q=0, gzip', both)).toBe('gzip')
    expect(chooseCoding('identity', both)).toBeNull()
  })

  it('sends the file itself without a header, an empty one or nonsense', () => {
    expect(chooseCoding(undefined, both)).toBeNull()
    expect(chooseCoding('', both)).toBeNull()
    expect(chooseCoding(',,;;', both)).toBeNull()
    expect(chooseCoding('br;q=abc', both)).toBeNull()
    expect(chooseCoding('gzip', [])).toBeNull()
  })
})
