/**
 * The newsroom as the app knows it: who is signed in, the people, the sections, every story
 * on the board, who is in which story now, and the notifications. Loaded over the API, then
 * kept current by the newsroom's live events; reloaded after a reconnect (nothing missed).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { InterfaceLanguage, MarkNotificationsRead, Notification, Person, Section, Story, User } from '@copydesk/shared/api'
import { api } from './api/endpoints.js'
import { connectNewsroom, type NewsroomSocket } from './api/socket.js'

export interface NewsroomValue {
  user: User
  users: User[]
  sections: Section[]
  stories: Map<string, Story>
  presence: Map<string, Person[]>
  notifications: Notification[]
  unread: number
  live: boolean
  storiesLoaded: boolean
  upsertStory: (story: Story) => void
  reloadSections: () => void
  reloadUsers: () => void
  markRead: (request: MarkNotificationsRead) => Promise<void>
  /** Saves the person's interface language (null: the newsroom's default); the interface follows at once. */
  chooseLanguage: (language: InterfaceLanguage | null) => Promise<void>
  /** What "the newsroom's default" is here: the site's language, else the browser's. */
  defaultLanguage: InterfaceLanguage
  socket: NewsroomSocket | null
}

const NewsroomContext = createContext<NewsroomValue | null>(null)

export function useNewsroom(): NewsroomValue {
  const value = useContext(NewsroomContext)
  if (!value) throw new Error('useNewsroom outside <NewsroomProvider>')
  return value
}

export function NewsroomProvider({
  user,
  chooseLanguage,
  defaultLanguage,
  children,
}: {
  user: User
  chooseLanguage: (language: InterfaceLanguage | null) => Promise<void>
  defaultLanguage: InterfaceLanguage
  children: ReactNode
}) {
  const [users, setUsers] = useState<User[]>([])
  const [sections, setSections] = useState<Section[]>([])
  const [stories, setStories] = useState<Map<string, Story>>(new Map())
  const [storiesLoaded, setStoriesLoaded] = useState(false)
  const [presence, setPresence] = useState<Map<string, Person[]>>(new Map())
  const [notifications, setNotifications] = useState<Notification[]>([])
  const [unread, setUnread] = useState(0)
  const [live, setLive] = useState(false)
  const socketRef = useRef<NewsroomSocket | null>(null)
  const [socket, setSocket] = useState<NewsroomSocket | null>(null)

  const upsertStory = useCallback((story: Story) => {
    setStories((current) => new Map(current).set(story.id, story))
  }, [])
  const reloadSections = useCallback(() => {
    api.sections().then(({ sections }) => setSections(sections), () => {})
  }, [])
  const reloadUsers = useCallback(() => {
    api.users().then(({ users }) => setUsers(users), () => {})
  }, [])
  const reloadAll = useCallback(() => {
    reloadSections()
    reloadUsers()
    api.stories({}).then(
      ({ stories }) => {
        setStories(new Map(stories.map((story) => [story.id, story])))
        setStoriesLoaded(true)
      },
      () => {},
    )
    api.notifications().then(
      (feed) => {
        setNotifications(feed.notifications)
        setUnread(feed.unread)
      },
      () => {},
    )
  }, [reloadSections, reloadUsers])

  useEffect(() => {
    const connection = connectNewsroom()
    socketRef.current = connection
    setSocket(connection)
    connection.on('connect', () => {
      setLive(true)
      reloadAll()
      connection.emit('presence:all', (response) => {
        if (response.ok) setPresence(new Map(response.data.map((entry) => [entry.storyId, entry.people])))
      })
    })
    connection.on('disconnect', () => setLive(false))
    connection.on('story:changed', (story) => setStories((current) => new Map(current).set(story.id, story)))
    connection.on('story:presence', ({ storyId, people }) =>
      setPresence((current) => {
        const next = new Map(current)
        if (people.length === 0) next.delete(storyId)
        else next.set(storyId, people)
        return next
      }),
    )
    connection.on('notification:new', (notification, count) => {
      setNotifications((current) => [notification, ...current.filter((item) => item.id !== notification.id)].slice(0, 50))
      setUnread(count)
    })
    connection.on('notification:unread', (count) => {
      setUnread(count)
      if (count === 0) setNotifications((current) => current.map((item) => ({ ...item, read: true })))
    })
    return () => {
      connection.removeAllListeners()
      connection.disconnect()
      socketRef.current = null
    }
  }, [reloadAll])

  const markRead = useCallback(async (request: MarkNotificationsRead) => {
    const { unread } = await api.markRead(request)
    setUnread(unread)
    setNotifications((current) => current.map((item) => ('all' in request || request.ids.includes(item.id) ? { ...item, read: true } : item)))
  }, [])

  const value = useMemo<NewsroomValue>(
    () => ({ user, users, sections, stories, presence, notifications, unread, live, storiesLoaded, upsertStory, reloadSections, reloadUsers, markRead, chooseLanguage, defaultLanguage, socket }),
    [user, users, sections, stories, presence, notifications, unread, live, storiesLoaded, upsertStory, reloadSections, reloadUsers, markRead, chooseLanguage, defaultLanguage, socket],
  )
  return <NewsroomContext.Provider value={value}>{children}</NewsroomContext.Provider>
}
