/**
 * Moving a story through the workflow. Moves that need nothing happen on a click; those
 * that need a note (send back, take down, republish) or a time (schedule) ask for it here,
 * and those that readers feel or that put a story away ask first: Publish and Republish
 * show the reader page as it will go out (see `PublicationPreview`) and wait for a
 * confirmation; Take down and Spike say what will happen.
 */
import { useEffect, useState, type FormEvent } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { RevisionKind, Story } from '@copydesk/shared/api'
import type { TransitionRule } from '@copydesk/shared/workflow'
import { api } from '../api/endpoints.js'
import { fromNewsroomInput, toNewsroomInput } from '../app/format.js'
import { errorMessage } from '../i18n/errors.js'
import { CONFIRM_KEYS, transitionLabel } from '../i18n/labels.js'
import { ApiRequestError } from '../api/http.js'
import { Dialog, DialogFormFooter } from '../app/Dialog.js'
import { PublicationPreview, usePreview } from './PublicationPreview.js'

/** Moves that go out to readers: previewed, then confirmed. */
export function isPublication(rule: TransitionRule): boolean {
  return rule.to === 'published'
}

/** Moves that ask first, whatever else they need. */
function asksFirst(rule: TransitionRule): boolean {
  return isPublication(rule) || rule.to === 'unpublished' || rule.to === 'spiked'
}

export function needsDialog(rule: TransitionRule): boolean {
  return rule.noteRequired || rule.publishAtRequired || asksFirst(rule)
}

/** What a move will do, said before it is made (Take down, Spike). */
function consequences(t: TFunction, story: Story, rule: TransitionRule): string[] {
  if (rule.to === 'unpublished') {
    return [
      t('workflow.consequences.takeDownPage', { address: story.publicUrl ? story.publicUrl.replace(/^https?:\/\//, '') : t('workflow.consequences.itsPage') }),
      t('workflow.consequences.takeDownFeeds'),
      t('workflow.consequences.takeDownFinal'),
    ]
  }
  if (rule.to === 'spiked') {
    return [t('workflow.consequences.spikeArchive'), t('workflow.consequences.spikeRestore')]
  }
  return []
}

function confirmLabel(t: TFunction, rule: TransitionRule): string {
  const confirm = isPublication(rule) ? CONFIRM_KEYS[`${rule.from}>${rule.to}`] : undefined
  return confirm ? t(confirm) : transitionLabel(t, rule)
}

/** An hour from now on the newsroom's clock, on the hour, as a datetime-local value. */
function inAnHour(): string {
  return `${toNewsroomInput(Date.now() + 60 * 60 * 1000).slice(0, 14)}00`
}

export function TransitionDialog({ story, rule, onDone, onClose }: { story: Story; rule: TransitionRule; onDone: (story: Story) => void; onClose: () => void }) {
  const { t } = useTranslation()
  const republishing = rule.from === 'published' && rule.to === 'published'
  const [note, setNote] = useState('')
  const [revision, setRevision] = useState<RevisionKind | null>(null)
  const [publishAt, setPublishAt] = useState(inAnHour())
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [previewReady, setPreviewReady] = useState(false)
  /** What the preview on screen shows; bumping the generation makes it again. */
  const [previewed, setPreviewed] = useState<string | null>(null)
  const [previewGeneration, setPreviewGeneration] = useState(0)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const moved = await api.transition(story.id, {
        to: rule.to,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(rule.publishAtRequired ? { publishAt: (fromNewsroomInput(publishAt) ?? new Date(publishAt)).toISOString() } : {}),
        ...(republishing && revision ? { revision } : {}),
        ...(isPublication(rule) && previewed ? { previewed } : {}),
      })
      onDone(moved)
    } catch (caught) {
      if (caught instanceof ApiRequestError && caught.code === 'changed_since_preview') {
        // Someone changed the story while the desk was looking: show what would go out now.
        setPreviewGeneration((generation) => generation + 1)
        setError(t('workflow.changedSincePreview'))
      } else {
        setError(errorMessage(t, caught, 'workflow.moveFailed'))
      }
      setBusy(false)
    }
  }

  const publication = isPublication(rule)
  const said = consequences(t, story, rule)
  return (
    <Dialog title={t('workflow.dialogTitle', { action: transitionLabel(t, rule), headline: story.headline || t('card.untitled') })} onClose={onClose} wide={publication}>
      <form className="form" onSubmit={submit}>
        {publication && (
          <PreviewPane
            story={story}
            revision={republishing ? revision : null}
            note={republishing ? note : ''}
            generation={previewGeneration}
            onState={setPreviewReady}
            onShown={setPreviewed}
          />
        )}
        {said.length > 0 && (
          <ul className="consequences" data-testid="consequences">
            {said.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {rule.publishAtRequired && (
          <label className="field">
            <span className="field__label">{t('workflow.publishAt')}</span>
            <input className="input" type="datetime-local" required value={publishAt} onChange={(event) => setPublishAt(event.target.value)} />
          </label>
        )}
        {republishing && (
          <fieldset className="field choice">
            <legend className="field__label">{t('workflow.revision.legend')}</legend>
            <label className="choice__option">
              <input type="radio" name="revision" value="update" required checked={revision === 'update'} onChange={() => setRevision('update')} />
              <span>
                <strong>{t('workflow.revision.update')}</strong> <span className="muted">{t('workflow.revision.updateHint')}</span>
              </span>
            </label>
            <label className="choice__option">
              <input type="radio" name="revision" value="correction" required checked={revision === 'correction'} onChange={() => setRevision('correction')} />
              <span>
                <strong>{t('workflow.revision.correction')}</strong> <span className="muted">{t('workflow.revision.correctionHint')}</span>
              </span>
            </label>
          </fieldset>
        )}
        <label className="field">
          <span className="field__label">{republishing ? t('workflow.note.republish') : rule.noteRequired ? t('workflow.note.required') : t('workflow.note.optional')}</span>
          <textarea
            className="input textarea"
            rows={publication ? 2 : 4}
            required={rule.noteRequired}
            maxLength={2000}
            autoFocus={!publication}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        <DialogFormFooter
          error={error}
          onCancel={onClose}
          submitLabel={confirmLabel(t, rule)}
          // A publication is confirmed once its page was seen (or could not be made: then the error says why).
          disabled={busy || (rule.noteRequired && !note.trim()) || (republishing && !revision) || (publication && !previewReady)}
        />
      </form>
    </Dialog>
  )
}

/** The preview, with the kind and note of a republication as readers would see them. */
function PreviewPane({
  story,
  revision,
  note,
  generation,
  onState,
  onShown,
}: {
  story: Story
  revision: RevisionKind | null
  note: string
  generation: number
  onState: (ready: boolean) => void
  onShown: (fingerprint: string | null) => void
}) {
  const { t } = useTranslation()
  const preview = usePreview(story.id, revision, note, generation)
  const settled = preview.state !== 'loading'
  const fingerprint = preview.state === 'ready' ? preview.fingerprint : null
  useEffect(() => onState(settled), [settled, onState])
  useEffect(() => onShown(fingerprint), [fingerprint, onShown])
  return <PublicationPreview preview={preview} title={t('workflow.previewTitle', { headline: story.headline || t('card.untitled') })} />
}

/** Performs a move: at once, or through the dialog when it needs a note or a time, or asks first. */
export function useTransition(onDone: (story: Story) => void) {
  const { t } = useTranslation()
  const [pending, setPending] = useState<{ story: Story; rule: TransitionRule } | null>(null)
  const [error, setError] = useState<string | null>(null)
  async function start(story: Story, rule: TransitionRule) {
    setError(null)
    if (needsDialog(rule)) {
      setPending({ story, rule })
      return
    }
    try {
      onDone(await api.transition(story.id, { to: rule.to }))
    } catch (caught) {
      setError(errorMessage(t, caught, 'workflow.moveFailed'))
    }
  }
  const dialog = pending ? (
    <TransitionDialog
      story={pending.story}
      rule={pending.rule}
      onClose={() => setPending(null)}
      onDone={(story) => {
        setPending(null)
        onDone(story)
      }}
    />
  ) : null
  return { start, dialog, error, clearError: () => setError(null) }
}
