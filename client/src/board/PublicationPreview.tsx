/**
 * The reader page as a publication made now would put it out, before the desk confirms:
 * rendered by the server's publishing code from the working copy (`GET
 * /api/stories/:id/preview`), shown in a sandboxed frame (no script, no same-origin
 * access, no navigation of the app) at desktop or phone width.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PREVIEW_FINGERPRINT_HEADER, type RevisionKind } from '@copydesk/shared/api'
import { ApiRequestError } from '../api/http.js'
import { errorMessage } from '../i18n/errors.js'
import { key } from '../i18n/labels.js'

export const PREVIEW_WIDTHS = { desktop: { label: key('preview.desktop'), px: null }, phone: { label: key('preview.phone'), px: 390 } } as const
export type PreviewWidth = keyof typeof PREVIEW_WIDTHS

/** How long the note may rest before the preview shows it (a fetch per pause in typing, not per key). */
const NOTE_PAUSE_MS = 400

/** `fingerprint` names what the page shows: sent with the confirmation, so nothing unseen goes out. */
export type PreviewState = { state: 'loading' } | { state: 'ready'; html: string; fingerprint: string | null } | { state: 'failed'; error: unknown }

async function fetchPreview(storyId: string, revision: RevisionKind | null, note: string, signal: AbortSignal): Promise<{ html: string; fingerprint: string | null }> {
  const query = new URLSearchParams()
  if (revision) query.set('revision', revision)
  if (note.trim()) query.set('note', note.trim())
  const search = query.toString()
  const response = await fetch(`/api/stories/${encodeURIComponent(storyId)}/preview${search ? `?${search}` : ''}`, { credentials: 'same-origin', signal })
  const text = await response.text()
  if (!response.ok) {
    let error: { code?: string; message?: string } | undefined
    try {
      error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error
    } catch {
      // not JSON
    }
    throw new ApiRequestError(response.status, error?.code ?? 'http', error?.message ?? `The server answered ${response.status}`)
  }
  return { html: text, fingerprint: response.headers.get(PREVIEW_FINGERPRINT_HEADER) }
}

/**
 * The preview of a publication of `storyId`, fetched again when the republication's kind
 * or note change, or when `generation` does (the story changed since: show it again).
 */
export function usePreview(storyId: string, revision: RevisionKind | null, note: string, generation = 0): PreviewState {
  const [state, setState] = useState<PreviewState>({ state: 'loading' })
  const [settledNote, setSettledNote] = useState(note)
  useEffect(() => {
    const timer = setTimeout(() => setSettledNote(note), NOTE_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [note])
  useEffect(() => {
    const controller = new AbortController()
    // The page on screen stays until the next one arrives: Confirm never flickers to
    // disabled under a pointer, and what it sends (`fingerprint`) is what is on screen.
    fetchPreview(storyId, revision, settledNote, controller.signal).then(
      ({ html, fingerprint }) => setState({ state: 'ready', html, fingerprint }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        setState({ state: 'failed', error })
      },
    )
    return () => controller.abort()
  }, [storyId, revision, settledNote, generation])
  return state
}

export function PublicationPreview({ preview, title }: { preview: PreviewState; title: string }) {
  const { t } = useTranslation()
  const [width, setWidth] = useState<PreviewWidth>('desktop')
  const px = PREVIEW_WIDTHS[width].px
  return (
    <section className="preview" aria-label={t('preview.label')}>
      <div className="preview__bar">
        <span className="preview__what muted">{t('preview.what')}</span>
        <span className="preview__widths" role="group" aria-label={t('preview.widths')}>
          {(Object.keys(PREVIEW_WIDTHS) as PreviewWidth[]).map((name) => (
            <button key={name} type="button" className="preview__width" aria-pressed={width === name} onClick={() => setWidth(name)}>
              {t(PREVIEW_WIDTHS[name].label)}
            </button>
          ))}
        </span>
      </div>
      <div className={`preview__stage preview__stage--${width}`} aria-busy={preview.state === 'loading'}>
        {preview.state === 'ready' && (
          <iframe
            className="preview__frame"
            title={title}
            // No token at all: no script, an opaque origin, no forms, no popups, no top navigation.
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={preview.html}
            style={px ? { width: `${px}px` } : undefined}
            data-width={width}
          />
        )}
        {preview.state === 'loading' && <p className="preview__message muted">{t('preview.rendering')}</p>}
        {preview.state === 'failed' && (
          <p className="preview__message form__error" role="alert">
            {t('preview.failed', { message: errorMessage(t, preview.error, 'errors.network') })}
          </p>
        )}
      </div>
    </section>
  )
}
