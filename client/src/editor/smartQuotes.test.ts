import { describe, expect, it } from 'vitest'
import { frenchTypography } from '@copydesk/shared/doc'
import { typographicQuote, type StraightQuote } from './smartQuotes.js'

/** Types `text` character by character, replacing straight quotes as the editor does. */
function type(text: string, language: string): string {
  let out = ''
  for (const ch of text) out += ch === '"' || ch === "'" ? typographicQuote(ch as StraightQuote, out.length > 0 ? out[out.length - 1] : undefined, language) : ch
  return out
}

describe('typographicQuote in French', () => {
  it('opens and closes guillemets with narrow no-break spaces inside', () => {
    expect(type('Il a dit "non" hier.', 'fr')).toBe('Il a dit «\u202fnon\u202f» hier.')
    expect(type('"Oui"', 'fr')).toBe('«\u202fOui\u202f»')
    expect(type('("entre")', 'fr')).toBe('(«\u202fentre\u202f»)')
  })

  it('makes every straight single quote an apostrophe', () => {
    expect(type("l'Ukraine et aujourd'hui", 'fr')).toBe('l’Ukraine et aujourd’hui')
    expect(type("d'\"extrêmement préoccupante\"", 'fr')).toBe('d’«\u202fextrêmement préoccupante\u202f»')
  })

  it('gives what the reader page shows for the same typing', () => {
    for (const typed of ['Selon l\'AFP, "le bilan s\'alourdit".', '"Nous verrons", a-t-il dit.', 'Un "mot" et l\'autre']) {
      expect(type(typed, 'fr')).toBe(frenchTypography(typed))
    }
  })
})

describe('typographicQuote in English', () => {
  it('uses curly double quotes', () => {
    expect(type('She said "no" today.', 'en')).toBe('She said “no” today.')
  })

  it('uses an apostrophe inside words and a single opening quote after a space', () => {
    expect(type("it's the 'best' one", 'en')).toBe('it’s the ‘best’ one')
  })
})
