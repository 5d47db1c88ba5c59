export {
  InvalidContentError,
  createStoryDocument,
  readStoryContent,
  readStoryField,
  storyFragment,
  validateStoryContent,
  writeStoryContent,
} from './content.js'
export type { DocNode, StoryContent } from './content.js'
export { fieldBlocks, fieldText, measureStory, measureText } from './text.js'
export type { StoryLength, TextLength } from './text.js'
export { importPlainText } from './import/plainText.js'
export type { ImportedStory, PlainTextImportOptions } from './import/plainText.js'
export { importedToContent } from './import/toContent.js'
export { importMarkdown, parseInline } from './import/markdown.js'
export { escapeHtml, plainText, renderBlocks, renderInlineContent } from './render/html.js'
export type { RenderOptions } from './render/html.js'
export { storyToMarkdown } from './render/markdown.js'
export type { MarkdownStory } from './render/markdown.js'
export { NBSP, NNBSP, frenchTypography, opensQuote } from './render/typography.js'
export { importHtml } from './import/html.js'
