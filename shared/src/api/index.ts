export { ApiErrorBody, ERROR_CODES, FIELD_ISSUE_CODES, FieldIssue } from './errors.js'
export type { ErrorCode, FieldIssueCode } from './errors.js'
export { PRESENCE_COLORS, presenceColor } from './colors.js'
export { fieldNamesOf, isRequestSchema } from './fieldNames.js'
export {
  ApiToken,
  CreateTokenRequest,
  CreateUserRequest,
  CreatedApiToken,
  INTERFACE_LANGUAGES,
  InterfaceLanguage,
  LoginRequest,
  Role,
  UpdateMeRequest,
  UpdateUserRequest,
  User,
} from './users.js'
export {
  BylineAuthor,
  CreateSectionRequest,
  CreateStoryRequest,
  EXPORT_FORMATS,
  ExportQuery,
  IMPORT_FORMATS,
  ImportStoryRequest,
  ImportStoryResponse,
  LANGUAGE_PATTERN,
  MAX_IMPORT_CHARS,
  PublishedVersion,
  REVISION_KINDS,
  LengthTarget,
  PRIORITIES,
  Person,
  Priority,
  SECTION_ID_PATTERN,
  SLUG_PATTERN,
  slugify,
  STORY_EVENT_KINDS,
  STORY_ID_PATTERN,
  STORY_SORTS,
  Section,
  Story,
  StoryEvent,
  StoryId,
  StoryLength,
  StoryListQuery,
  StoryMatch,
  StorySearchResponse,
  PassagePart,
  STORY_MATCH_FIELDS,
  StoryNote,
  StoryStatus,
  TransitionRequest,
  UpdateSectionRequest,
  UpdateStoryRequest,
} from './stories.js'
export type { RevisionKind } from './stories.js'
export { PreviewQuery, UnpublishedChanges } from './stories.js'
export { IMPORT_NOTE_CODES, ImportNote, importNote } from './importNotes.js'
export type { ImportNoteCode } from './importNotes.js'
export { PREVIEW_FINGERPRINT_HEADER } from './preview.js'
export { MarkNotificationsRead, NOTIFICATION_KINDS, Notification, NotificationKind, NotificationList } from './notifications.js'
export { ClientEventSchemas, StoryPresence } from './events.js'
export { findMalformedText } from './wellFormed.js'
export type { MalformedText } from './wellFormed.js'
export type { Ack, ClientToServerEvents, ServerToClientEvents } from './events.js'
export { AUTHOR_BLOCK_CONTAINERS, AUTHOR_BLOCK_TYPES, AuthorBlock, AuthoredFields, AuthorRun, StoryAuthor, StoryAuthorsResponse } from './authors.js'
