/** The sample story, read from its plain-text form, has the structure `fixtures/README.md` describes. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  createStoryDocument,
  importHtml,
  importMarkdown,
  importPlainText,
  importedToContent,
  readStoryField,
  renderBlocks,
  renderInlineContent,
  storyToMarkdown,
  validateStoryContent,
  type DocNode,
} from '@copydesk/shared/doc'
import { SEED_ARTICLE_FILE } from './seedDemo.js'

const text = readFileSync(SEED_ARTICLE_FILE, 'utf8')
const story = importPlainText(text, { sections: [['Actualités', 'International']] })
const textOf = (node: DocNode): string => node.text ?? (node.content ?? []).map(textOf).join('')

describe('the seed article', () => {
  it('has its section path, headline and standfirst', () => {
    expect(story.sectionPath).toEqual(['Actualités', 'International'])
    expect(story.headline).toBe('La Russie Ouvre la Porte à la Fourniture d’Armes à la Corée du Nord')
    expect(story.standfirst[0]?.text).toMatch(/^Coup de théâtre géopolitique : .*internationale\.\.\.$/)
  })

  it('has five subheads, a three-item list and two quotes with their attributions', () => {
    const subheads = story.body.filter((node) => node.type === 'heading').map(textOf)
    expect(subheads).toEqual([
      'Un Avertissement à la Corée du Sud',
      'Une Visite Sous le Signe de la Coopération',
      'Le Vietnam, Deuxième Étape d’une Mini-Tournée Asiatique',
      'Les Conséquences Potentielles pour la Péninsule Coréenne',
      'Un Nouveau Chapitre dans la Guerre en Ukraine ?',
    ])
    const lists = story.body.filter((node) => node.type === 'bulletList')
    expect(lists).toHaveLength(1)
    expect(lists[0]!.content!.map(textOf)).toEqual([
      'La Russie attache beaucoup d’importance au renforcement des relations avec le Vietnam.',
      'Les deux parties ont souligné l’atmosphère “chaleureuse et amicale” des discussions.',
      'Un “haut degré de confiance et de compréhension mutuelle” a été mis en avant.',
    ])
    const quotes = story.body.filter((node) => node.type === 'blockquote')
    expect(quotes.map((quote) => textOf(quote.content!.at(-1)!))).toEqual(['Vladimir Poutine', 'Un diplomate occidental'])
    expect(textOf(quotes[0]!.content![0]!)).toMatch(/^“J’espère que cela ne se produira pas\./)
  })

  it('ends with the author’s bio, which is not body text', () => {
    expect(story.bio).toMatch(/^Passionné et dévoué, j'explore/)
    expect(story.body.some((node) => textOf(node).includes('Passionné'))).toBe(false)
    expect(story.unmapped).toEqual([])
  })

  it('keeps its typography as written (typographic apostrophes, the broken quote pair)', () => {
    const body = story.body.map(textOf).join('\n')
    expect(body).toContain('d’État')
    expect(body).toContain('d\'”extrêmement préoccupante”')
  })

  it('fits the article schema as a story document', () => {
    const doc = createStoryDocument(importedToContent(story))
    expect(readStoryField(doc, 'body').childCount).toBe(story.body.length)
  })

  describe('imported from its other forms', () => {
    it('rebuilds the seed story from the page it is published as', () => {
      const seed = story
      const options = { language: 'en' }
      const page = `<!doctype html><html><head><title>x</title><script>alert(1)</script></head><body>
        <header><nav>Site</nav></header>
        <article>
          <nav class="crumbs"><a href="/a">Actualités</a> › <a href="/a/i">International</a></nav>
          <h1>${seed.headline}</h1>
          <p class="standfirst">${renderInlineContent(seed.standfirst, options)}</p>
          <p class="byline">Par <strong>Camille</strong></p>
          <div class="body">${renderBlocks(seed.body, options)}</div>
          <footer class="bio"><p>${seed.bio}</p></footer>
        </article></body></html>`
      const fromHtml = importHtml(page)
      expect(fromHtml.sectionPath).toEqual(['Actualités', 'International'])
      expect(fromHtml.headline).toBe(seed.headline)
      expect(fromHtml.standfirst).toEqual(seed.standfirst)
      expect(fromHtml.bio).toBe(seed.bio)
      expect(fromHtml.notes).toContainEqual(expect.objectContaining({ code: 'byline_left', params: { byline: 'Par Camille' } }))
      const body = fromHtml.body
      expect(body).toEqual(seed.body)
      expect(body.filter((block) => block.type === 'heading')).toHaveLength(5)
      expect(() => validateStoryContent(importedToContent(fromHtml))).not.toThrow()
    })

    it('reads back from the Markdown it is exported as', () => {
      const markdown = `Actualités › International\n\n${storyToMarkdown({ headline: story.headline, standfirst: story.standfirst, body: story.body, bio: story.bio ?? '' })}`
      const again = importMarkdown(markdown, { sections: [['Actualités', 'International']] })
      expect(again.sectionPath).toEqual(story.sectionPath)
      expect(again.headline).toBe(story.headline)
      expect(again.standfirst).toEqual(story.standfirst)
      expect(again.body).toEqual(story.body)
      expect(again.bio).toBe(story.bio)
    })
  })
})
