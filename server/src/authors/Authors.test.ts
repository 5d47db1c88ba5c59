/** How authors are listed: most text first, and never two with the same colour. */
import { PRESENCE_COLORS } from '@copydesk/shared/api'
import { describe, expect, it } from 'vitest'
import { presentAuthors, UNKNOWN_AUTHOR_COLOR } from './Authors.js'

describe('presentAuthors', () => {
  it('lists the most text first and gives someone whose colour is taken the first free one', () => {
    const red = PRESENCE_COLORS[0]
    const users = new Map([
      ['camille', { displayName: 'Camille Laurent', color: red }],
      ['hugo', { displayName: 'Hugo Bernard', color: red }],
    ])
    const signs = new Map<string | null, number>([
      ['hugo', 12],
      [null, 3],
      ['camille', 40],
    ])
    expect(presentAuthors(signs, users)).toEqual([
      { id: 'camille', name: 'Camille Laurent', color: red, signs: 40 },
      { id: 'hugo', name: 'Hugo Bernard', color: PRESENCE_COLORS[1], signs: 12 },
      { id: null, name: null, color: UNKNOWN_AUTHOR_COLOR, signs: 3 },
    ])
  })
})
