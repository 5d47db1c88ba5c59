import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { InvalidContentError, createStoryDocument, readStoryField, writeStoryContent, type StoryContent } from './content.js'
import { fieldText, measureStory, measureText } from './text.js'

const article: StoryContent = {
  headline: 'La Russie ouvre la porte',
  standfirst: [{ type: 'text', text: 'Coup de théâtre ' }, { type: 'text', text: 'géopolitique', marks: [{ type: 'bold' }] }],
  body: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Un vent glacial souffle.' }] },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Un avertissement' }] },
    {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Premier point' }] }] }],
    },
    {
      type: 'blockquote',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '“J’espère que non.”' }] },
        { type: 'quoteAttribution', content: [{ type: 'text', text: 'Vladimir Poutine' }] },
      ],
    },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'Source', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }],
    },
  ],
}

describe('story content', () => {
  it('writes every field through the schema and reads it back unchanged', () => {
    const doc = createStoryDocument(article)
    expect(readStoryField(doc, 'headline').textContent).toBe('La Russie ouvre la porte')
    expect(readStoryField(doc, 'standfirst').toJSON().content[0].content).toEqual(article.standfirst)
    // Links gain the schema's default attributes (rel, target…); everything else is as written.
    expect(readStoryField(doc, 'body').toJSON().content).toMatchObject(article.body)
    expect(readStoryField(doc, 'body').child(4).firstChild!.marks[0]!.attrs.href).toBe('https://example.org')
  })

  it('refuses content the schema does not allow, leaving the document untouched', () => {
    const doc = new Y.Doc()
    const bad: StoryContent = { ...article, body: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'bulletList' }] }] }
    expect(() => writeStoryContent(doc, bad)).toThrow(InvalidContentError)
    expect(() => writeStoryContent(doc, { ...article, body: [{ type: 'script' }] })).toThrow(/body/)
    expect(doc.getXmlFragment('headline').length).toBe(0)
  })

  it('refuses to write into a story that has content (content is seeded once)', () => {
    const doc = createStoryDocument(article)
    expect(() => writeStoryContent(doc, article)).toThrow(/already has content/)
  })

  it('keeps the headline to one line', () => {
    const doc = createStoryDocument({ headline: '  Deux\nlignes  ', standfirst: [], body: [] })
    expect(fieldText(doc, 'headline')).toBe('Deux lignes')
  })
})

describe('length', () => {
  it('counts words and signes (characters with spaces) the way a French desk does', () => {
    expect(measureText(['Un vent glacial souffle.'])).toEqual({ words: 4, signs: 24 })
    expect(measureText(['L’Ukraine – et après ?'])).toEqual({ words: 3, signs: 22 })
    expect(measureText(['Deux', 'blocs'])).toEqual({ words: 2, signs: 9 })
  })

  it('measures the standfirst and the body of a story', () => {
    const length = measureStory(createStoryDocument(article))
    expect(length.standfirst).toEqual({ words: 4, signs: 28 })
    expect(length.total.words).toBe(length.standfirst.words + length.body.words)
  })
})
