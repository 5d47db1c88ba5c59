/**
 * How a story's working copy is compared with its live version: a fingerprint of the
 * content both are read as (headline, standfirst and body through the article schema, the
 * form a publication freezes), and the words added and removed between them. Pure, so that
 * the live comparison (`WorkingCopies`) and its tests agree on what "differs" means.
 *
 * Not compared: metadata (byline, tags, section), which readers also get from a
 * publication but which is edited in the details, not typed into the text.
 */
import { createHash } from 'node:crypto'
import type { DocNode, StoryContent } from '@copydesk/shared/doc'

/**
 * Equal for equal content, whatever the document's edit history: the schema's JSON of each
 * field, as `readStoryContent` reads it and as a version stores it.
 */
export function contentFingerprint(content: StoryContent): string {
  return createHash('sha256').update(JSON.stringify([content.headline, content.standfirst, content.body])).digest('base64url')
}

const WORD = /[\p{L}\p{N}]/u

function collectText(nodes: readonly DocNode[] | undefined, out: string[]): void {
  for (const node of nodes ?? []) {
    if (node.type === 'text' && typeof node.text === 'string') out.push(node.text)
    else if (node.type === 'hardBreak') out.push(' ')
    else {
      // Blocks are separated, so the last word of one and the first of the next stay two.
      out.push(' ')
      collectText(node.content, out)
      out.push(' ')
    }
  }
}

/** Each word of the content and how often it occurs (words as the length counts them). */
export function contentWords(content: StoryContent): Map<string, number> {
  const parts: string[] = [content.headline, ' ']
  collectText(content.standfirst, parts)
  parts.push(' ')
  collectText(content.body, parts)
  const words = new Map<string, number>()
  for (const token of parts.join('').split(/\s+/)) if (WORD.test(token)) words.set(token, (words.get(token) ?? 0) + 1)
  return words
}

/**
 * Words added and removed from `before` to `after`, as multisets: cheap (linear), stable
 * under moves, and what the desk needs to judge the size of an edit before republishing.
 * (A real diff of the text is the review's.)
 */
export function wordChanges(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): { wordsAdded: number; wordsRemoved: number } {
  let wordsAdded = 0
  let wordsRemoved = 0
  for (const [word, count] of after) wordsAdded += Math.max(0, count - (before.get(word) ?? 0))
  for (const [word, count] of before) wordsRemoved += Math.max(0, count - (after.get(word) ?? 0))
  return { wordsAdded, wordsRemoved }
}
