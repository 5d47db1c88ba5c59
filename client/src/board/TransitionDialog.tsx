/**
 * Moving a story through the workflow. Moves that need nothing happen on a click; those
 * that need a note (send back, take down, republish) or a time (schedule) ask for it here.
 */
import { useState, type FormEvent } from 'react'
import type { RevisionKind, Story } from '@copydesk/shared/api'
import type { TransitionRule } from '@copydesk/shared/workflow'
import { api } from '../api/endpoints.js'
import { ApiRequestError } from '../api/http.js'
import { Dialog, DialogFormFooter } from '../app/Dialog.js'

export function needsDialog(rule: TransitionRule): boolean {
  return rule.noteRequired || rule.publishAtRequired
}

/** The local time an hour from now, as a datetime-local value. */
function inAnHour(): string {
  const date = new Date(Date.now() + 60 * 60 * 1000)
  date.setMinutes(0, 0, 0)
  const offset = date.getTimezoneOffset() * 60_000
  return new Date(date.getTime() - offset).toISOString().slice(0, 16)
}

export function TransitionDialog({ story, rule, onDone, onClose }: { story: Story; rule: TransitionRule; onDone: (story: Story) => void; onClose: () => void }) {
  const republishing = rule.from === 'published' && rule.to === 'published'
  const [note, setNote] = useState('')
  const [revision, setRevision] = useState<RevisionKind | null>(null)
  const [publishAt, setPublishAt] = useState(inAnHour())
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const moved = await api.transition(story.id, {
        to: rule.to,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(rule.publishAtRequired ? { publishAt: new Date(publishAt).toISOString() } : {}),
        ...(republishing && revision ? { revision } : {}),
      })
      onDone(moved)
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : 'The story could not be moved.')
      setBusy(false)
    }
  }

  return (
    <Dialog title={`${rule.label}: ${story.headline || 'Untitled story'}`} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {rule.publishAtRequired && (
          <label className="field">
            <span className="field__label">Publish at</span>
            <input className="input" type="datetime-local" required value={publishAt} onChange={(event) => setPublishAt(event.target.value)} />
          </label>
        )}
        {republishing && (
          <fieldset className="field choice">
            <legend className="field__label">What is this republication?</legend>
            <label className="choice__option">
              <input type="radio" name="revision" value="update" required checked={revision === 'update'} onChange={() => setRevision('update')} />
              <span>
                <strong>Update</strong> <span className="muted">new information: readers see “Updated” and the note</span>
              </span>
            </label>
            <label className="choice__option">
              <input type="radio" name="revision" value="correction" required checked={revision === 'correction'} onChange={() => setRevision('correction')} />
              <span>
                <strong>Correction</strong> <span className="muted">an error fixed: listed under the article with its date</span>
              </span>
            </label>
          </fieldset>
        )}
        <label className="field">
          <span className="field__label">{republishing ? 'Note for readers (required): what changed' : rule.noteRequired ? 'Note (required): what needs doing, or why' : 'Note (optional)'}</span>
          <textarea className="input textarea" rows={4} required={rule.noteRequired} maxLength={2000} autoFocus value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
        <DialogFormFooter
          error={error}
          onCancel={onClose}
          submitLabel={rule.label}
          disabled={busy || (rule.noteRequired && !note.trim()) || (republishing && !revision)}
        />
      </form>
    </Dialog>
  )
}

/** Performs a move: at once, or through the dialog when it needs a note or a time. */
export function useTransition(onDone: (story: Story) => void) {
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
      setError(caught instanceof ApiRequestError ? caught.message : 'The story could not be moved.')
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
