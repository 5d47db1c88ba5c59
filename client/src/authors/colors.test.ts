import { describe, expect, it } from 'vitest'
import { PRESENCE_COLORS } from '@copydesk/shared/api'
import { contrastRatio, tint } from './colors.js'

// The grey of text nobody is known to have written (server/src/authors/Authors.ts).
const UNKNOWN = '#5f6368'

describe('the authors view’s colours', () => {
  it('tints over white', () => {
    expect(tint('#000000', 0.1)).toBe('#e6e6e6')
    expect(tint('#0b57d0', 0)).toBe('#ffffff')
  })

  it.each([...PRESENCE_COLORS, UNKNOWN])('%s is readable on its own tint (4.5:1)', (color) => {
    expect(contrastRatio(color, tint(color))).toBeGreaterThanOrEqual(4.5)
  })
})
