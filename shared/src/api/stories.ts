/** Stories as the REST API speaks of them. */
import { z } from 'zod'
import { MAX_HEADLINE_CHARS, MAX_IMPORT_CHARS } from '../limits.js'
import { SLUG_PATTERN } from './slug.js'
import { ImportNote } from './importNotes.js'
import { STORY_STATUSES } from '../workflow/statuses.js'

export const StoryStatus = z.enum(STORY_STATUSES)

/** What a republication is, for readers: new information, or a correction of an error. */
export const REVISION_KINDS = ['update', 'correction'] as const
export type RevisionKind = (typeof REVISION_KINDS)[number]

/** Story ids are random, URL-safe, and the room name of the story's document. */
export const STORY_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
export const StoryId = z.string().regex(STORY_ID_PATTERN, 'Not a story id')

export const Section = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  /** Names from the outermost section down to this one: ["Actualités", "International"]. */
  path: z.array(z.string()),
})
export type Section = z.infer<typeof Section>

export const SECTION_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const CreateSectionRequest = z
  .object({
    id: z.string().trim().min(1).max(60).regex(SECTION_ID_PATTERN, 'Lower-case letters, digits and hyphens only'),
    name: z.string().trim().min(1).max(80),
    parentId: z.string().max(60).nullable().default(null),
  })
  .strict()
export type CreateSectionRequest = z.infer<typeof CreateSectionRequest>

export const UpdateSectionRequest = z
  .object({ name: z.string().trim().min(1).max(80).optional(), parentId: z.string().max(60).nullable().optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' })
export type UpdateSectionRequest = z.infer<typeof UpdateSectionRequest>

export const CreateStoryRequest = z
  .object({
    headline: z.string().trim().max(MAX_HEADLINE_CHARS).optional(),
    /** A section id (see `GET /api/sections`). */
    section: z.string().min(1).max(120).optional(),
    /** User ids; a reporter creating a story is assigned to it when this is absent. */
    assignees: z.array(z.string().min(1).max(64)).max(10).optional(),
    deadline: z.iso.datetime({ offset: true }).optional(),
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

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export const Priority = z.enum(PRIORITIES)
export type Priority = z.infer<typeof Priority>

export const LengthTarget = z.object({
  value: z.number().int().min(1).max(100_000),
  unit: z.enum(['words', 'signs']),
})
export type LengthTarget = z.infer<typeof LengthTarget>

/** A person as the board and the story page show them. */
export const Person = z.object({ id: z.string(), name: z.string(), color: z.string() })
export type Person = z.infer<typeof Person>

/** The latest note a workflow step carried (a send-back's reasons), shown on the story. */
export const StoryNote = z.object({
  text: z.string(),
  from: StoryStatus,
  to: StoryStatus,
  by: Person.nullable(),
  at: z.string(),
})
export type StoryNote = z.infer<typeof StoryNote>

/**
 * A published story whose working copy no longer says what readers get: the words added
 * and removed since the version that is live (counted over headline, standfirst and body,
 * as a multiset of words: a moved word counts as neither, a changed one as both).
 */
export const UnpublishedChanges = z.object({
  /** The live version the working copy is compared with. */
  sinceVersion: z.number().int(),
  wordsAdded: z.number().int(),
  wordsRemoved: z.number().int(),
})
export type UnpublishedChanges = z.infer<typeof UnpublishedChanges>

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
  slug: z.string(),
  tags: z.array(z.string()),
  assignees: z.array(Person),
  deadline: z.string().nullable(),
  lengthTarget: LengthTarget.nullable(),
  priority: Priority,
  internalNote: z.string(),
  publishAt: z.string().nullable(),
  lastNote: StoryNote.nullable(),
  /** BCP 47 tag of the text ('fr': French typography on the published page). */
  language: z.string(),
  /** Where readers find the story once published (fixed by its first publication); null before. */
  publicUrl: z.string().nullable(),
  firstPublishedAt: z.string().nullable(),
  /** Published, and the working copy differs from the live version; null otherwise. */
  unpublishedChanges: UnpublishedChanges.nullable(),
  /** A spiked story: who spiked it (null: the system) and from what (who may restore it). */
  spike: z.object({ by: z.string().nullable(), from: StoryStatus }).nullable(),
})
export type Story = z.infer<typeof Story>

export const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

/** One publication of a story, as editors list them (the content is fetched by export). */
export const PublishedVersion = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  publishedBy: Person.nullable(),
  kind: z.enum(['first', ...REVISION_KINDS]),
  note: z.string().nullable(),
})
export type PublishedVersion = z.infer<typeof PublishedVersion>

export const EXPORT_FORMATS = ['html', 'markdown', 'ninjs'] as const
export const ExportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    /** A version number, or `draft` for the text as it stands; the latest publication (or the draft) when absent. */
    version: z.union([z.literal('draft'), z.coerce.number().int().min(1)]).optional(),
  })
  .strict()
export type ExportQuery = z.infer<typeof ExportQuery>

/**
 * `GET /api/stories/:id/preview`: the reader page as publishing it now would put it out.
 * For a republication, the kind and note the desk is about to give (shown as readers see them).
 */
export const PreviewQuery = z
  .object({
    revision: z.enum(REVISION_KINDS).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
export type PreviewQuery = z.infer<typeof PreviewQuery>

export const IMPORT_FORMATS = ['text', 'markdown', 'html'] as const
export { MAX_IMPORT_CHARS } from '../limits.js'
export const ImportStoryRequest = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    content: z.string().max(MAX_IMPORT_CHARS, 'The text is too long to import').refine((text) => text.trim().length > 0, 'There is nothing to import'),
    /** A section id; otherwise the section the text names, when it names a known one. */
    section: z.string().min(1).max(120).optional(),
  })
  .strict()
export type ImportStoryRequest = z.infer<typeof ImportStoryRequest>

export const ImportStoryResponse = z.object({
  story: Story,
  /** What the importer inferred, for the person to check. */
  notes: z.array(ImportNote),
  /** What it could not place in the story. */
  unmapped: z.array(ImportNote),
})
export type ImportStoryResponse = z.infer<typeof ImportStoryResponse>

/** 'relevance' (best match first) is the default when searching (`q`), 'updated' otherwise. */
export const STORY_SORTS = ['updated', 'deadline', 'priority', 'created', 'relevance'] as const

export const StoryListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  /** One status or several, comma-separated. */
  status: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',').filter(Boolean) : undefined))
    .pipe(z.array(StoryStatus).optional()),
  section: z.string().max(120).optional(),
  /** A user id, or `me`. */
  assignee: z.string().max(64).optional(),
  sort: z.enum(STORY_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict()
export type StoryListQuery = z.infer<typeof StoryListQuery>

// Moved to zod-free modules (the browser's first chunk uses them without loading zod); kept here for importers.
export { SLUG_PATTERN, slugify } from './slug.js'

const tag = z.string().trim().min(1).max(40)

export const UpdateStoryRequest = z
  .object({
    section: z.string().min(1).max(120).nullable().optional(),
    tags: z.array(tag).max(20).optional(),
    slug: z.string().trim().max(120).regex(SLUG_PATTERN, 'Lower-case letters, digits and hyphens only').optional(),
    byline: z
      .array(z.object({ userId: z.string().max(64).nullable().optional(), name: z.string().trim().min(1).max(120), bio: z.string().trim().max(1000).default('') }))
      .max(5)
      .optional(),
    assignees: z.array(z.string().min(1).max(64)).max(10).optional(),
    deadline: z.iso.datetime({ offset: true }).nullable().optional(),
    lengthTarget: LengthTarget.nullable().optional(),
    priority: Priority.optional(),
    internalNote: z.string().max(4000).optional(),
    language: z.string().regex(LANGUAGE_PATTERN, 'A language tag such as fr or en-GB').optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' })
export type UpdateStoryRequest = z.infer<typeof UpdateStoryRequest>

export const TransitionRequest = z
  .object({
    to: StoryStatus,
    note: z.string().trim().max(2000).optional(),
    publishAt: z.iso.datetime({ offset: true }).optional(),
    /** Republishing: is this an update or a correction? (Readers see the note under that title.) */
    revision: z.enum(REVISION_KINDS).optional(),
    /**
     * Publishing: the fingerprint of the preview the desk looked at (the
     * `PREVIEW_FINGERPRINT_HEADER` of `GET /api/stories/:id/preview`). When the story changed
     * since, the move is refused (409 `changed_since_preview`) rather than put out unseen.
     */
    previewed: z.string().min(1).max(100).optional(),
  })
  .strict()
export type TransitionRequest = z.infer<typeof TransitionRequest>

export const STORY_EVENT_KINDS = ['created', 'transition', 'assigned', 'unassigned', 'metadata'] as const

export const StoryEvent = z.object({
  id: z.number().int(),
  storyId: z.string(),
  at: z.string(),
  actor: Person.nullable(),
  kind: z.enum(STORY_EVENT_KINDS),
  from: StoryStatus.nullable(),
  to: StoryStatus.nullable(),
  note: z.string().nullable(),
  /** For assignments: who; for metadata: which fields changed. */
  detail: z.string().nullable(),
})
export type StoryEvent = z.infer<typeof StoryEvent>

// Search (`GET /api/stories?q=`): where each story matched, the passage as plain text in
// parts, the matched words marked, so the board highlights them without rendering HTML.
export const STORY_MATCH_FIELDS = ['headline', 'standfirst', 'body', 'tags', 'byline'] as const
export const PassagePart = z.object({ text: z.string(), match: z.boolean() })
export type PassagePart = z.infer<typeof PassagePart>
export const StoryMatch = z.object({ field: z.enum(STORY_MATCH_FIELDS), passage: z.array(PassagePart) })
export type StoryMatch = z.infer<typeof StoryMatch>
/** The stories in order (best match first unless sorted otherwise); each one's match by id, null when only the headline matched. */
export const StorySearchResponse = z.object({ stories: z.array(Story), matches: z.record(z.string(), StoryMatch.nullable()) })
export type StorySearchResponse = z.infer<typeof StorySearchResponse>
