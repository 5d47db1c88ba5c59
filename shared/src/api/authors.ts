/**
 * Who wrote what (`GET /api/stories/:id/authors`): a story's text, field by field and block
 * by block, cut into runs each written by one account. Authorship comes from the server's
 * own record of which account sent each Yjs client id, never from anything a client wrote
 * into the document. When two states are compared, runs also say what the newer one added
 * and what it deleted (deleted text is kept, to be shown struck through).
 */
import { z } from 'zod'

/** A stretch of text written by one account; `author` null: the server does not know who (seeded, imported, or a deleted account). */
export const AuthorRun = z.object({
  text: z.string(),
  author: z.string().nullable(),
  /** Only when comparing two states: present in the newer only, or in the older only. */
  change: z.enum(['inserted', 'deleted']).optional(),
})
export type AuthorRun = z.infer<typeof AuthorRun>

/** The text blocks of the article schema, and where they sit. */
export const AUTHOR_BLOCK_TYPES = ['paragraph', 'heading', 'quoteAttribution'] as const
export const AUTHOR_BLOCK_CONTAINERS = ['bulletList', 'orderedList', 'blockquote'] as const

export const AuthorBlock = z.object({
  type: z.enum(AUTHOR_BLOCK_TYPES),
  /** A subhead's level. */
  level: z.number().int().optional(),
  /** The innermost list or quote the block is in; null at the top. */
  within: z.enum(AUTHOR_BLOCK_CONTAINERS).nullable(),
  /** The whole block is gone in the newer state (comparisons only). */
  deleted: z.boolean().optional(),
  runs: z.array(AuthorRun),
})
export type AuthorBlock = z.infer<typeof AuthorBlock>

export const AuthoredFields = z.object({
  headline: z.array(AuthorBlock),
  standfirst: z.array(AuthorBlock),
  body: z.array(AuthorBlock),
})
export type AuthoredFields = z.infer<typeof AuthoredFields>

/** Someone whose text is in the story, with how much of it is theirs. */
export const StoryAuthor = z.object({
  /** The account; null: text nobody is known to have written. */
  id: z.string().nullable(),
  name: z.string().nullable(),
  /** Distinct within one answer, readable as text on white. */
  color: z.string(),
  /** Characters of the current text that are theirs (*signes*, code points). */
  signs: z.number().int().nonnegative(),
})
export type StoryAuthor = z.infer<typeof StoryAuthor>

export const StoryAuthorsResponse = z.object({
  storyId: z.string(),
  fields: AuthoredFields,
  /** Most text first. */
  authors: z.array(StoryAuthor),
})
export type StoryAuthorsResponse = z.infer<typeof StoryAuthorsResponse>
