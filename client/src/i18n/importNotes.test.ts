/** An import's notes, worded by the catalogue from their code, with the server's English only for a code this client does not know. */
import { describe, expect, it } from 'vitest'
import { IMPORT_NOTE_CODES, importNote } from '@copydesk/shared/api'
import { IMPORT_NOTE_KEYS, importNoteText } from './importNotes.js'
import { testT } from './testing.js'

describe('import notes', () => {
  it('says each note in French, with its parameters, never in the server’s English', async () => {
    const t = await testT('fr')
    expect(importNoteText(t, importNote('section_missing', { path: 'Actualités › Monde' }))).toBe(
      'La rubrique « Actualités › Monde » n’existe pas ici : choisissez-en une dans les détails du papier.',
    )
    expect(importNoteText(t, importNote('headline_cut', { maximum: 300 }))).toBe('Le titre dépassait 300 signes et a été coupé.')
    expect(importNoteText(t, importNote('subheads_inferred', { count: 1 }))).toBe('1 ligne courte sans ponctuation finale lue comme intertitre.')
    expect(importNoteText(t, importNote('elements_dropped', { count: 2, element: 'script' }))).toBe('2 éléments <script> ont été laissés de côté.')
    const samples: Record<string, string | number> = { line: 3, path: 'Sport', text: 'x', href: 'javascript:x', count: 2, element: 'aside', byline: 'Par X', maximum: 10 }
    for (const code of IMPORT_NOTE_CODES) {
      const note = { code, params: samples, message: `English for ${code}` }
      const text = importNoteText(t, note)
      expect({ code, text }).not.toEqual({ code, text: note.message })
      expect(text).not.toMatch(/\{\{|import\.note/)
    }
  })

  it('says them in English too, by the same codes', async () => {
    const t = await testT('en')
    expect(importNoteText(t, importNote('quote_unattributed', { line: 7 }))).toBe('The quote on line 7 has no attribution.')
    expect(importNoteText(t, importNote('articles_many', { count: 3 }))).toBe('The page holds 3 articles: the first was imported.')
  })

  it('shows the server’s message for a code it does not know yet', async () => {
    const t = await testT('fr')
    const unknown = { code: 'new_kind', params: {}, message: 'Something new happened.' } as unknown as Parameters<typeof importNoteText>[1]
    expect(importNoteText(t, unknown)).toBe('Something new happened.')
    // An inherited name is not a code.
    expect(importNoteText(t, { ...unknown, code: 'toString' } as unknown as typeof unknown)).toBe('Something new happened.')
    expect(Object.keys(IMPORT_NOTE_KEYS).length + 4).toBe(IMPORT_NOTE_CODES.length)
  })
})
