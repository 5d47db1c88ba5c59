export {
  InvalidContentError,
  createStoryDocument,
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
