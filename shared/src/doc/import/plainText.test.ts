import { describe, expect, it } from 'vitest'
import { importPlainText } from './plainText.js'

const sample = [
  'Économie',
  '',
  'Le prix du blé flambe',
  '',
  'La sécheresse fait grimper les cours.',
  '',
  'Premier paragraphe du corps.',
  '',
  'Les Boulangers en Première Ligne',
  '',
  '• la farine',
  '• l’énergie',
  '',
  '1. d’abord',
  '2. ensuite',
  '',
  '« Les stocks n’ont jamais été aussi bas. »',
  '',
  '– Un courtier',
  '',
  '“Sans attribution.”',
  '',
  'Dernier paragraphe.',
  '',
  'Je couvre l’agriculture depuis dix ans.',
].join('\n')

describe('importPlainText', () => {
  it('recognises section, headline, standfirst, subheads, lists, quotes and the bio', () => {
    const story = importPlainText(sample, { sections: [['Économie']] })
    expect(story.sectionPath).toEqual(['Économie'])
    expect(story.headline).toBe('Le prix du blé flambe')
    expect(story.standfirst).toEqual([{ type: 'text', text: 'La sécheresse fait grimper les cours.' }])
    expect(story.bio).toBe('Je couvre l’agriculture depuis dix ans.')
    expect(story.body.map((node) => node.type)).toEqual([
      'paragraph',
      'heading',
      'bulletList',
      'orderedList',
      'blockquote',
      'blockquote',
      'paragraph',
    ])
    expect(story.body[2]!.content!.map((item) => item.content![0]!.content![0]!.text)).toEqual(['la farine', 'l’énergie'])
    expect(story.body[4]!.content![1]).toEqual({ type: 'quoteAttribution', content: [{ type: 'text', text: 'Un courtier' }] })
    expect(story.notes.filter((note) => note.code === 'quote_unattributed')).toHaveLength(1)
  })

  it('splits a breadcrumb whose separators were lost, or written with ›', () => {
    expect(importPlainText('ActualitésInternational\nTitre\nChapô.').sectionPath).toEqual(['Actualités', 'International'])
    expect(importPlainText('Sport › Football\nTitre\nChapô.').sectionPath).toEqual(['Sport', 'Football'])
    expect(importPlainText('Un titre sans rubrique\nChapô.\nCorps.').sectionPath).toEqual([])
  })

  it('reports what it could not place', () => {
    const story = importPlainText('Titre\n\nChapô.\n\n– Personne\n\nFin.')
    expect(story.unmapped).toEqual([
      { code: 'attribution_orphan', params: { line: 5, text: '– Personne' }, message: 'Line 5: an attribution with no quote before it ("– Personne"), kept as a paragraph.' },
    ])
    expect(importPlainText('').unmapped).toEqual([{ code: 'text_empty', params: {}, message: 'The text is empty: there is no headline.' }])
  })
})
