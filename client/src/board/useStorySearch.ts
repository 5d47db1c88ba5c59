/**
 * The board's full-text search: what is typed in the box, sent to the server (which
 * searches headline, standfirst, body, tags and bylines) once typing pauses. The board
 * keeps showing its own stories; the results only say which of them match, in what order,
 * and with what passage. Not for filtering by section or person: the board does that.
 */
import { useEffect, useRef, useState } from 'react'
import type { StoryMatch } from '@copydesk/shared/api'
import { api } from '../api/endpoints.js'

/** Long enough to let a word be typed, short enough to feel live. */
const DEBOUNCE_MS = 180
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
  | { state: 'failed'; query: string; message: string }

export function useStorySearch(text: string): StorySearch {
  const query = text.trim()
  const [search, setSearch] = useState<StorySearch>({ state: 'idle' })
  // Answers can arrive out of order: only the latest request's answer counts.
  const latest = useRef(0)

  useEffect(() => {
    const request = ++latest.current
    if (!query) {
      setSearch({ state: 'idle' })
      return
    }
    setSearch((current) => ({ state: 'searching', query, previous: current.state === 'done' ? current.results : current.state === 'searching' ? current.previous : null }))
    const timer = setTimeout(() => {
      api.searchStories(query, { limit: RESULT_LIMIT }).then(
        (response) => {
          if (request !== latest.current) return
          const hits = new Map(response.stories.map((story, rank) => [story.id, { rank, match: response.matches[story.id] ?? null }]))
          setSearch({ state: 'done', results: { query, hits } })
        },
        (error: unknown) => {
          if (request !== latest.current) return
          setSearch({ state: 'failed', query, message: error instanceof Error ? error.message : String(error) })
        },
      )
    }, DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [query])

  return search
}
