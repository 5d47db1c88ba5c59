export { STORY_FIELDS, SUBHEAD_LEVELS, FIELD_EXTENSIONS, bodyExtensions, fieldSchema, headlineExtensions, standfirstExtensions } from './fields.js'
export type { StoryField } from './fields.js'
export { Quote, QuoteAttribution } from './Quote.js'
export { isSafeHref, normalizeHref } from './safeUrl.js'
// The commands each extension adds to TipTap (toggleBold, setLink…) are declared by its
// package; re-exporting a type from each makes those declarations reach every editor
// that uses this schema.
export type { BoldOptions } from '@tiptap/extension-bold'
export type { ItalicOptions } from '@tiptap/extension-italic'
export type { LinkOptions } from '@tiptap/extension-link'
export type { HeadingOptions } from '@tiptap/extension-heading'
export type { ParagraphOptions } from '@tiptap/extension-paragraph'
export type { BulletListOptions, OrderedListOptions } from '@tiptap/extension-list'
export type { HorizontalRuleOptions } from '@tiptap/extension-horizontal-rule'
export type { HardBreakOptions } from '@tiptap/extension-hard-break'
export type { BlockquoteOptions } from '@tiptap/extension-blockquote'
