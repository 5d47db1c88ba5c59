/**
 * The board's full-text search: what is typed in the box, sent to the server (which
 * searches headline, standfirst, body, tags and bylines) once typing pauses, and asked
 * again, at a calm pace, while stories change under it. The board keeps showing its own
 * stories; the results only say which of them match, in what order, and with what
 * passage. Not for filtering by section or person: the board does that.
 */
import { useEffect, useRef, useState } from 'react'
import type { StoryMatch } from '@copydesk/shared/api'
import { api } from '../api/endpoints.js'

/** Long enough to let a word be typed, short enough to feel live. */
const DEBOUNCE_MS = 180
/** While stories change (someone types, files, imports), the results are refreshed this often at most. */
const REFRESH_MS = 2000
/** More than the board shows of any one query. */
const RESULT_LIMIT = '200'

export interface StorySearchResults {
  /** The query these results answer (trimmed). */
  query: string
  /** Story id → its place (best match first) and its passage (null: the headline matched). */
  hits: Map<string, { rank: number; match: StoryMatch | null }>
}

export type StorySearch =
  | { state: 'idle' }
  | { state: 'searching'; query: string; previous: StorySearchResults | null }
  | { state: 'done'; results: StorySearchResults }
  | { state: 'failed'; query: string; error: unknown }

/**
 * `revision` changes whenever the board's stories do (the story map itself will do): the
 * results are then refreshed, so a story that starts or stops matching shows it.
 */
export function useStorySearch(text: string, revision: unknown): StorySearch {
  const query = text.trim()
  const [search, setSearch] = useState<StorySearch>({ state: 'idle' })
  // Answers can arrive out of order: only the latest request's answer counts.
  const latest = useRef(0)

  const ask = (question: string) => {
    const request = ++latest.current
    api.searchStories(question, { limit: RESULT_LIMIT }).then(
      (response) => {
        if (request !== latest.current) return
        const hits = new Map(response.stories.map((story, rank) => [story.id, { rank, match: response.matches[story.id] ?? null }]))
        setSearch({ state: 'done', results: { query: question, hits } })
      },
      (error: unknown) => {
        if (request !== latest.current) return
        setSearch({ state: 'failed', query: question, error })
      },
    )
  }
  const askRef = useRef(ask)
  askRef.current = ask

  useEffect(() => {
    latest.current++
    if (!query) {
      setSearch({ state: 'idle' })
      return
    }
    setSearch((current) => ({ state: 'searching', query, previous: current.state === 'done' ? current.results : current.state === 'searching' ? current.previous : null }))
    const timer = setTimeout(() => askRef.current(query), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [query])

  // Stories changed: ask again, at most once per REFRESH_MS however often they change
  // (a throttle, not a debounce: someone typing non-stop must not starve the refresh), and
  // without showing "searching" (the cards stay put).
  const queryRef = useRef(query)
  queryRef.current = query
  const refresh = useRef<ReturnType<typeof setTimeout> | null>(null)
  const seen = useRef(revision)
  useEffect(() => {
    if (seen.current === revision) return
    seen.current = revision
    if (!queryRef.current || refresh.current) return
    refresh.current = setTimeout(() => {
      refresh.current = null
      if (queryRef.current) askRef.current(queryRef.current)
    }, REFRESH_MS)
  }, [revision])
  useEffect(
    () => () => {
      if (refresh.current) clearTimeout(refresh.current)
      refresh.current = null
    },
    [],
  )

  return search
}
