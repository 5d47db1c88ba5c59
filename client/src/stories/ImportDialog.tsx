/**
 * Importing a story from text laid out like an article: pasted, or read from a file (plain
 * text, Markdown, HTML). The server recognises the structure and says what it inferred and
 * what it could not place; the person reads that before opening the new story.
 */
import { useId, useState, type ChangeEvent, type FormEvent } from 'react'
import { MAX_IMPORT_CHARS, type ImportStoryResponse, type Section, type Story } from '@copydesk/shared/api'
import { api } from '../api/endpoints.js'
import { ApiRequestError } from '../api/http.js'
import { Dialog, DialogFormFooter } from '../app/Dialog.js'

type Format = 'text' | 'markdown' | 'html'

const FORMATS: { value: Format; label: string }[] = [
  { value: 'text', label: 'Plain text' },
  { value: 'markdown', label: 'Markdown' },
  { value: 'html', label: 'HTML' },
]

/** The format a file or a paste most likely is. */
export function guessFormat(name: string, text: string): Format {
  if (/\.(html?|xhtml)$/i.test(name) || /^\s*<(?:!doctype|html|article|body|h1|p|div)\b/i.test(text)) return 'html'
  if (/\.(md|markdown)$/i.test(name) || /^\s*#\s/m.test(text)) return 'markdown'
  return 'text'
}

export function ImportDialog({ sections, onClose, onOpen }: { sections: Section[]; onClose: () => void; onOpen: (story: Story) => void }) {
  const [format, setFormat] = useState<Format>('text')
  const [content, setContent] = useState('')
  const [fileName, setFileName] = useState<string | null>(null)
  const [section, setSection] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ImportStoryResponse | null>(null)
  const ids = { file: useId(), format: useId(), section: useId(), text: useId() }

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    if (!file) return
    if (file.size > MAX_IMPORT_CHARS * 2) {
      setError('This file is too large to import.')
      return
    }
    const text = await file.text()
    setFileName(file.name)
    setContent(text)
    setFormat(guessFormat(file.name, text))
    setError(null)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      setResult(await api.importStory({ format, content, ...(section ? { section } : {}) }))
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : 'The text could not be imported.')
    } finally {
      setBusy(false)
    }
  }

  if (result) {
    const story = result.story
    return (
      <Dialog title="Story imported" onClose={onClose} wide>
        <div className="import-result" data-testid="import-result">
          <p>
            <strong>{story.headline || 'Untitled story'}</strong>
            {story.section ? ` · ${story.section.path.join(' › ')}` : ' · no section yet'} · {story.length.words} words
          </p>
          {result.unmapped.length > 0 && (
            <>
              <h3 className="import-result__title import-result__title--warn">Could not be placed ({result.unmapped.length})</h3>
              <ul className="import-result__list">
                {result.unmapped.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            </>
          )}
          {result.notes.length > 0 && (
            <>
              <h3 className="import-result__title">Read as</h3>
              <ul className="import-result__list">
                {result.notes.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            Back to the board
          </button>
          <button type="button" className="button button--primary" autoFocus onClick={() => onOpen(story)}>
            Open the story
          </button>
        </div>
      </Dialog>
    )
  }

  return (
    <Dialog title="Import a story" onClose={onClose} wide>
      <form className="form" onSubmit={submit} aria-label="Import a story">
        <p className="muted import__help">
          Paste an article or choose a file. The section line, headline, standfirst, subheads, lists, quotes with their “– attribution” and the closing bio are recognised.
        </p>
        <div className="import__row">
          <div className="field">
            <label className="field__label" htmlFor={ids.file}>
              File
            </label>
            <input id={ids.file} className="input" type="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" onChange={(event) => void readFile(event)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.format}>
              Format
            </label>
            <select id={ids.format} className="input" value={format} onChange={(event) => setFormat(event.target.value as Format)}>
              {FORMATS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.section}>
              Section
            </label>
            <select id={ids.section} className="input" value={section} onChange={(event) => setSection(event.target.value)}>
              <option value="">As the text says</option>
              {sections.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.path.join(' › ')}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.text}>
            {fileName ? `Text of ${fileName}` : 'Text'}
          </label>
          <textarea
            id={ids.text}
            className="input textarea import__text"
            rows={14}
            value={content}
            maxLength={MAX_IMPORT_CHARS}
            onChange={(event) => {
              setContent(event.target.value)
              if (!fileName && event.target.value.length > 20) setFormat(guessFormat('', event.target.value))
            }}
            placeholder={'Actualités › International\n\nThe headline\n\nThe standfirst…'}
          />
        </div>
        <DialogFormFooter error={error} onCancel={onClose} submitLabel={busy ? 'Importing…' : 'Import'} disabled={busy || !content.trim()} />
      </form>
    </Dialog>
  )
}
