import { describe, expect, it } from 'vitest'
import { NBSP, NNBSP, frenchTypography } from './typography.js'

describe('French typography', () => {
  it('puts the right no-break space before : ; ! ?', () => {
    expect(frenchTypography('Coup de théâtre géopolitique : Poutine')).toBe(`Coup de théâtre géopolitique${NBSP}: Poutine`)
    expect(frenchTypography('Un Nouveau Chapitre en Ukraine ?')).toBe(`Un Nouveau Chapitre en Ukraine${NNBSP}?`)
    expect(frenchTypography('Vraiment?! Oui; non!')).toBe(`Vraiment${NNBSP}?! Oui${NNBSP}; non${NNBSP}!`)
    expect(frenchTypography('à 12:30 précises')).toBe('à 12:30 précises')
  })

  it('turns quotes into « guillemets » with narrow spaces inside, even a broken pair', () => {
    expect(frenchTypography('a déclaré “ne pas écarter” la possibilité')).toBe(`a déclaré «${NNBSP}ne pas écarter${NNBSP}» la possibilité`)
    expect(frenchTypography('qualifiant cette perspective d\'”extrêmement préoccupante”.')).toBe(`qualifiant cette perspective d’«${NNBSP}extrêmement préoccupante${NNBSP}».`)
    expect(frenchTypography('« déjà bien »')).toBe(`«${NNBSP}déjà bien${NNBSP}»`)
    expect(frenchTypography('"tout droit"')).toBe(`«${NNBSP}tout droit${NNBSP}»`)
  })

  it('makes apostrophes typographic and three dots an ellipsis', () => {
    expect(frenchTypography("l'Ukraine, aujourd'hui...")).toBe('l’Ukraine, aujourd’hui…')
  })

  it('leaves a bare address alone', () => {
    expect(frenchTypography('https://example.org/a?b=c')).toBe('https://example.org/a?b=c')
  })
})
