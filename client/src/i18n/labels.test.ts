/** The labels chosen at run time: the workflow's, and the broker's read-only reasons, in each language. */
import { beforeAll, describe, expect, it } from 'vitest'
import { readOnlyReason, TRANSITIONS } from '@copydesk/shared/workflow'
import { readOnlyText, statusLabel, transitionLabel } from './labels.js'
import { testT } from './testing.js'

describe('run-time labels', () => {
  beforeAll(async () => {
    await testT('fr')
  })

  it('names statuses and moves in French newsroom words, never the workflow’s English', async () => {
    const t = await testT('fr')
    expect(['draft', 'submitted', 'approved', 'scheduled', 'published', 'unpublished', 'spiked'].map((status) => statusLabel(t, status))).toEqual([
      'Brouillon',
      'Transmis',
      'Validé',
      'Programmé',
      'Publié',
      'Dépublié',
      'Au panier',
    ])
    for (const rule of TRANSITIONS) expect(transitionLabel(t, rule)).not.toBe(rule.label)
  })

  it('translates each read-only reason the broker gives; an unknown one is shown as sent', async () => {
    const t = await testT('fr')
    expect(readOnlyText(t, readOnlyReason({ role: 'reporter', status: 'approved', isAssigned: true }))).toBe('Le papier est maintenant au desk : vous pouvez le suivre, pas le modifier.')
    expect(readOnlyText(t, readOnlyReason({ role: 'reporter', status: 'spiked', isAssigned: true }))).toMatch(/^Ce papier a été mis au panier/)
    expect(readOnlyText(t, 'Some new reason.')).toBe('Some new reason.')
    const en = await testT('en')
    expect(readOnlyText(en, readOnlyReason({ role: 'reporter', status: 'draft', isAssigned: false }))).toBe(readOnlyReason({ role: 'reporter', status: 'draft', isAssigned: false }))
  })
})
