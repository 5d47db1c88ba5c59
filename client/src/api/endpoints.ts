/** The API calls the app makes, typed with the shapes from `@copydesk/shared/api`. */
import type { Section, Story, User } from '@copydesk/shared/api'
import { request } from './http.js'

export interface InstanceInfo {
  name: string
  demo: boolean
  demoAccounts: { email: string; displayName: string; role: string }[]
  demoPassword: string | null
}

export const api = {
  instance: () => request<InstanceInfo>('GET', '/api/instance'),
  me: () => request<User>('GET', '/api/me'),
  login: (email: string, password: string) => request<User>('POST', '/api/auth/login', { email, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  stories: (query = '') => request<{ stories: Story[] }>('GET', `/api/stories${query ? `?q=${encodeURIComponent(query)}` : ''}`),
  story: (id: string) => request<Story>('GET', `/api/stories/${encodeURIComponent(id)}`),
  createStory: (body: { headline?: string; section?: string }) => request<Story>('POST', '/api/stories', body),
  sections: () => request<{ sections: Section[] }>('GET', '/api/sections'),
}
