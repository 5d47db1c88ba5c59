/** `truncate`, which makes the page's descriptions: white space collapsed, French no-break spaces kept. */
import { NBSP, NNBSP } from '@copydesk/shared/doc'
import { describe, expect, it } from 'vitest'
import { truncate } from './page.js'

describe('truncate', () => {
  it('collapses runs of spaces, tabs and line breaks, and trims, but keeps U+00A0 and U+202F', () => {
    expect(truncate(`  Coup de théâtre${NBSP}:\n\tla  «${NNBSP}décision${NNBSP}» `, 300)).toBe(`Coup de théâtre${NBSP}: la «${NNBSP}décision${NNBSP}»`)
  })

  it('leaves a no-break space at the edges alone (it is not white space to trim)', () => {
    expect(truncate(`${NBSP}?`, 10)).toBe(`${NBSP}?`)
  })

  it('cuts at a word boundary with an ellipsis, never at a no-break space', () => {
    const text = `Une décision lourde de conséquences${NBSP}: la péninsule coréenne`
    const cut = truncate(text, 40)
    expect([...cut].length).toBeLessThanOrEqual(40)
    expect(cut).toBe(`Une décision lourde de conséquences${NBSP}:…`)
    // Where the cut would fall between a word and its colon, the pair goes together.
    expect(truncate(text, 38)).toBe('Une décision lourde de…')
    expect(truncate(text, 200)).toBe(text)
  })
})
