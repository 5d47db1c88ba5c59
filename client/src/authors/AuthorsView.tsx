/**
 * The "Authors" view of a story: the working copy as the server holds it, read-only, each
 * passage in its author's colour, and a legend naming each author with their share of the
 * text. Authorship is the server's (who sent each edit), fetched from
 * `/api/stories/:id/authors`; it follows the text as people write (fetched again shortly
 * after the document changes).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoryAuthor, StoryAuthorsResponse } from '@copydesk/shared/api'
import type * as Y from 'yjs'
import { api } from '../api/endpoints.js'
import { errorMessage } from '../i18n/errors.js'
import { AuthoredText, authorElementId } from './AuthoredText.js'
import './authors.css'

/** How long the text must rest before the view asks again (the server commits first). */
const REFRESH_AFTER_MS = 600

function Legend({ answer }: { answer: StoryAuthorsResponse }) {
  const { t, i18n } = useTranslation()
  const total = answer.authors.reduce((sum, author) => sum + author.signs, 0)
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 })
  const nameOf = (author: StoryAuthor) => author.name ?? t('authors.unknown')
  return (
    <ul className="authors__legend" aria-label={t('authors.legend')}>
      {answer.authors.map((author) => (
        <li key={author.id ?? 'unknown'} id={authorElementId(answer.storyId, author.id)} className="authors__entry" data-author={nameOf(author)}>
          <span className={`authors__swatch${author.id === null ? ' authors__swatch--unknown' : ''}`} style={{ backgroundColor: author.color }} aria-hidden="true" />
          <span className="authors__name">{nameOf(author)}</span>
          <span className="authors__share">{t('authors.share', { share: percent.format(total ? author.signs / total : 0) })}</span>
        </li>
      ))}
    </ul>
  )
}

export function AuthorsView({ storyId, doc, language }: { storyId: string; doc: Y.Doc; language: string }) {
  const { t } = useTranslation()
  const [answer, setAnswer] = useState<StoryAuthorsResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(0)

  const load = useCallback(() => {
    const asked = ++latest.current
    api.authors(storyId).then(
      (found) => {
        if (asked !== latest.current) return
        setAnswer(found)
        setError(null)
      },
      (caught: unknown) => asked === latest.current && setError(errorMessage(t, caught, 'authors.failed')),
    )
  }, [storyId, t])

  useEffect(() => {
    load()
    let timer: ReturnType<typeof setTimeout> | undefined
    const changed = () => {
      clearTimeout(timer)
      timer = setTimeout(load, REFRESH_AFTER_MS)
    }
    doc.on('update', changed)
    return () => {
      clearTimeout(timer)
      doc.off('update', changed)
    }
  }, [doc, load])

  return (
    <main className="article-page authors" aria-labelledby={`authors-title-${storyId}`}>
      <section className="authors__panel">
        <h2 id={`authors-title-${storyId}`} className="authors__title">
          {t('authors.title')}
        </h2>
        <p className="authors__hint">{t('authors.hint')}</p>
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        {answer && <Legend answer={answer} />}
      </section>
      {answer ? <AuthoredText answer={answer} language={language} /> : !error && <p className="muted article-page__waiting" aria-busy="true">{t('authors.loading')}</p>}
    </main>
  )
}
