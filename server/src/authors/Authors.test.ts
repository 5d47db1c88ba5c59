/** How authors are listed: most text first, and never two whose colours read as one. */
import { PRESENCE_COLORS } from '@copydesk/shared/api'
import { describe, expect, it } from 'vitest'
import { colorDistance, presentAuthors, UNKNOWN_AUTHOR_COLOR } from './Authors.js'

const [red, blue, green, , amber, teal, pink, indigo, , slate] = PRESENCE_COLORS

describe('presentAuthors', () => {
  it('lists the most text first, each keeping their colour when it stands apart', () => {
    const users = new Map([
      ['camille', { displayName: 'Camille Laurent', color: red }],
      ['hugo', { displayName: 'Hugo Bernard', color: blue }],
    ])
    const signs = new Map<string | null, number>([
      ['hugo', 12],
      [null, 3],
      ['camille', 40],
    ])
    expect(presentAuthors(signs, users)).toEqual([
      { id: 'camille', name: 'Camille Laurent', color: red, signs: 40 },
      { id: 'hugo', name: 'Hugo Bernard', color: blue, signs: 12 },
      { id: null, name: null, color: UNKNOWN_AUTHOR_COLOR, signs: 3 },
    ])
  })

  it.each([
    ['the same colour', red, red],
    ['blue and indigo', blue, indigo],
    ['red and pink', red, pink],
    ['green and teal', green, teal],
  ])('gives the second of two people with %s one that stands apart', (_what, first, second) => {
    const users = new Map([
      ['camille', { displayName: 'Camille Laurent', color: first! }],
      ['hugo', { displayName: 'Hugo Bernard', color: second! }],
    ])
    const [a, b] = presentAuthors(
      new Map([
        ['camille', 2],
        ['hugo', 1],
      ]),
      users,
    )
    expect(a!.color).toBe(first)
    expect(b!.color).not.toBe(second)
    expect(colorDistance(a!.color, b!.color)).toBeGreaterThanOrEqual(130)
    expect(colorDistance(b!.color, UNKNOWN_AUTHOR_COLOR)).toBeGreaterThanOrEqual(130)
  })

  it('keeps slate away from the grey of unknown text, and amber as it is', () => {
    const users = new Map([
      ['camille', { displayName: 'Camille Laurent', color: slate! }],
      ['hugo', { displayName: 'Hugo Bernard', color: amber! }],
    ])
    const listed = presentAuthors(new Map([['camille', 1], ['hugo', 1]]), users)
    expect(listed.find((author) => author.id === 'camille')!.color).not.toBe(slate)
    expect(listed.find((author) => author.id === 'hugo')!.color).toBe(amber)
  })
})
