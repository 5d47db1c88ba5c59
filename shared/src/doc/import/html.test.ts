import { describe, expect, it } from 'vitest'
import { validateStoryContent } from '../content.js'
import { importHtml } from './html.js'
import { importedToContent } from './toContent.js'

describe('importHtml', () => {
  it('keeps nothing executable: scripts, handlers, javascript: links, frames', () => {
    const story = importHtml(`<h1 onclick="x()">Titre<script>alert(1)</script></h1>
      <p>Chapô <img src=x onerror="alert(2)"></p>
      <p>Un <a href="javascript:alert(3)">lien piégé</a>, un <a href="https://example.org/" onmouseover="y()">vrai lien</a>.</p>
      <iframe src="https://evil.example"></iframe><style>p{}</style>
      <blockquote><p>« Une citation. »</p><footer>— Une source</footer></blockquote>`)
    const json = JSON.stringify(story)
    for (const bad of ['script', 'alert', 'onerror', 'onclick', 'onmouseover', 'iframe', 'javascript:alert']) {
      expect(JSON.stringify({ headline: story.headline, standfirst: story.standfirst, body: story.body })).not.toContain(bad)
    }
    expect(json).toContain('https://example.org/')
    expect(story.headline).toBe('Titre')
    expect(story.body[1]).toEqual({
      type: 'blockquote',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '« Une citation. »' }] },
        { type: 'quoteAttribution', content: [{ type: 'text', text: 'Une source' }] },
      ],
    })
    expect(story.unmapped).toContainEqual(expect.objectContaining({ code: 'link_dropped', params: { href: 'javascript:alert(3)' } }))
    expect(story.unmapped).toContainEqual(expect.objectContaining({ code: 'elements_dropped', params: { count: 1, element: 'script' }, message: '1 <script> element was left out.' }))
    expect(story.unmapped).toContainEqual(expect.objectContaining({ code: 'elements_dropped', params: { count: 1, element: 'iframe' } }))
    expect(() => validateStoryContent(importedToContent(story))).not.toThrow()
  })

  it('reads marks, line breaks, nested lists and a quote attributed on the next line', () => {
    const story = importHtml(`<h1>T</h1><p><b>Tout en gras</b></p>
      <p>Du <strong>gras</strong>, de l’<em>italique</em><br>et une ligne.</p>
      <ul><li>un<ul><li>un bis</li></ul></li><li><p>deux</p></li></ul>
      <blockquote>“Sans légende.”</blockquote><p>– Un diplomate occidental</p>`)
    expect(story.standfirst).toEqual([{ type: 'text', text: 'Tout en gras' }])
    expect(story.body[0]!.content).toEqual([
      { type: 'text', text: 'Du ' },
      { type: 'text', text: 'gras', marks: [{ type: 'bold' }] },
      { type: 'text', text: ', de l’' },
      { type: 'text', text: 'italique', marks: [{ type: 'italic' }] },
      { type: 'hardBreak' },
      { type: 'text', text: 'et une ligne.' },
    ])
    expect(story.body[1]!.content!.map((item) => item.content![0]!.content![0]!.text)).toEqual(['un', 'un bis', 'deux'])
    expect(story.notes).toContainEqual({ code: 'list_flattened', params: {}, message: 'A list inside a list was flattened into one level.' })
    expect(story.body[2]!.content!.at(-1)).toEqual({ type: 'quoteAttribution', content: [{ type: 'text', text: 'Un diplomate occidental' }] })
    expect(story.body).toHaveLength(3)
  })

  it('says when there is no headline', () => {
    const story = importHtml('<p>Rien que du texte.</p>')
    expect(story.headline).toBe('')
    expect(story.unmapped.map((note) => note.code)).toEqual(['headline_missing_html'])
  })
})
