/** What "the working copy differs" means: a fingerprint of the content, and the words added and removed. */
import type { StoryContent } from '@copydesk/shared/doc'
import { describe, expect, it } from 'vitest'
import { contentFingerprint, contentWords, wordChanges } from './workingCopy.js'

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const story = (headline: string, ...paragraphs: string[]): StoryContent => ({ headline, standfirst: [{ type: 'text', text: 'Le chapeau.' }], body: paragraphs.map(paragraph) })

describe('contentFingerprint', () => {
  it('is equal for equal content, also after a round trip through JSON (as a version stores it)', () => {
    const content = story('Titre', 'Un paragraphe.', 'Un autre.')
    expect(contentFingerprint(JSON.parse(JSON.stringify(content)) as StoryContent)).toBe(contentFingerprint(content))
  })

  it('differs for any change of text, marks or structure, even one that keeps the length', () => {
    const base = contentFingerprint(story('Titre', 'Un paragraphe.'))
    expect(contentFingerprint(story('Titre', 'Un paragraphf.'))).not.toBe(base)
    expect(contentFingerprint(story('Titrf', 'Un paragraphe.'))).not.toBe(base)
    expect(contentFingerprint(story('Titre', 'Un', 'paragraphe.'))).not.toBe(base)
    const bold: StoryContent = { ...story('Titre'), body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Un paragraphe.', marks: [{ type: 'bold' }] }] }] }
    expect(contentFingerprint(bold)).not.toBe(base)
  })
})

describe('wordChanges', () => {
  it('counts words added and removed over headline, standfirst and body, a changed word as both', () => {
    const before = contentWords(story('Inondations dans le Var', 'Les pompiers sont intervenus toute la nuit.'))
    const after = contentWords(story('Inondations dans le Var', 'Les pompiers sont intervenus toute la journée.', 'Trois communes restent sans électricité.'))
    expect(wordChanges(before, after)).toEqual({ wordsAdded: 6, wordsRemoved: 1 })
    expect(wordChanges(after, before)).toEqual({ wordsAdded: 1, wordsRemoved: 6 })
    expect(wordChanges(before, contentWords(story('Crues dans le Var', 'Les pompiers sont intervenus toute la nuit.')))).toEqual({ wordsAdded: 1, wordsRemoved: 1 })
  })

  it('does not count moved words, punctuation alone, or words joined across blocks', () => {
    const before = contentWords(story('Titre', 'Premier paragraphe.', 'Second paragraphe.'))
    expect(wordChanges(before, contentWords(story('Titre', 'Second paragraphe.', 'Premier paragraphe.')))).toEqual({ wordsAdded: 0, wordsRemoved: 0 })
    expect(wordChanges(before, contentWords(story('Titre', 'Premier paragraphe.', 'Second paragraphe.', '— !')))).toEqual({ wordsAdded: 0, wordsRemoved: 0 })
    expect(contentWords(story('Titre', 'fin', 'début')).get('findébut')).toBeUndefined()
  })
})
