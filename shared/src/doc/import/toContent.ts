/**
 * Turns what an importer read into story content for `writeStoryContent`. The bio and the
 * section are not document content: they belong to the byline and the story's metadata.
 */
import type { StoryContent } from '../content.js'
import type { ImportedStory } from './plainText.js'

export function importedToContent(imported: ImportedStory): StoryContent {
  return {
    headline: imported.headline,
    standfirst: imported.standfirst,
    body: imported.body,
  }
}
