/**
 * A publication credits everyone whose text is in it: schema.org `contributor` in the page's
 * JSON-LD, ninjs 2.1 `people` with the relationship `contributor` (valid against IPTC's
 * schema). Versions published before contributors were recorded render as they did.
 */
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { hasStandard, loadStandard } from '../testing/standards.js'
import type { PublishedContent } from './content.js'
import { toNinjs } from './ninjs.js'
import { renderArticlePage } from './page.js'

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020
const site = { name: 'Copydesk', url: 'https://news.example', language: 'fr', timeZone: 'Europe/Paris' }
const at = new Date().toISOString()

function content(contributors?: PublishedContent['contributors']): PublishedContent {
  return {
    storyId: 'story-1',
    headline: 'Le maire démissionne',
    standfirst: [{ type: 'text', text: 'Coup de théâtre au conseil.' }],
    body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Le conseil a voté.' }] }],
    byline: [{ userId: 'camille', name: 'Camille Laurent', bio: '' }],
    ...(contributors ? { contributors } : {}),
    section: null,
    tags: [],
    language: 'fr',
    slug: 'le-maire-demissionne',
    words: 4,
    signs: 18,
    publicPath: '/p/articles/le-maire-demissionne-story-1',
    canonicalUrl: 'https://news.example/p/articles/le-maire-demissionne-story-1',
    firstPublishedAt: at,
    publishedAt: at,
    revisions: [],
  }
}

function jsonLdOf(page: string): Record<string, unknown> {
  return JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!) as Record<string, unknown>
}

const both = [
  { userId: 'hugo', name: 'Hugo Bernard' },
  { userId: 'camille', name: 'Camille Laurent' },
]

describe('the contributors of a publication', () => {
  it('are the JSON-LD `contributor`s, most text first', () => {
    expect(jsonLdOf(renderArticlePage(content(both), site)).contributor).toEqual([
      { '@type': 'Person', name: 'Hugo Bernard' },
      { '@type': 'Person', name: 'Camille Laurent' },
    ])
  })

  it('are ninjs `people` with the relationship `contributor`, beside the byline in `by`', () => {
    const item = toNinjs(content(both), 1, { siteName: site.name, siteUrl: site.url })
    expect(item.by).toBe('Camille Laurent')
    expect(item.people).toEqual([
      { name: 'Hugo Bernard', rel: 'contributor' },
      { name: 'Camille Laurent', rel: 'contributor' },
    ])
  })

  it('are absent from versions published before they were recorded, which still render', () => {
    const page = renderArticlePage(content(), site)
    expect(page).toContain('Le conseil a voté.')
    expect(jsonLdOf(page)).not.toHaveProperty('contributor')
    expect(toNinjs(content(), 1, { siteName: site.name, siteUrl: site.url })).not.toHaveProperty('people')
    expect(toNinjs(content([]), 1, { siteName: site.name, siteUrl: site.url })).not.toHaveProperty('people')
  })

  it.skipIf(!hasStandard('ninjs-schema_2.1.json', 'GeoJSON-schema.json'))('are valid ninjs 2.1', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    ajv.addSchema(loadStandard('GeoJSON-schema.json'))
    const check = ajv.compile(loadStandard('ninjs-schema_2.1.json'))
    const item = toNinjs(content(both), 1, { siteName: site.name, siteUrl: site.url })
    expect(check(item), JSON.stringify(check.errors)).toBe(true)
    // Not lenient: a person with a field the standard does not have is refused.
    expect(check({ ...item, people: [{ name: 'Hugo Bernard', rel: 'contributor', account: 'hugo' }] })).toBe(false)
  })
})
