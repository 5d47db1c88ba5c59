import { describe, expect, it } from 'vitest'
import { findMalformedText } from './wellFormed.js'

describe('findMalformedText', () => {
  it('accepts ordinary text, French typography and astral characters', () => {
    expect(findMalformedText({ headline: 'L’été « brûlant » à Pyongyang', tags: ['Corée du Nord'], emoji: 'Fin 🗞️', n: 3, none: null })).toBeNull()
  })

  it('names the field that holds a NUL or a lone surrogate', () => {
    expect(findMalformedText({ headline: 'a\u0000b' })).toEqual({ path: 'headline', message: expect.stringMatching(/NUL/) })
    expect(findMalformedText({ byline: [{ name: 'ok' }, { name: 'a\ud800b' }] })).toEqual({ path: 'byline.1.name', message: expect.stringMatching(/surrogate/) })
    expect(findMalformedText({ x: 'end\udc00' })?.path).toBe('x')
    expect(findMalformedText({ x: '\udc00\ud800' })?.path).toBe('x')
    expect(findMalformedText('a\u0000')?.path).toBe('(body)')
    expect(findMalformedText({ ['bad\u0000key']: 1 })?.message).toMatch(/name/)
  })
})
