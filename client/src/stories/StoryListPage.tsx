/** The newsroom's stories: search by headline, open one, start a new one. */
import { useEffect, useState, type FormEvent } from 'react'
import type { Section, Story } from '@copydesk/shared/api'
import { api } from '../api/endpoints.js'
import { ApiRequestError } from '../api/http.js'
import { formatCount, STATUS_LABELS, timeAgo } from '../app/format.js'
import { follow, navigate } from '../app/router.js'

export function StoryListPage() {
  const [query, setQuery] = useState('')
  const [stories, setStories] = useState<Story[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [sections, setSections] = useState<Section[]>([])
  const [creating, setCreating] = useState(false)

  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      api.stories(query.trim()).then(
        ({ stories }) => current && (setStories(stories), setError(null)),
        (caught: unknown) => current && setError(caught instanceof Error ? caught.message : String(caught)),
      )
    }, query ? 200 : 0)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query])

  useEffect(() => {
    api.sections().then(({ sections }) => setSections(sections), () => setSections([]))
  }, [])

  return (
    <main className="stories">
      <div className="stories__header">
        <h1 className="stories__title">Stories</h1>
        <input
          className="input stories__search"
          type="search"
          placeholder="Search headlines"
          aria-label="Search headlines"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button className="button button--primary" onClick={() => setCreating(true)}>
          New story
        </button>
      </div>
      {creating && <NewStoryForm sections={sections} onCancel={() => setCreating(false)} />}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {stories === null && !error && <p className="muted">Loading the stories…</p>}
      {stories?.length === 0 && <p className="muted">{query ? `No headline matches “${query}”.` : 'No stories yet. Start the first one.'}</p>}
      {stories && stories.length > 0 && (
        <ul className="story-list" aria-label="Stories">
          {stories.map((story) => (
            <li key={story.id} className="story-card">
              <a className="story-card__link" href={`/stories/${story.id}`} onClick={follow}>
                <span className="story-card__meta">
                  {story.section && <span className="story-card__section">{story.section.path.join(' › ')}</span>}
                  <span className={`status-chip status-chip--${story.status}`}>{STATUS_LABELS[story.status]}</span>
                </span>
                <span className="story-card__headline">{story.headline || <em className="muted">Untitled story</em>}</span>
                <span className="story-card__footer">
                  {story.byline.map((author) => author.name).join(', ') || 'No byline'} · {formatCount(story.length.words)} words ·{' '}
                  {formatCount(story.length.signs)} signes · updated {timeAgo(story.updatedAt)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}

function NewStoryForm({ sections, onCancel }: { sections: Section[]; onCancel: () => void }) {
  const [headline, setHeadline] = useState('')
  const [section, setSection] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    try {
      const story = await api.createStory({ ...(headline.trim() ? { headline: headline.trim() } : {}), ...(section ? { section } : {}) })
      navigate(`/stories/${story.id}`)
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : 'The story could not be created.')
      setBusy(false)
    }
  }

  return (
    <form className="new-story" onSubmit={submit} aria-label="New story">
      <label className="field new-story__headline">
        <span className="field__label">Working headline</span>
        <input className="input" value={headline} maxLength={300} autoFocus onChange={(event) => setHeadline(event.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">Section</span>
        <select className="input" value={section} onChange={(event) => setSection(event.target.value)}>
          <option value="">None yet</option>
          {sections.map((option) => (
            <option key={option.id} value={option.id}>
              {option.path.join(' › ')}
            </option>
          ))}
        </select>
      </label>
      <div className="new-story__actions">
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create and open'}
        </button>
        <button className="button button--quiet" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
