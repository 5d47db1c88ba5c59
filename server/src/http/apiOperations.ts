/**
 * Every operation of the REST API, described once for the OpenAPI document (`openapi.ts`)
 * with the very zod schemas the routes validate with (`@copydesk/shared/api`). The routes
 * stay plain Hono handlers; `openapi.integration.test.ts` holds the two together: every
 * route Hono has under `/api` is here, and every operation here answers.
 *
 * Not for behaviour: nothing reads this table to route or validate a request.
 */
import {
  ApiToken,
  CreateSectionRequest,
  CreateStoryRequest,
  CreateTokenRequest,
  CreateUserRequest,
  CreatedApiToken,
  ExportQuery,
  ImportStoryRequest,
  ImportStoryResponse,
  LoginRequest,
  MarkNotificationsRead,
  NotificationList,
  PREVIEW_FINGERPRINT_HEADER,
  PreviewQuery,
  PublishedVersion,
  Role,
  STORY_ID_PATTERN,
  Section,
  Story,
  StoryEvent,
  StoryAuthorsResponse,
  StoryListQuery,
  StorySearchResponse,
  TransitionRequest,
  UpdateSectionRequest,
  UpdateMeRequest,
  UpdateStoryRequest,
  UpdateUserRequest,
  User,
} from '@copydesk/shared/api'
import { z } from 'zod'

/** Who may call: anyone, anyone signed in, or only some roles (403 for the others). */
export type Access = 'public' | 'signed-in' | 'admin' | 'publishers'

export interface ApiResponse {
  description: string
  /** A JSON body; the schema must be one of `RESPONSE_SCHEMAS`. */
  json?: z.ZodType
  /** Other bodies: media type → what it is. */
  other?: Record<string, string>
  headers?: Record<string, string>
}

export interface ApiOperation {
  method: 'get' | 'post' | 'patch' | 'delete'
  /** As Hono writes it: `/api/stories/:id`. */
  path: string
  tag: string
  summary: string
  description?: string
  access: Access
  /** Path parameters: name → description (all strings). */
  params?: Record<string, { description: string; pattern?: RegExp }>
  query?: z.ZodObject
  /** A JSON body; the schema must be one of `REQUEST_SCHEMAS`. */
  body?: z.ZodType
  /** The answers of success, and any refusal particular to this operation (the common ones are added). */
  responses: Record<number, ApiResponse>
}

/** What `GET /api/instance` says before anyone signs in. */
export const InstanceInfo = z.object({
  name: z.string(),
  demo: z.boolean(),
  demoAccounts: z.array(z.object({ email: z.string(), displayName: z.string(), role: Role })),
  demoPassword: z.string().nullable(),
  /** The interface's default language (`COPYDESK_SITE_LANGUAGE`) and the newsroom's time zone (`COPYDESK_TIMEZONE`). */
  site: z.object({ language: z.string(), timeZone: z.string() }),
})
const UserList = z.object({ users: z.array(User) })
const TokenList = z.object({ tokens: z.array(ApiToken) })
const SectionList = z.object({ sections: z.array(Section) })
const StoryList = z.object({ stories: z.array(Story) })
const StoryHistory = z.object({ history: z.array(StoryEvent) })
const VersionList = z.object({ versions: z.array(PublishedVersion) })
const UnreadCount = z.object({ unread: z.number().int() })
/** A ninjs 2.1 item (IPTC), built by `publish/ninjs.ts`. */
const NinjsItem = z.looseObject({ uri: z.string(), type: z.string() }).meta({
  description: 'A ninjs 2.1 item (https://www.iptc.org/std/ninjs/): uri, type, headlines, bodies, bylines, subjects, versions.',
})

/** Named schemas of request bodies (as the client writes them: defaults optional). */
export const REQUEST_SCHEMAS: Record<string, z.ZodType> = {
  LoginRequest,
  CreateUserRequest,
  UpdateUserRequest,
  UpdateMeRequest,
  CreateTokenRequest,
  CreateStoryRequest,
  UpdateStoryRequest,
  TransitionRequest,
  ImportStoryRequest,
  CreateSectionRequest,
  UpdateSectionRequest,
  MarkNotificationsRead,
}

/** Named schemas of response bodies (as the server writes them). */
export const RESPONSE_SCHEMAS: Record<string, z.ZodType> = {
  InstanceInfo,
  User,
  UserList,
  ApiToken,
  TokenList,
  CreatedApiToken,
  Section,
  SectionList,
  Story,
  StoryList,
  StorySearchResponse,
  StoryListOrSearch: z.union([StoryList, StorySearchResponse]),
  StoryHistory,
  VersionList,
  StoryAuthorsResponse,
  ImportStoryResponse,
  NotificationList,
  UnreadCount,
  NinjsItem,
}

const STORY = { id: { description: 'The story id.', pattern: STORY_ID_PATTERN } }
const USER = { id: { description: 'The user id.' } }
const TOKEN = { id: { description: 'The token id.' } }
const SECTION = { id: { description: 'The section id (lower-case letters, digits, hyphens).' } }
const NO_CONTENT: ApiResponse = { description: 'Done; no body.' }

export const API_OPERATIONS: ApiOperation[] = [
  // The API's own description.
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'API',
    summary: 'This description, as OpenAPI 3.1',
    access: 'public',
    responses: { 200: { description: 'The OpenAPI document.', other: { 'application/json': 'An OpenAPI 3.1 document.' } } },
  },
  {
    method: 'get',
    path: '/api/docs',
    tag: 'API',
    summary: 'This description, as a page to read',
    access: 'public',
    responses: { 200: { description: 'The reference page.', other: { 'text/html': 'A self-contained HTML page.' } } },
  },
  {
    method: 'get',
    path: '/api/instance',
    tag: 'Accounts',
    summary: "The newsroom's name and, in the demo, its accounts",
    access: 'public',
    responses: { 200: { description: 'What the sign-in page may know.', json: InstanceInfo } },
  },

  // Signing in.
  {
    method: 'post',
    path: '/api/auth/login',
    tag: 'Accounts',
    summary: 'Sign in',
    description: 'Sets the HttpOnly session cookie. Repeated failures for one account or address are throttled (429 with Retry-After).',
    access: 'public',
    body: LoginRequest,
    responses: {
      200: { description: 'Signed in: the account.', json: User, headers: { 'Set-Cookie': 'The session cookie (HttpOnly, SameSite=Lax).' } },
      401: { description: 'The email or the password is not right (`invalid_credentials`).' },
      429: { description: 'Too many failed sign-ins (`too_many_requests`).', headers: { 'Retry-After': 'Seconds to wait.' } },
    },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    tag: 'Accounts',
    summary: 'Sign out',
    description: "Ends this session and closes its open connections; harmless when signed out.",
    access: 'public',
    responses: { 204: NO_CONTENT },
  },
  { method: 'get', path: '/api/me', tag: 'Accounts', summary: 'Who is signed in', access: 'signed-in', responses: { 200: { description: 'The account.', json: User } } },
  {
    method: 'patch',
    path: '/api/me',
    tag: 'Accounts',
    summary: 'Change your own interface language',
    description: "`language: null` goes back to the newsroom's default (`COPYDESK_SITE_LANGUAGE`, then the browser's). Any role may change its own; the rest of an account is changed by an admin (`PATCH /api/users/{id}`).",
    access: 'signed-in',
    body: UpdateMeRequest,
    responses: { 200: { description: 'The account.', json: User } },
  },

  // Accounts and tokens.
  { method: 'get', path: '/api/users', tag: 'Accounts', summary: 'Every account', access: 'signed-in', responses: { 200: { description: 'The accounts.', json: UserList } } },
  {
    method: 'post',
    path: '/api/users',
    tag: 'Accounts',
    summary: 'Create an account',
    access: 'admin',
    body: CreateUserRequest,
    responses: { 201: { description: 'The new account.', json: User }, 409: { description: 'An account with this email exists (`conflict`).' } },
  },
  {
    method: 'patch',
    path: '/api/users/:id',
    tag: 'Accounts',
    summary: 'Change an account',
    description: 'Disabling an account ends its access at once. An admin cannot disable themselves or give up their own admin role (409).',
    access: 'admin',
    params: USER,
    body: UpdateUserRequest,
    responses: { 200: { description: 'The account as changed.', json: User }, 409: { description: 'Not on your own account (`conflict`).' } },
  },
  {
    method: 'delete',
    path: '/api/users/:id',
    tag: 'Accounts',
    summary: 'Delete an account',
    access: 'admin',
    params: USER,
    responses: { 204: NO_CONTENT, 409: { description: 'Not your own account (`conflict`).' } },
  },
  { method: 'get', path: '/api/tokens', tag: 'Accounts', summary: 'Every API token (never the secrets)', access: 'admin', responses: { 200: { description: 'The tokens.', json: TokenList } } },
  {
    method: 'post',
    path: '/api/tokens',
    tag: 'Accounts',
    summary: 'Create an API token',
    description: 'The secret is in this answer only; use it as `Authorization: Bearer <token>`.',
    access: 'admin',
    body: CreateTokenRequest,
    responses: { 201: { description: 'The token, with its secret.', json: CreatedApiToken }, 404: { description: 'No such user (`not_found`).' } },
  },
  { method: 'delete', path: '/api/tokens/:id', tag: 'Accounts', summary: 'Revoke an API token', access: 'admin', params: TOKEN, responses: { 204: NO_CONTENT } },

  // Stories.
  {
    method: 'get',
    path: '/api/stories',
    tag: 'Stories',
    summary: 'List or search stories',
    description: 'With `q`, a full-text search under the same filters, with the matching passage of each story.',
    access: 'signed-in',
    query: StoryListQuery,
    responses: { 200: { description: 'The stories (and, when searching, the matches).', json: RESPONSE_SCHEMAS.StoryListOrSearch! } },
  },
  {
    method: 'post',
    path: '/api/stories',
    tag: 'Stories',
    summary: 'Create a story',
    description: 'Only editors assign stories; a reporter is assigned to the story they create.',
    access: 'signed-in',
    body: CreateStoryRequest,
    responses: { 201: { description: 'The new story.', json: Story } },
  },
  {
    method: 'post',
    path: '/api/stories/import',
    tag: 'Stories',
    summary: 'Create a story from text, Markdown or HTML',
    access: 'signed-in',
    body: ImportStoryRequest,
    responses: { 201: { description: 'The new story, and what the importer inferred or could not place.', json: ImportStoryResponse } },
  },
  { method: 'get', path: '/api/stories/:id', tag: 'Stories', summary: 'One story', access: 'signed-in', params: STORY, responses: { 200: { description: 'The story.', json: Story } } },
  {
    method: 'patch',
    path: '/api/stories/:id',
    tag: 'Stories',
    summary: "Change a story's metadata",
    description: 'Section, tags, slug, byline, assignees, deadline, length target, priority, internal note, language. The text itself changes through the collaborative editor, not here.',
    access: 'signed-in',
    params: STORY,
    body: UpdateStoryRequest,
    responses: { 200: { description: 'The story as changed.', json: Story }, 409: { description: 'The change conflicts with the story as it is now (`conflict`).' } },
  },
  {
    method: 'post',
    path: '/api/stories/:id/transitions',
    tag: 'Stories',
    summary: 'Move a story through the workflow',
    description: `Submit, approve, send back, schedule, publish, republish, unpublish, spike, restore. Publishing with \`previewed\` (the ${PREVIEW_FINGERPRINT_HEADER} header of the preview) is refused if the story changed since.`,
    access: 'signed-in',
    params: STORY,
    body: TransitionRequest,
    responses: {
      200: { description: 'The story after the move.', json: Story },
      409: { description: 'The move is not possible from where the story is (`conflict`), or it changed since the preview (`changed_since_preview`).' },
    },
  },
  {
    method: 'get',
    path: '/api/stories/:id/history',
    tag: 'Stories',
    summary: "A story's history",
    access: 'signed-in',
    params: STORY,
    responses: { 200: { description: 'Every step, oldest first.', json: StoryHistory } },
  },
  {
    method: 'get',
    path: '/api/stories/:id/authors',
    tag: 'Stories',
    summary: 'Who wrote what in a story',
    description:
      "The working copy's text, field by field and block by block, cut into runs each written by one account, with each author's name, colour and share. " +
      'Authorship is what the server recorded of who sent each edit, never what a client wrote into the document.',
    access: 'signed-in',
    params: STORY,
    responses: { 200: { description: 'The text by author, and the authors, most text first.', json: StoryAuthorsResponse } },
  },
  {
    method: 'get',
    path: '/api/stories/:id/versions',
    tag: 'Publishing',
    summary: 'Every publication of a story',
    access: 'signed-in',
    params: STORY,
    responses: { 200: { description: 'The versions, newest first.', json: VersionList } },
  },
  {
    method: 'get',
    path: '/api/stories/:id/export',
    tag: 'Publishing',
    summary: 'Download a version (or the draft) as HTML, Markdown or ninjs',
    access: 'signed-in',
    params: STORY,
    query: ExportQuery,
    responses: {
      200: {
        description: 'The file, as an attachment.',
        other: { 'text/html': 'The reader page.', 'text/markdown': 'The story as Markdown.', 'application/json': 'A ninjs 2.1 item.' },
        headers: { 'Content-Disposition': 'attachment; filename="<slug>-v<n>.<ext>"' },
      },
    },
  },
  {
    method: 'get',
    path: '/api/stories/:id/preview',
    tag: 'Publishing',
    summary: 'The reader page as publishing now would put it out',
    description: 'Rendered from the working copy and stored nowhere.',
    access: 'publishers',
    params: STORY,
    query: PreviewQuery,
    responses: {
      200: {
        description: 'The page.',
        other: { 'text/html': 'The reader page (sandboxed by its Content-Security-Policy).' },
        headers: { [PREVIEW_FINGERPRINT_HEADER]: 'What was previewed: send it back as `previewed` with the move to publish.' },
      },
    },
  },

  // Sections.
  { method: 'get', path: '/api/sections', tag: 'Sections', summary: 'Every section', access: 'signed-in', responses: { 200: { description: 'The sections, in order.', json: SectionList } } },
  {
    method: 'post',
    path: '/api/sections',
    tag: 'Sections',
    summary: 'Create a section',
    access: 'admin',
    body: CreateSectionRequest,
    responses: { 201: { description: 'The new section.', json: Section }, 409: { description: 'A section with this id exists (`conflict`).' } },
  },
  {
    method: 'patch',
    path: '/api/sections/:id',
    tag: 'Sections',
    summary: 'Rename or move a section',
    access: 'admin',
    params: SECTION,
    body: UpdateSectionRequest,
    responses: { 200: { description: 'The section as changed.', json: Section } },
  },
  {
    method: 'delete',
    path: '/api/sections/:id',
    tag: 'Sections',
    summary: 'Delete an unused section',
    access: 'admin',
    params: SECTION,
    responses: { 204: NO_CONTENT, 409: { description: 'Stories or subsections still use it (`conflict`).' } },
  },

  // Notifications.
  {
    method: 'get',
    path: '/api/notifications',
    tag: 'Notifications',
    summary: "The caller's activity feed",
    access: 'signed-in',
    responses: { 200: { description: 'Newest first, with the unread count.', json: NotificationList } },
  },
  {
    method: 'post',
    path: '/api/notifications/read',
    tag: 'Notifications',
    summary: 'Mark notifications read',
    access: 'signed-in',
    body: MarkNotificationsRead,
    responses: { 200: { description: 'How many are still unread.', json: UnreadCount } },
  },

  // Readers and partners.
  {
    method: 'get',
    path: '/api/public/stories/:id',
    tag: 'Public',
    summary: 'A published story as ninjs',
    description: 'Open to anyone (CORS `*`), cached for a minute, revalidated with ETag (304). A story taken down answers 410 with a tombstone item.',
    access: 'public',
    params: STORY,
    responses: {
      200: { description: 'The published item.', json: NinjsItem, headers: { ETag: 'The version of the item.' } },
      304: { description: 'Not modified (If-None-Match).' },
      410: { description: 'Taken down: a tombstone item.', json: NinjsItem },
    },
  },
]
