/** Stories as the REST API speaks of them. */
import { z } from 'zod'
import { MAX_HEADLINE_CHARS } from '../limits.js'
import { STORY_STATUSES } from '../workflow/statuses.js'

export const StoryStatus = z.enum(STORY_STATUSES)

/** Story ids are random, URL-safe, and the room name of the story's document. */
export const STORY_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
export const StoryId = z.string().regex(STORY_ID_PATTERN, 'Not a story id')

export const Section = z.object({
  id: z.string(),
  name: z.string(),
  /** Names from the outermost section down to this one: ["Actualités", "International"]. */
  path: z.array(z.string()),
})
export type Section = z.infer<typeof Section>

export const CreateStoryRequest = z
  .object({
    headline: z.string().trim().max(MAX_HEADLINE_CHARS).optional(),
    /** A section id (see `GET /api/sections`). */
    section: z.string().min(1).max(120).optional(),
  })
  .strict()
export type CreateStoryRequest = z.infer<typeof CreateStoryRequest>

export const StoryLength = z.object({ words: z.number().int(), signs: z.number().int() })

export const BylineAuthor = z.object({
  userId: z.string().nullable(),
  name: z.string(),
  bio: z.string(),
})
export type BylineAuthor = z.infer<typeof BylineAuthor>

export const Story = z.object({
  id: z.string(),
  headline: z.string(),
  status: StoryStatus,
  section: Section.nullable(),
  byline: z.array(BylineAuthor),
  length: StoryLength,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Story = z.infer<typeof Story>

export const StoryListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export type StoryListQuery = z.infer<typeof StoryListQuery>
