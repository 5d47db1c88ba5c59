export { STORY_FIELDS, SUBHEAD_LEVELS, FIELD_EXTENSIONS, bodyExtensions, fieldSchema, headlineExtensions, standfirstExtensions } from './fields.js'
export type { StoryField } from './fields.js'
export { Quote, QuoteAttribution } from './Quote.js'
export { isSafeHref, normalizeHref } from './safeUrl.js'
