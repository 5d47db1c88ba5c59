/** The API calls the app makes, typed with the shapes from `@copydesk/shared/api`. */
import type {
  CreateSectionRequest,
  CreateUserRequest,
  ImportStoryRequest,
  ImportStoryResponse,
  MarkNotificationsRead,
  NotificationList,
  PublishedVersion,
  Section,
  Story,
  StoryAuthorsResponse,
  StoryEvent,
  StorySearchResponse,
  TransitionRequest,
  UpdateMeRequest,
  UpdateStoryRequest,
  UpdateUserRequest,
  User,
} from '@copydesk/shared/api'
import { request } from './http.js'

export interface InstanceInfo {
  name: string
  demo: boolean
  demoAccounts: { email: string; displayName: string; role: string }[]
  demoPassword: string | null
  /** The interface's default language and the newsroom's time zone. */
  site: { language: string; timeZone: string }
}

export interface StoryFilters {
  q?: string
  status?: string
  section?: string
  assignee?: string
  sort?: 'updated' | 'deadline' | 'priority' | 'created' | 'relevance'
  limit?: string
}

function query(filters: StoryFilters): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  const text = params.toString()
  return text ? `?${text}` : ''
}

const id = (value: string) => encodeURIComponent(value)

export const api = {
  instance: () => request<InstanceInfo>('GET', '/api/instance'),
  me: () => request<User>('GET', '/api/me'),
  updateMe: (body: UpdateMeRequest) => request<User>('PATCH', '/api/me', body),
  login: (email: string, password: string) => request<User>('POST', '/api/auth/login', { email, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  stories: (filters: StoryFilters = {}) => request<{ stories: Story[] }>('GET', `/api/stories${query({ ...filters })}`),
  searchStories: (q: string, filters: Omit<StoryFilters, 'q'> = {}) => request<StorySearchResponse>('GET', `/api/stories${query({ ...filters, q })}`),
  story: (storyId: string) => request<Story>('GET', `/api/stories/${id(storyId)}`),
  createStory: (body: { headline?: string; section?: string }) => request<Story>('POST', '/api/stories', body),
  updateStory: (storyId: string, body: UpdateStoryRequest) => request<Story>('PATCH', `/api/stories/${id(storyId)}`, body),
  transition: (storyId: string, body: TransitionRequest) => request<Story>('POST', `/api/stories/${id(storyId)}/transitions`, body),
  versions: (storyId: string) => request<{ versions: PublishedVersion[] }>('GET', `/api/stories/${id(storyId)}/versions`),
  importStory: (body: ImportStoryRequest) => request<ImportStoryResponse>('POST', '/api/stories/import', body),
  authors: (storyId: string) => request<StoryAuthorsResponse>('GET', `/api/stories/${id(storyId)}/authors`),
  history: (storyId: string) => request<{ history: StoryEvent[] }>('GET', `/api/stories/${id(storyId)}/history`),
  sections: () => request<{ sections: Section[] }>('GET', '/api/sections'),
  createSection: (body: CreateSectionRequest) => request<Section>('POST', '/api/sections', body),
  updateSection: (sectionId: string, body: { name?: string; parentId?: string | null }) => request<Section>('PATCH', `/api/sections/${id(sectionId)}`, body),
  deleteSection: (sectionId: string) => request<void>('DELETE', `/api/sections/${id(sectionId)}`),
  users: () => request<{ users: User[] }>('GET', '/api/users'),
  createUser: (body: CreateUserRequest) => request<User>('POST', '/api/users', body),
  updateUser: (userId: string, body: UpdateUserRequest) => request<User>('PATCH', `/api/users/${id(userId)}`, body),
  notifications: () => request<NotificationList>('GET', '/api/notifications'),
  markRead: (body: MarkNotificationsRead) => request<{ unread: number }>('POST', '/api/notifications/read', body),
}

/** Where a version (or the draft) downloads from, in a format (a plain link: the session cookie goes with it). */
export function exportUrl(storyId: string, format: 'html' | 'markdown' | 'ninjs', version: number | 'draft'): string {
  return `/api/stories/${id(storyId)}/export?format=${format}&version=${version}`
}
