export { ApiErrorBody, ERROR_CODES } from './errors.js'
export type { ErrorCode } from './errors.js'
export { PRESENCE_COLORS, presenceColor } from './colors.js'
export {
  ApiToken,
  CreateTokenRequest,
  CreateUserRequest,
  CreatedApiToken,
  LoginRequest,
  Role,
  UpdateUserRequest,
  User,
} from './users.js'
export {
  BylineAuthor,
  CreateStoryRequest,
  STORY_ID_PATTERN,
  Section,
  Story,
  StoryId,
  StoryLength,
  StoryListQuery,
  StoryStatus,
} from './stories.js'
