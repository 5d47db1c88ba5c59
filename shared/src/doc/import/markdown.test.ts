import { describe, expect, it } from 'vitest'
import { storyToMarkdown } from '../render/markdown.js'
import { importMarkdown } from './markdown.js'

const sample = `Actualités › International

# La Russie ouvre la porte

**Coup de théâtre géopolitique : Vladimir Poutine envisage…**

Un vent *glacial* souffle. Voir [la dépêche](https://example.org/d) et [ceci](javascript:alert(1)).

## Un avertissement

- premier
- second

> “J’espère que cela ne se produira pas.”
>
> — Vladimir Poutine

1. un
2. deux

---

*Passionné et dévoué, j'explore…*
`

describe('importMarkdown', () => {
  it('reads the structure, the inline marks and the bio, and reports what it dropped', () => {
    const story = importMarkdown(sample, { sections: [['Actualités', 'International']] })
    expect(story.sectionPath).toEqual(['Actualités', 'International'])
    expect(story.headline).toBe('La Russie ouvre la porte')
    expect(story.standfirst).toEqual([{ type: 'text', text: 'Coup de théâtre géopolitique : Vladimir Poutine envisage…' }])
    expect(story.body.map((node) => node.type)).toEqual(['paragraph', 'heading', 'bulletList', 'blockquote', 'orderedList'])
    expect(story.body[0]!.content).toContainEqual({ type: 'text', text: 'glacial', marks: [{ type: 'italic' }] })
    expect(story.body[0]!.content).toContainEqual({ type: 'text', text: 'la dépêche', marks: [{ type: 'link', attrs: { href: 'https://example.org/d' } }] })
    expect(JSON.stringify(story.body)).not.toContain('javascript')
    expect(story.unmapped).toContainEqual(expect.objectContaining({ code: 'link_dropped', params: { href: 'javascript:alert(1)' } }))
    expect(story.body[3]!.content!.at(-1)).toEqual({ type: 'quoteAttribution', content: [{ type: 'text', text: 'Vladimir Poutine' }] })
    expect(story.bio).toBe("Passionné et dévoué, j'explore…")
  })

  it('reads back what the exporter writes', () => {
    const story = importMarkdown(sample)
    const again = importMarkdown(storyToMarkdown({ headline: story.headline, standfirst: story.standfirst, body: story.body, bio: story.bio ?? '' }))
    expect(again.headline).toBe(story.headline)
    expect(again.standfirst).toEqual(story.standfirst)
    expect(again.body).toEqual(story.body)
    expect(again.bio).toBe(story.bio)
  })
})
