/** Records for tests that write to storage directly: a story as `stories.create` takes it, with what a test says over it. */
import type { NewStory } from '../storage/Storage.js'

export function newStory(overrides: Partial<NewStory> & Pick<NewStory, 'id'>): NewStory {
  return {
    headline: '',
    status: 'draft',
    sectionId: null,
    byline: [],
    words: 0,
    signs: 0,
    createdBy: null,
    createdAt: new Date().toISOString(),
    ...overrides,
  }
}
