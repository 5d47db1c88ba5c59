export { ROLES, STORY_STATUSES } from './statuses.js'
export type { Role, StoryStatus } from './statuses.js'
export { canEditText, readOnlyReason } from './access.js'
export type { TextAccessInput } from './access.js'
