import { describe, expect, it } from 'vitest'
import { SLUG_PATTERN, slugify } from './stories.js'

describe('slugify', () => {
  it('folds accents, case, apostrophes and punctuation into a slug', () => {
    expect(slugify('La Russie Ouvre la Porte à la Fourniture d’Armes !')).toBe('la-russie-ouvre-la-porte-a-la-fourniture-d-armes')
    expect(slugify('Économie')).toBe('economie')
    expect(slugify('  -- ')).toBe('')
  })

  it('cuts to a length without leaving a hyphen at the end', () => {
    const slug = slugify('Canicule : douze départements placés en vigilance orange', 20)
    expect(slug).toBe('canicule-douze-depar')
    expect(slugify('abc def', 4)).toBe('abc')
    expect(SLUG_PATTERN.test(slugify('Un Nouveau Chapitre dans la Guerre en Ukraine ?', 30))).toBe(true)
  })
})
