/** What the story page and the card say of a published story's unpublished changes. */
import type { Story } from '@copydesk/shared/api'
import type { TFunction } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { testT } from '../i18n/testing.js'
import { lengthFacts, unpublishedChangesFacts } from './storyFacts.js'

let t: TFunction
beforeAll(async () => {
  t = await testT('en')
})

const BASE: Story = {
  id: 'story-0001',
  headline: 'Inondations dans le Var',
  status: 'published',
  section: null,
  byline: [],
  length: { words: 120, signs: 700 },
  createdBy: null,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  slug: 'inondations',
  tags: [],
  assignees: [],
  deadline: null,
  lengthTarget: null,
  priority: 'normal',
  internalNote: '',
  publishAt: null,
  lastNote: null,
  language: 'fr',
  publicUrl: 'http://localhost/p/articles/inondations-story-0001',
  firstPublishedAt: new Date().toISOString(),
  unpublishedChanges: null,
  spike: null,
}

describe('unpublishedChangesFacts', () => {
  it('says nothing when readers have the working copy, or when the story is not live', () => {
    expect(unpublishedChangesFacts(t, BASE)).toBeNull()
    const changes = { sinceVersion: 1, wordsAdded: 3, wordsRemoved: 0 }
    expect(unpublishedChangesFacts(t, { ...BASE, status: 'unpublished', unpublishedChanges: changes })).toBeNull()
  })

  it('counts words added and removed since the live version, in the singular for one', () => {
    const facts = unpublishedChangesFacts(t, { ...BASE, unpublishedChanges: { sinceVersion: 2, wordsAdded: 1042, wordsRemoved: 1 } })
    expect(facts?.label).toMatch(/^\+1.042 words \/ −1 word$/)
    expect(facts?.detail).toContain('version 2')
  })

  it('names a change that adds and removes no word (a mark, a paragraph split)', () => {
    expect(unpublishedChangesFacts(t, { ...BASE, unpublishedChanges: { sinceVersion: 1, wordsAdded: 0, wordsRemoved: 0 } })?.label).toBe('no word changed: formatting or layout')
  })
})

describe('in French', () => {
  let fr: TFunction
  beforeAll(async () => {
    fr = await testT('fr')
  })

  it('says the changes in French, one word in the singular, numbers grouped the French way', () => {
    const facts = unpublishedChangesFacts(fr, { ...BASE, unpublishedChanges: { sinceVersion: 2, wordsAdded: 1042, wordsRemoved: 1 } })
    // Intl groups French thousands with a narrow no-break space (U+202F) under the French locale.
    expect(facts?.label).toBe('+1\u202f042 mots / −1 mot')
    expect(facts?.detail).toContain('la version 2')
  })

  it('counts signes against the target', () => {
    expect(lengthFacts(fr, { ...BASE, lengthTarget: { value: 3500, unit: 'signs' }, length: { words: 500, signs: 3200 } }).label).toBe('3\u202f200 / 3\u202f500 signes')
  })
})
