/**
 * A story's place in the newsroom's workflow, from first draft to publication.
 * The transition table (who may move a story from where to where) builds on these.
 */
export const STORY_STATUSES = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'unpublished', 'spiked'] as const
export type StoryStatus = (typeof STORY_STATUSES)[number]

export const ROLES = ['reporter', 'editor', 'admin'] as const
export type Role = (typeof ROLES)[number]
