/**
 * Publishing, end to end over real HTTP and real sockets: the seed story imported from its
 * text file, moved through the workflow and published; its reader page checked part by part
 * (and validated as HTML5); hostile content typed through the stock y-websocket client and
 * imported as HTML kept out of every public answer; draft text after publication kept
 * private until republished; corrections, takedown, feeds (parsed), the ninjs API, exports,
 * and the publishing job (on time, and after a restart).
 */
import { readFileSync } from 'node:fs'
import { XMLParser } from 'fast-xml-parser'
import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_HEADLINE_CHARS } from '@copydesk/shared/limits'
import { PREVIEW_FINGERPRINT_HEADER, type ApiErrorBody, type ImportStoryResponse, type Notification, type PublishedVersion, type Story } from '@copydesk/shared/api'
import * as Y from 'yjs'
import { SEED_ARTICLE_FILE } from '../demo/seedDemo.js'
import { connectStock } from '../testing/stockClient.js'
import { ADMIN, startTestServer, tempDataDir, type Credentials, type TestServer } from '../testing/testServer.js'
import { NBSP, NNBSP } from '@copydesk/shared/doc'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { hasStandard, loadStandard, standardsSkipNotice } from '../testing/standards.js'

const NINJS_SCHEMA_FILE = 'ninjs-schema_2.1.json'
const GEOJSON_SCHEMA_FILE = 'GeoJSON-schema.json'
// ajv-formats is CommonJS: under Node's ESM its default export arrives as the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020

let server: TestServer
let editor: Credentials
let reporter: Credentials
let reporterId: string

async function setUpNewsroom(target: TestServer): Promise<{ editor: Credentials; reporter: Credentials; reporterId: string }> {
  const adminCredentials = await target.api.login(ADMIN.email, ADMIN.password)
  for (const section of [
    { id: 'actualites', name: 'Actualités', parentId: null },
    { id: 'international', name: 'International', parentId: 'actualites' },
  ]) {
    const response = await target.api.request('POST', '/api/sections', { credentials: adminCredentials, json: section })
    expect(response.status).toBe(201)
  }
  await target.api.createUser(adminCredentials, { email: 'ines@copydesk.test', displayName: 'Inès Moreau', role: 'editor' })
  const camille = await target.api.createUser(adminCredentials, { email: 'camille@copydesk.test', displayName: 'Camille Laurent', role: 'reporter' })
  return {
    editor: await target.api.login('ines@copydesk.test', 'correct-horse-1'),
    reporter: await target.api.login('camille@copydesk.test', 'correct-horse-1'),
    reporterId: camille.id,
  }
}

beforeAll(async () => {
  server = await startTestServer()
  ;({ editor, reporter, reporterId } = await setUpNewsroom(server))
})
afterAll(async () => {
  await server?.stop()
})

async function move(target: TestServer, credentials: Credentials, id: string, body: Record<string, unknown>): Promise<Story> {
  const response = await target.api.request<Story | ApiErrorBody>('POST', `/api/stories/${id}/transitions`, { credentials, json: body })
  if (response.status !== 200) throw new Error(`moving ${id} to ${String(body.to)}: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body as Story
}

/** Files, approves and publishes a story as the desk would. */
async function publish(target: TestServer, id: string, credentials = editor): Promise<Story> {
  await move(target, credentials, id, { to: 'submitted' })
  await move(target, credentials, id, { to: 'approved' })
  return move(target, credentials, id, { to: 'published' })
}

async function importStory(format: 'text' | 'markdown' | 'html', content: string, credentials = reporter): Promise<ImportStoryResponse> {
  const response = await server.api.request<ImportStoryResponse | ApiErrorBody>('POST', '/api/stories/import', { credentials, json: { format, content } })
  if (response.status !== 201) throw new Error(`import failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body as ImportStoryResponse
}

/** A public GET, with no session at all. */
async function read(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(url, { headers })
  return { status: response.status, text: await response.text(), headers: response.headers }
}

const textOfHtml = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

function all(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((match) => match[1]!)
}

/** Everything public about a story: its page, the front page, its section page, the feeds, the ninjs item. */
async function everythingPublic(target: TestServer, story: Story): Promise<string> {
  const parts = await Promise.all([
    story.publicUrl ? read(story.publicUrl) : Promise.resolve({ text: '' }),
    read(`${target.url}/p/`),
    read(`${target.url}/feed.xml`),
    story.section ? read(`${target.url}/p/${story.section.id}/`) : Promise.resolve({ text: '' }),
    story.section ? read(`${target.url}/p/${story.section.id}/feed.xml`) : Promise.resolve({ text: '' }),
    read(`${target.url}/api/public/stories/${story.id}`),
  ])
  return parts.map((part) => part.text).join('\n')
}

describe('the seed story, imported and published', () => {
  let story: Story
  let page: string

  beforeAll(async () => {
    const imported = await importStory('text', readFileSync(SEED_ARTICLE_FILE, 'utf8'))
    expect(imported.story.section?.id).toBe('international')
    expect(imported.story.byline[0]!.bio).toMatch(/^Passionné et dévoué/)
    expect(imported.notes).toContainEqual(expect.objectContaining({ code: 'section_read_line', params: { line: 1, path: 'Actualités › International' } }))
    story = await publish(server, imported.story.id)
    expect(story.status).toBe('published')
    expect(story.publicUrl).toMatch(new RegExp(`^${server.url}/p/international/la-russie-ouvre-la-porte-[a-z0-9-]+-${story.id}$`))
    const response = await read(story.publicUrl!)
    expect(response.status).toBe(200)
    page = response.text
  })

  it('has the headline, the standfirst, five subheads, the list, both quotes with their attributions, and the bio', () => {
    expect(all(page, /<h1>([^<]*)<\/h1>/g)).toEqual(['La Russie Ouvre la Porte à la Fourniture d’Armes à la Corée du Nord'])
    const standfirst = all(page, /<p class="standfirst">([\s\S]*?)<\/p>/g)
    expect(standfirst).toHaveLength(1)
    expect(standfirst[0]).toMatch(/^Coup de théâtre géopolitique/)
    const body = /<div class="body">([\s\S]*?)<\/div>/.exec(page)![1]!
    expect(all(body, /<h2>([^<]*)<\/h2>/g)).toHaveLength(5)
    expect(all(body, /<h2>([^<]*)<\/h2>/g)[4]).toBe(`Un Nouveau Chapitre dans la Guerre en Ukraine${NNBSP}?`)
    const lists = all(body, /<ul>([\s\S]*?)<\/ul>/g)
    expect(lists).toHaveLength(1)
    expect(all(lists[0]!, /<li>([\s\S]*?)<\/li>/g)).toHaveLength(3)
    const quotes = all(body, /<figure class="quote">([\s\S]*?)<\/figure>/g)
    expect(quotes).toHaveLength(2)
    expect(quotes.map((quote) => /<cite>([^<]*)<\/cite>/.exec(quote)?.[1])).toEqual(['Vladimir Poutine', 'Un diplomate occidental'])
    expect(page).toMatch(/<footer class="bio">[\s\S]*Passionné et dévoué/)
    expect(page).toMatch(/<nav class="crumbs"[^>]*><a href="\/p\/actualites\/">Actualités<\/a><span aria-hidden="true">›<\/span><a href="\/p\/international\/">International<\/a><\/nav>/)
    expect(page).toMatch(/Par <strong>Camille Laurent<\/strong> · <time datetime="[^"]+">Publié le /)
  })

  it('applies French typography: no-break spaces before : ; ! ?, « guillemets », typographic apostrophes', () => {
    const text = textOfHtml(page)
    expect(text).toContain(`géopolitique${NBSP}:`)
    expect(text).toContain(`en Ukraine${NNBSP}?`)
    // The broken pair of the source (d'”extrêmement préoccupante”) comes out right.
    expect(text).toContain(`d’«${NNBSP}extrêmement préoccupante${NNBSP}»`)
    expect(text).not.toMatch(/[“”]/)
    const body = textOfHtml(/<div class="body">([\s\S]*?)<\/div>/.exec(page)![1]!)
    expect(body).not.toContain("'")
    expect(body).not.toMatch(/ [:;!?]/)
  })

  it('has a title, a description, a canonical URL, OpenGraph and valid NewsArticle JSON-LD', () => {
    expect(page).toContain('<title>La Russie Ouvre la Porte à la Fourniture d’Armes à la Corée du Nord – Copydesk</title>')
    expect(page).toMatch(/<meta name="description" content="Coup de théâtre géopolitique[^"]+">/)
    expect(page).toContain(`<link rel="canonical" href="${story.publicUrl}">`)
    expect(page).toContain(`<meta property="og:url" content="${story.publicUrl}">`)
    expect(page).toContain('<meta property="og:type" content="article">')
    expect(page).toContain('<meta property="og:locale" content="fr_FR">')
    const scripts = all(page, /<script([^>]*)>/g)
    expect(scripts).toEqual([' type="application/ld+json"'])
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!) as Record<string, unknown>
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'La Russie Ouvre la Porte à la Fourniture d’Armes à la Corée du Nord',
      inLanguage: 'fr',
      url: story.publicUrl,
      mainEntityOfPage: { '@id': story.publicUrl },
      author: [{ '@type': 'Person', name: 'Camille Laurent' }],
      publisher: { '@type': 'Organization', name: 'Copydesk' },
      articleSection: 'International',
    })
    expect(Number.isNaN(Date.parse(jsonLd.datePublished as string))).toBe(false)
  })

  it('validates as HTML5', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] })
    // The validator does catch invalid markup (a block inside a paragraph, a stray attribute).
    const broken = await validator.validateString('<!DOCTYPE html><html lang="fr"><head><title>x</title></head><body><p><div>x</div></p><a hreff="/">y</a></body></html>')
    expect(broken.valid).toBe(false)
    const report = await validator.validateString(page)
    const messages = report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`))
    expect(messages).toEqual([])
    for (const other of [`${server.url}/p/`, `${server.url}/p/international/`, `${server.url}/p/nowhere/`]) {
      const listing = await validator.validateString((await read(other)).text)
      expect(listing.results.flatMap((result) => result.messages.map((message) => `${other} ${message.ruleId} ${message.message}`))).toEqual([])
    }
  })

  it('is served once rendered, with a strict CSP, an ETag and Last-Modified, and revalidates with 304', async () => {
    const first = await read(story.publicUrl!)
    expect(first.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    expect(first.headers.get('content-security-policy')).not.toMatch(/script-src/)
    const etag = first.headers.get('etag')!
    const lastModified = first.headers.get('last-modified')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(Date.parse(lastModified)).not.toBeNaN()
    expect((await read(story.publicUrl!, { 'if-none-match': etag })).status).toBe(304)
    expect((await read(story.publicUrl!, { 'if-modified-since': lastModified })).status).toBe(304)
    expect((await read(story.publicUrl!, { 'if-none-match': '"something-else"' })).status).toBe(200)
    const css = await read(`${server.url}/p/assets/reader.css`)
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
  })

  it('is listed on the front page, its section pages and the feeds, which parse as RSS 2.0', async () => {
    for (const listing of [`${server.url}/p/`, `${server.url}/p/international/`, `${server.url}/p/actualites/`]) {
      expect((await read(listing)).text).toContain(`href="${new URL(story.publicUrl!).pathname}"`)
    }
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
    for (const url of [`${server.url}/feed.xml`, `${server.url}/p/international/feed.xml`]) {
      const response = await read(url)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^application\/rss\+xml/)
      const feed = parser.parse(response.text, true) as { rss: { '@version': string; channel: Record<string, unknown> } }
      expect(feed.rss['@version']).toBe('2.0')
      const channel = feed.rss.channel
      expect(channel.title).toBeTruthy()
      expect(String(channel.link)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/p\//)
      expect(channel.description).toBeTruthy()
      const items = ([] as Record<string, unknown>[]).concat(channel.item as Record<string, unknown>)
      const item = items.find((entry) => entry.link === story.publicUrl)!
      expect(item).toBeDefined()
      expect(item.title).toBe('La Russie Ouvre la Porte à la Fourniture d’Armes à la Corée du Nord')
      expect(item.guid).toEqual({ '#text': story.publicUrl, '@isPermaLink': 'true' })
      expect(String(item.pubDate)).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/)
      expect(Date.parse(String(item.pubDate))).toBeGreaterThan(Date.now() - 600_000)
    }
  })

  it('is served to partners as ninjs 2.x', async () => {
    const response = await read(`${server.url}/api/public/stories/${story.id}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const item = JSON.parse(response.text) as Record<string, unknown>
    expect(item).toMatchObject({
      uri: story.publicUrl,
      type: 'text',
      version: '1',
      pubstatus: 'usable',
      language: 'fr',
      by: 'Camille Laurent',
      standard: { name: 'ninjs', version: '2.1' },
      headlines: [{ role: 'main', contenttype: 'text/plain', value: 'La Russie Ouvre la Porte à la Fourniture d’Armes à la Corée du Nord' }],
      subjects: [
        { name: 'Actualités', rel: 'section' },
        { name: 'International', rel: 'section' },
      ],
    })
    const bodies = item.bodies as { contenttype: string; value: string; wordcount: number }[]
    expect(bodies[0]!.contenttype).toBe('text/html')
    expect(all(bodies[0]!.value, /<h2>([^<]*)<\/h2>/g)).toHaveLength(5)
    expect(bodies[0]!.wordcount).toBeGreaterThan(500)
    expect(Date.parse(item.versioncreated as string)).not.toBeNaN()
    expect(item.firstcreated).toBe(item.versioncreated)
  })

  it('keeps French no-break spaces in the meta description, og:description and JSON-LD, as on the visible page', () => {
    const visible = textOfHtml(all(page, /<p class="standfirst">([\s\S]*?)<\/p>/g)[0]!).trim()
    expect(visible).toContain(`géopolitique${NBSP}:`)
    const meta = /<meta name="description" content="([^"]*)">/.exec(page)![1]!
    const og = /<meta property="og:description" content="([^"]*)">/.exec(page)![1]!
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!) as { description: string }
    for (const description of [textOfHtml(meta), textOfHtml(og), jsonLd.description]) {
      expect(description).toContain(`géopolitique${NBSP}:`)
      // The metadata is the visible standfirst, cut at a word boundary when longer.
      const shown = description.endsWith('…') ? description.slice(0, -1) : description
      expect(visible.startsWith(shown)).toBe(true)
    }
  })

  describe.skipIf(!hasStandard(NINJS_SCHEMA_FILE, GEOJSON_SCHEMA_FILE))('as ninjs, against IPTC’s ninjs 2.1 schema', () => {
    const validate = () => {
      // The schema says draft 2020-12: Ajv's 2020 build, with the formats it uses (uri, date-time).
      const ajv = new Ajv2020({ strict: false, allErrors: true })
      addFormats(ajv)
      ajv.addSchema(loadStandard(GEOJSON_SCHEMA_FILE))
      return ajv.compile(loadStandard(NINJS_SCHEMA_FILE))
    }

    it('the published item, the draft export and the item of a story taken down are valid ninjs 2.1', async () => {
      const check = validate()
      const item = JSON.parse((await read(`${server.url}/api/public/stories/${story.id}`)).text) as unknown
      expect(check(item), JSON.stringify(check.errors)).toBe(true)
      const draft = (await server.api.request<unknown>('GET', `/api/stories/${story.id}/export?format=ninjs&version=draft`, { credentials: editor })).body
      expect(check(draft), JSON.stringify(check.errors)).toBe(true)
      const other = await publish(server, (await server.api.createStory(editor, { headline: 'Retiré aussitôt' })).id)
      await move(server, editor, other.id, { to: 'unpublished', note: 'Doublon' })
      const canceled = JSON.parse((await read(`${server.url}/api/public/stories/${other.id}`)).text) as unknown
      expect(check(canceled), JSON.stringify(check.errors)).toBe(true)
      // The validator is not lenient: a wrong pubstatus and a missing uri are refused.
      expect(check({ ...(item as object), pubstatus: 'draft' })).toBe(false)
      const { uri: _uri, ...noUri } = item as Record<string, unknown>
      expect(check(noUri)).toBe(false)
    })

    it('counts the characters and words of the body alone, without the standfirst or the quotes’ captions', async () => {
      const item = JSON.parse((await read(`${server.url}/api/public/stories/${story.id}`)).text) as { bodies: { value: string; charcount: number; wordcount: number }[] }
      const body = item.bodies[0]!
      // Counted here from the HTML the partner gets: the text of each block, figure captions left out.
      const blocks = body.value
        .replace(/<figcaption>[\s\S]*?<\/figcaption>/g, '')
        .replace(/<br>/g, ' ')
        .split(/<\/(?:p|h2|h3|li)>/)
        .map((block) => textOfHtml(block.replace(/<[^>]+>/g, '')).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
        .map((block) => block.replace(/^[ \n]+|[ \n]+$/g, ''))
        .filter((block) => block.length > 0)
      const chars = blocks.reduce((sum, block) => sum + [...block].length, 0)
      const words = blocks.reduce((sum, block) => sum + block.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length, 0)
      expect(body.charcount).toBe(chars)
      expect(body.wordcount).toBe(words)
      // The seed story's body is about 4,165 characters; with the standfirst it was 4,441.
      expect(body.charcount).toBeGreaterThan(4000)
      expect(body.charcount).toBeLessThan(4300)
      expect(body.charcount).toBeLessThan(story.length.signs)
    })
  })
  if (!hasStandard(NINJS_SCHEMA_FILE, GEOJSON_SCHEMA_FILE)) console.warn(standardsSkipNotice(NINJS_SCHEMA_FILE, GEOJSON_SCHEMA_FILE))

  it('exports its versions and its draft as HTML, Markdown and ninjs, to signed-in people only', async () => {
    const html = await server.api.request<string>('GET', `/api/stories/${story.id}/export?format=html&version=1`, { credentials: reporter })
    expect(html.status).toBe(200)
    expect(html.headers.get('content-disposition')).toMatch(/attachment; filename="la-russie-[a-z0-9-]+-v1\.html"/)
    expect(html.body).toBe(page)
    const markdown = await server.api.request<string>('GET', `/api/stories/${story.id}/export?format=markdown`, { credentials: reporter })
    expect(markdown.status).toBe(200)
    expect(markdown.body).toMatch(/^# La Russie Ouvre la Porte/)
    expect(markdown.body.match(/^## /gm)).toHaveLength(5)
    expect(markdown.body).toContain('> — Vladimir Poutine')
    const ninjs = await server.api.request<Record<string, unknown>>('GET', `/api/stories/${story.id}/export?format=ninjs&version=draft`, { credentials: editor })
    expect(ninjs.status).toBe(200)
    expect(ninjs.body).toMatchObject({ pubstatus: 'withheld', version: '1-draft' })
    expect((await server.api.request('GET', `/api/stories/${story.id}/export?format=html&version=9`, { credentials: editor })).status).toBe(404)
    expect((await server.api.request('GET', `/api/stories/${story.id}/export?format=pdf`, { credentials: editor })).status).toBe(400)
    expect((await server.api.request('GET', `/api/stories/${story.id}/export?format=html`)).status).toBe(401)
  })
})

describe('what readers never see', () => {
  it('hostile content typed into a story (raw elements, handlers, javascript: links) never reaches the page or the API', async () => {
    const created = await server.api.createStory(editor, { headline: 'Piège à scripts', section: 'international' })
    const client = connectStock(server.wsUrl, created.id, editor)
    await client.synced
    const body = client.doc.getXmlFragment('body')
    client.doc.transact(() => {
      const typed = new Y.XmlElement('paragraph')
      typed.insert(0, [new Y.XmlText('<script>typed()</script> et <img src=x onerror=typed()>')])
      const handler = new Y.XmlElement('paragraph')
      handler.setAttribute('onerror', 'alert("attr")')
      handler.setAttribute('style', 'background:url(javascript:alert(4))')
      handler.insert(0, [new Y.XmlText('Un paragraphe ordinaire.')])
      const script = new Y.XmlElement('script')
      script.insert(0, [new Y.XmlText('alert("element")')])
      const image = new Y.XmlElement('img')
      image.setAttribute('src', 'x')
      image.setAttribute('onerror', 'alert("img")')
      const linked = new Y.XmlElement('paragraph')
      const linkText = new Y.XmlText()
      linkText.insert(0, 'cliquez ici', { link: { href: 'javascript:alert("link")' } })
      linkText.insert('cliquez ici'.length, ' ou là', { link: { href: 'https://example.org/ok' } })
      linked.insert(0, [linkText])
      body.insert(body.length, [typed, handler, script, image, linked])
    })
    // The broker has it once the draft export (which reads the server's copy) shows it.
    let draft = ''
    for (let attempt = 0; attempt < 100 && !draft.includes('cliquez ici'); attempt++) {
      draft = (await server.api.request<string>('GET', `/api/stories/${created.id}/export?format=markdown&version=draft`, { credentials: editor })).body
      if (!draft.includes('cliquez ici')) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(draft).toContain('cliquez ici')
    client.destroy()

    const story = await publish(server, created.id)
    const published = await everythingPublic(server, story)
    expect(published).toContain('Un paragraphe ordinaire.')
    expect(published).toContain('https://example.org/ok')
    // The typed text is text: escaped, never markup.
    expect(published).toContain('&lt;script&gt;typed()&lt;/script&gt;')
    for (const bad of ['alert(', '<script>typed', '<img', 'javascript:', ' onerror="', 'style="background']) {
      expect(published).not.toContain(bad)
    }
  })

  it('hostile HTML imported or pasted is cleaned before it is a story, and reported', async () => {
    const imported = await importStory(
      'html',
      `<article><h1 onclick="x()">Titre importé<script>alert(1)</script></h1><p>Chapô.</p>
       <p>Texte <a href="javascript:alert(2)">piégé</a> <img src=x onerror="alert(3)"><iframe src="https://evil.example"></iframe></p>
       <p onmouseover="alert(4)">Fin.</p></article>`,
    )
    expect(imported.unmapped).toContainEqual(expect.objectContaining({ code: 'link_dropped', params: { href: 'javascript:alert(2)' } }))
    expect(imported.unmapped).toContainEqual(expect.objectContaining({ code: 'elements_dropped', params: { count: 1, element: 'script' } }))
    const story = await publish(server, imported.story.id)
    const published = await everythingPublic(server, story)
    expect(published).toContain('Titre importé')
    for (const bad of ['alert', 'onclick', 'onerror', 'onmouseover', 'javascript:', '<iframe', '<img']) expect(published).not.toContain(bad)
  })

  it('drafts, spiked and never-published stories are 404; a story taken down is 410', async () => {
    const draft = await server.api.createStory(editor, { headline: 'Brouillon secret', section: 'international' })
    expect((await read(`${server.url}/api/public/stories/${draft.id}`)).status).toBe(404)
    await move(server, editor, draft.id, { to: 'spiked' })
    expect((await read(`${server.url}/api/public/stories/${draft.id}`)).status).toBe(404)
    expect((await read(`${server.url}/p/international/brouillon-secret-${draft.id}`)).status).toBe(404)
    expect((await read(`${server.url}/p/nowhere/`)).status).toBe(404)
    expect((await read(`${server.url}/p/international/<script>`)).status).toBe(404)
    expect((await read(`${server.url}/api/public/stories/not-a-story!`)).status).toBe(404)
    expect(await everythingPublic(server, draft)).not.toContain('Brouillon secret')

    const story = await publish(server, (await server.api.createStory(editor, { headline: 'Bientôt retiré', section: 'international' })).id)
    expect((await read(story.publicUrl!)).status).toBe(200)
    expect((await read(`${server.url}/feed.xml`)).text).toContain('Bientôt retiré')
    const down = await move(server, editor, story.id, { to: 'unpublished', note: 'Retiré à la demande de la source' })
    expect(down.publicUrl).toBe(story.publicUrl)
    const gone = await read(story.publicUrl!)
    expect(gone.status).toBe(410)
    expect(gone.text).not.toContain('Bientôt retiré')
    const ninjs = await read(`${server.url}/api/public/stories/${story.id}`)
    expect(ninjs.status).toBe(410)
    expect(JSON.parse(ninjs.text)).toMatchObject({ uri: story.publicUrl, pubstatus: 'canceled' })
    expect((await read(`${server.url}/feed.xml`)).text).not.toContain('Bientôt retiré')
    expect((await read(`${server.url}/p/`)).text).not.toContain('Bientôt retiré')
  })
})

describe('after publication', () => {
  it('draft text appears nowhere public until the story is republished, with its update or correction note', async () => {
    const created = await server.api.createStory(editor, { headline: 'Séisme au large de la Grèce', section: 'international' })
    const story = await publish(server, created.id)
    const firstPage = (await read(story.publicUrl!)).text

    const client = connectStock(server.wsUrl, story.id, editor)
    await client.synced
    const body = client.doc.getXmlFragment('body')
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Bilan provisoire non confirmé : LIGNE-DE-BROUILLON')])
    body.insert(body.length, [paragraph])
    let draft = ''
    for (let attempt = 0; attempt < 100 && !draft.includes('LIGNE-DE-BROUILLON'); attempt++) {
      draft = (await server.api.request<string>('GET', `/api/stories/${story.id}/export?format=markdown&version=draft`, { credentials: editor })).body
      if (!draft.includes('LIGNE-DE-BROUILLON')) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(draft).toContain('LIGNE-DE-BROUILLON')
    expect(await everythingPublic(server, story)).not.toContain('LIGNE-DE-BROUILLON')
    expect((await read(story.publicUrl!)).text).toBe(firstPage)
    const version1 = await server.api.request<string>('GET', `/api/stories/${story.id}/export?format=html&version=1`, { credentials: editor })
    expect(version1.body).not.toContain('LIGNE-DE-BROUILLON')

    // Republishing asks what kind of change it is, and why.
    const noKind = await server.api.request('POST', `/api/stories/${story.id}/transitions`, { credentials: editor, json: { to: 'published', note: 'Bilan' } })
    expect(noKind.status).toBe(400)
    const noNote = await server.api.request('POST', `/api/stories/${story.id}/transitions`, { credentials: editor, json: { to: 'published', revision: 'update' } })
    expect(noNote.status).toBe(400)
    const wrongPlace = await server.api.request('POST', `/api/stories/${(await server.api.createStory(editor)).id}/transitions`, {
      credentials: editor,
      json: { to: 'submitted', revision: 'update' },
    })
    expect(wrongPlace.status).toBe(400)

    const republished = await move(server, editor, story.id, { to: 'published', revision: 'correction', note: 'Le bilan avait été mal attribué.' })
    expect(republished.publicUrl).toBe(story.publicUrl)
    const page = (await read(story.publicUrl!)).text
    expect(page).toContain('LIGNE-DE-BROUILLON')
    expect(page).toMatch(/<aside class="corrections"[\s\S]*<strong>Correction<\/strong>, <time datetime="[^"]+">[^<]+<\/time>\u00a0: Le bilan avait été mal attribué\.<\/li>/)
    expect(page).toMatch(/Mis à jour le /)
    const ninjs = JSON.parse((await read(`${server.url}/api/public/stories/${story.id}`)).text) as { version: string; descriptions: { role: string }[] }
    expect(ninjs.version).toBe('2')
    expect(ninjs.descriptions.map((description) => description.role)).toContain('correction')

    const versions = await server.api.request<{ versions: PublishedVersion[] }>('GET', `/api/stories/${story.id}/versions`, { credentials: reporter })
    expect(versions.body.versions.map((version) => [version.version, version.kind, version.note])).toEqual([
      [2, 'correction', 'Le bilan avait été mal attribué.'],
      [1, 'first', null],
    ])
    expect(versions.body.versions[0]!.publishedBy?.name).toBe('Inès Moreau')
    // Every version stays retrievable as it went out.
    expect((await server.api.request<string>('GET', `/api/stories/${story.id}/export?format=html&version=1`, { credentials: editor })).body).toBe(firstPage)
    client.destroy()
  })

  it('publications of one story are numbered one after the other, even when two editors republish at once', async () => {
    const story = await publish(server, (await server.api.createStory(editor, { headline: 'Course contre la montre' })).id)
    const results = await Promise.all(
      [1, 2, 3].map((n) => server.api.request('POST', `/api/stories/${story.id}/transitions`, { credentials: editor, json: { to: 'published', revision: 'update', note: `Mise à jour ${n}` } })),
    )
    expect(results.map((result) => result.status)).toEqual([200, 200, 200])
    const versions = await server.api.request<{ versions: PublishedVersion[] }>('GET', `/api/stories/${story.id}/versions`, { credentials: editor })
    expect(versions.body.versions.map((version) => version.version)).toEqual([4, 3, 2, 1])
    const page = (await read(story.publicUrl!)).text
    expect(all(page, /(Mise à jour \d)/g).sort()).toEqual(['Mise à jour 1', 'Mise à jour 2', 'Mise à jour 3'])
  })
})

describe('the publishing job', () => {
  it('publishes a story scheduled one second ahead', async () => {
    const created = await server.api.createStory(editor, { headline: 'Embargo levé', section: 'international' })
    await move(server, editor, created.id, { to: 'submitted' })
    await move(server, editor, created.id, { to: 'approved' })
    const publishAt = new Date(Date.now() + 1100).toISOString()
    const scheduled = await move(server, editor, created.id, { to: 'scheduled', publishAt })
    expect(scheduled.publicUrl).toBeNull()
    expect((await read(`${server.url}/api/public/stories/${created.id}`)).status).toBe(404)
    let story = scheduled
    for (let attempt = 0; attempt < 100 && story.status !== 'published'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      story = (await server.api.request<Story>('GET', `/api/stories/${created.id}`, { credentials: editor })).body
    }
    expect(story.status).toBe('published')
    expect(Date.parse(story.firstPublishedAt!)).toBeGreaterThanOrEqual(Date.parse(publishAt))
    expect((await read(story.publicUrl!)).text).toContain('Embargo levé')
    const history = await server.api.request<{ history: { to: string | null; actor: unknown }[] }>('GET', `/api/stories/${created.id}/history`, { credentials: editor })
    expect(history.body.history.at(-1)).toMatchObject({ to: 'published', actor: null })
  })

  it('publishes, right after start, a story that fell due while the server was down, and says so', async () => {
    const dataDir = tempDataDir()
    const first = await startTestServer({ dataDir })
    const people = await setUpNewsroom(first)
    const created = await first.api.createStory(people.editor, { headline: 'Publié pendant la panne', section: 'international', assignees: [people.reporterId] })
    await move(first, people.editor, created.id, { to: 'submitted' })
    await move(first, people.editor, created.id, { to: 'approved' })
    const publishAt = new Date(Date.now() + 1200).toISOString()
    await move(first, people.editor, created.id, { to: 'scheduled', publishAt })
    await first.stop({ keepData: true })
    await new Promise((resolve) => setTimeout(resolve, Date.parse(publishAt) - Date.now() + 300))

    const second = await startTestServer({ dataDir })
    try {
      // startServer resolves after the job's first run: the story is out already.
      const story = (await second.api.request<Story>('GET', `/api/stories/${created.id}`, { credentials: await second.api.login('ines@copydesk.test', 'correct-horse-1') })).body
      expect(story.status).toBe('published')
      expect((await read(story.publicUrl!)).status).toBe(200)
      const editorFeed = await second.api.request<{ notifications: Notification[] }>('GET', '/api/notifications', { credentials: await second.api.login('ines@copydesk.test', 'correct-horse-1') })
      const told = editorFeed.body.notifications.find((notification) => notification.story.id === created.id && notification.kind === 'published')
      expect(told?.note).toMatch(/late because the server was not running/)
      const reporterFeed = await second.api.request<{ notifications: Notification[] }>('GET', '/api/notifications', { credentials: await second.api.login('camille@copydesk.test', 'correct-horse-1') })
      expect(reporterFeed.body.notifications.some((notification) => notification.story.id === created.id && notification.kind === 'published')).toBe(true)
    } finally {
      await second.stop()
    }
  })
})

describe('importing', () => {
  it('refuses what it cannot import, with a clear error, and creates nothing', async () => {
    const before = (await server.api.request<{ stories: Story[] }>('GET', '/api/stories?limit=500', { credentials: editor })).body.stories.length
    const cases: [unknown, number][] = [
      [{ format: 'docx', content: 'x' }, 400],
      [{ format: 'text', content: '   ' }, 400],
      [{ format: 'text' }, 400],
      [{ format: 'html', content: '<h1>T</h1>', section: 'nowhere' }, 400],
      [{ format: 'markdown', content: '# T', extra: 1 }, 400],
    ]
    for (const [json, status] of cases) {
      const response = await server.api.request<ApiErrorBody>('POST', '/api/stories/import', { credentials: reporter, json })
      expect({ json, status: response.status }).toEqual({ json, status })
      expect(response.body.error.message).toBeTruthy()
    }
    const notJson = await server.api.request('POST', '/api/stories/import', { credentials: reporter, body: 'format=text', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(notJson.status).toBe(415)
    expect((await server.api.request('POST', '/api/stories/import', { json: { format: 'text', content: 'x' } })).status).toBe(401)
    const after = (await server.api.request<{ stories: Story[] }>('GET', '/api/stories?limit=500', { credentials: editor })).body.stories.length
    expect(after).toBe(before)
  })

  it('says, by code and in English, what it could not place against this newsroom: an unknown section, a headline cut', async () => {
    const long = 'Un titre interminable '.repeat(20).trim()
    const imported = await importStory('markdown', `Nulle part › Ailleurs\n\n# ${long}\n\nLe chapô.\n\nLe texte.\n`)
    expect(imported.story.section).toBeNull()
    expect(imported.unmapped).toContainEqual({
      code: 'section_missing',
      params: { path: 'Nulle part › Ailleurs' },
      message: 'The section "Nulle part › Ailleurs" does not exist here: choose one in the story\'s details.',
    })
    expect(imported.unmapped).toContainEqual(expect.objectContaining({ code: 'headline_cut', params: { maximum: MAX_HEADLINE_CHARS } }))
    expect(imported.story.headline).toHaveLength(MAX_HEADLINE_CHARS)
  })

  it('imports Markdown with its structure, assigned to the reporter who imported it', async () => {
    const imported = await importStory('markdown', '# Titre\n\nLe chapô.\n\n## Intertitre\n\n- un\n- deux\n\n> Citation.\n>\n> — Quelqu’un\n')
    expect(imported.story.headline).toBe('Titre')
    expect(imported.story.assignees.map((person) => person.id)).toEqual([reporterId])
    const markdown = (await server.api.request<string>('GET', `/api/stories/${imported.story.id}/export?format=markdown&version=draft`, { credentials: reporter })).body
    expect(markdown).toContain('## Intertitre')
    expect(markdown).toContain('> — Quelqu’un')
  })
})

/** Polls the story until `condition` holds (the working copy is compared after a throttled hook), or fails. */
async function storyWhen(id: string, condition: (story: Story) => boolean, what: string): Promise<Story> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const story = (await server.api.request<Story>('GET', `/api/stories/${id}`, { credentials: editor })).body
    if (condition(story)) return story
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(story.unpublishedChanges)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function appendParagraph(doc: Y.Doc, text: string): void {
  const body = doc.getXmlFragment('body')
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  body.insert(body.length, [paragraph])
}

describe('before confirming a publication', () => {
  it('the desk previews the reader page from the working copy, rendered as publishing would, and nothing is stored', async () => {
    const created = await server.api.createStory(editor, { headline: 'Grève des contrôleurs : trafic perturbé', section: 'international' })
    const client = connectStock(server.wsUrl, created.id, editor)
    await client.synced
    appendParagraph(client.doc, 'PARAGRAPHE-EN-COURS : trois trains sur cinq.')
    let preview = await server.api.request<string>('GET', `/api/stories/${created.id}/preview`, { credentials: editor })
    for (let attempt = 0; attempt < 100 && !preview.body.includes('PARAGRAPHE-EN-COURS'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      preview = await server.api.request<string>('GET', `/api/stories/${created.id}/preview`, { credentials: editor })
    }
    expect(preview.status).toBe(200)
    expect(preview.headers.get('content-type')).toMatch(/^text\/html/)
    expect(preview.headers.get('cache-control')).toBe('no-store')
    expect(preview.headers.get('content-security-policy')).toMatch(/sandbox/)
    // The publishing code's page: French typography, the article layout, no script.
    expect(preview.body).toContain(`<h1>Grève des contrôleurs${NBSP}: trafic perturbé</h1>`)
    expect(preview.body).toContain(`PARAGRAPHE-EN-COURS${NBSP}: trois trains sur cinq.`)
    expect(all(preview.body, /<script([^>]*)>/g)).toEqual([' type="application/ld+json"'])
    // Nothing stored, nothing public.
    const versions = await server.api.request<{ versions: PublishedVersion[] }>('GET', `/api/stories/${created.id}/versions`, { credentials: editor })
    expect(versions.body.versions).toEqual([])
    expect((await server.api.request<Story>('GET', `/api/stories/${created.id}`, { credentials: editor })).body).toMatchObject({ status: 'draft', publicUrl: null })
    expect(await everythingPublic(server, { ...created, publicUrl: null })).not.toContain('PARAGRAPHE-EN-COURS')

    // What the page then publishes is what the preview showed.
    const published = await publish(server, created.id)
    const page = (await read(published.publicUrl!)).text
    const bodyOf = (html: string) => /<div class="body">([\s\S]*?)<\/div>/.exec(html)![1]
    expect(bodyOf(page)).toBe(bodyOf(preview.body))

    // A republication's preview shows the correction as readers will see it.
    const correction = await server.api.request<string>('GET', `/api/stories/${created.id}/preview?revision=correction&note=${encodeURIComponent('Trois trains sur cinq, et non deux.')}`, { credentials: editor })
    expect(correction.body).toMatch(/<aside class="corrections"[\s\S]*<strong>Correction<\/strong>[\s\S]*Trois trains sur cinq, et non deux\./)
    expect((await server.api.request<{ versions: PublishedVersion[] }>('GET', `/api/stories/${created.id}/versions`, { credentials: editor })).body.versions).toHaveLength(1)
    client.destroy()
  })

  it('Publish refuses to put out what changed after the preview (409), and publishes what a fresh preview showed', async () => {
    const created = await server.api.createStory(editor, { headline: 'Séisme au large du Japon' })
    const client = connectStock(server.wsUrl, created.id, editor)
    await client.synced
    /** The preview once it shows `marker` (the broker writes the document a moment after typing), and what it names. */
    const previewShowing = async (marker: string) => {
      let preview = await server.api.request<string>('GET', `/api/stories/${created.id}/preview`, { credentials: editor })
      for (let attempt = 0; attempt < 100 && !preview.body.includes(marker); attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        preview = await server.api.request<string>('GET', `/api/stories/${created.id}/preview`, { credentials: editor })
      }
      expect(preview.body).toContain(marker)
      const fingerprint = preview.headers.get(PREVIEW_FINGERPRINT_HEADER)
      expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{20,}$/)
      return fingerprint!
    }
    appendParagraph(client.doc, 'ETAT-VU-PAR-LE-DESK')
    const seen = await previewShowing('ETAT-VU-PAR-LE-DESK')
    // The same story previewed again names the same thing, although its time differs.
    expect(await previewShowing('ETAT-VU-PAR-LE-DESK')).toBe(seen)
    // `previewed` goes with publishing only.
    expect((await server.api.request('POST', `/api/stories/${created.id}/transitions`, { credentials: editor, json: { to: 'submitted', previewed: seen } })).status).toBe(400)
    await move(server, editor, created.id, { to: 'submitted' })
    await move(server, editor, created.id, { to: 'approved' })

    // A reporter adds a line while the desk looks at the preview.
    appendParagraph(client.doc, 'AJOUT-APRES-APERCU')
    const latest = await previewShowing('AJOUT-APRES-APERCU')
    expect(latest).not.toBe(seen)
    const stale = await server.api.request<ApiErrorBody>('POST', `/api/stories/${created.id}/transitions`, { credentials: editor, json: { to: 'published', previewed: seen } })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('changed_since_preview')
    expect((await server.api.request<Story>('GET', `/api/stories/${created.id}`, { credentials: editor })).body).toMatchObject({ status: 'approved', publicUrl: null })
    expect((await server.api.request<{ versions: PublishedVersion[] }>('GET', `/api/stories/${created.id}/versions`, { credentials: editor })).body.versions).toEqual([])

    const published = await move(server, editor, created.id, { to: 'published', previewed: latest })
    expect((await read(published.publicUrl!)).text).toContain('AJOUT-APRES-APERCU')
    client.destroy()
  })

  it('a headline past the limit, written by a client that is not the editor, is clipped on the board and refused at publication', async () => {
    const created = await server.api.createStory(editor, { headline: 'Court' })
    const client = connectStock(server.wsUrl, created.id, editor)
    await client.synced
    const headline = client.doc.getXmlFragment('headline')
    const paragraph = headline.get(0) as Y.XmlElement
    ;(paragraph.get(0) as Y.XmlText).insert(5, ' — ' + 'très long titre '.repeat(30))
    const clipped = await storyWhen(created.id, (story) => story.headline.endsWith('…'), 'the long headline to be clipped')
    expect(clipped.headline.length).toBe(MAX_HEADLINE_CHARS)
    expect(clipped.headline.startsWith('Court — très long titre')).toBe(true)
    await move(server, editor, created.id, { to: 'submitted' })
    await move(server, editor, created.id, { to: 'approved' })
    const refused = await server.api.request<ApiErrorBody>('POST', `/api/stories/${created.id}/transitions`, { credentials: editor, json: { to: 'published' } })
    expect(refused.status).toBe(400)
    expect(refused.body.error.issues?.[0]?.path).toBe('headline')
    expect((await server.api.request<Story>('GET', `/api/stories/${created.id}`, { credentials: editor })).body.status).toBe('approved')
    client.destroy()
  })

  it('refuses the preview to people who may not publish (403), and answers 404 for an unknown story, 400 for a bad query, 401 without a session', async () => {
    const created = await server.api.createStory(reporter, { headline: 'Brouillon de Camille' })
    const forbidden = await server.api.request<ApiErrorBody>('GET', `/api/stories/${created.id}/preview`, { credentials: reporter })
    expect(forbidden.status).toBe(403)
    expect(forbidden.body.error.code).toBe('forbidden')
    expect((await server.api.request('GET', `/api/stories/${created.id}/preview`)).status).toBe(401)
    const unknown = await server.api.request<ApiErrorBody>('GET', '/api/stories/AAAAAAAAAAAAAAAAAAAA/preview', { credentials: editor })
    expect(unknown.status).toBe(404)
    expect((await server.api.request('GET', '/api/stories/not*an*id/preview', { credentials: editor })).status).toBe(404)
    expect((await server.api.request('GET', `/api/stories/${created.id}/preview?revision=rewrite`, { credentials: editor })).status).toBe(400)
    expect((await server.api.request('GET', `/api/stories/${created.id}/preview?format=pdf`, { credentials: editor })).status).toBe(400)
    expect((await server.api.request('GET', `/api/stories/${created.id}/preview`, { credentials: editor })).status).toBe(200)
  })
})

describe('unpublished changes', () => {
  it('a published story says how its working copy differs from the live version, live, and stops saying it once republished', async () => {
    const created = await server.api.createStory(editor, { headline: 'Inondations dans le Var' })
    const client = connectStock(server.wsUrl, created.id, editor)
    await client.synced
    appendParagraph(client.doc, 'Les pompiers sont intervenus toute la nuit.')
    await storyWhen(created.id, (story) => story.length.words === 7, 'the first paragraph')
    // Not published: nothing to compare with.
    expect((await server.api.request<Story>('GET', `/api/stories/${created.id}`, { credentials: editor })).body.unpublishedChanges).toBeNull()
    const published = await publish(server, created.id)
    expect(published.unpublishedChanges).toBeNull()

    // Five words added, one changed ("nuit" → "journée"): +6 / −1 against version 1.
    appendParagraph(client.doc, 'Trois communes restent sans électricité.')
    const paragraphs = () => client.doc.getXmlFragment('body').toArray() as Y.XmlElement[]
    const text = paragraphs().find((paragraph) => paragraph.toString().includes('nuit'))!.get(0) as Y.XmlText
    const at = text.toString().indexOf('nuit')
    client.doc.transact(() => {
      text.delete(at, 'nuit'.length)
      text.insert(at, 'journée')
    })
    const changed = await storyWhen(created.id, (story) => story.unpublishedChanges?.wordsAdded === 6, 'the edits to be counted')
    expect(changed.unpublishedChanges).toEqual({ sinceVersion: 1, wordsAdded: 6, wordsRemoved: 1 })
    const list = await server.api.request<{ stories: Story[] }>('GET', '/api/stories?status=published', { credentials: editor })
    expect(list.body.stories.find((story) => story.id === created.id)?.unpublishedChanges).toEqual({ sinceVersion: 1, wordsAdded: 6, wordsRemoved: 1 })

    // Undone by hand, the text is the live one again: nothing to publish.
    client.doc.transact(() => {
      const now = text.toString().indexOf('journée')
      text.delete(now, 'journée'.length)
      text.insert(now, 'nuit')
    })
    const added = paragraphs().findIndex((paragraph) => paragraph.toString().includes('Trois communes'))
    client.doc.transact(() => client.doc.getXmlFragment('body').delete(added, 1))
    await storyWhen(created.id, (story) => story.unpublishedChanges === null, 'the undone edits')

    // Edited again, then republished: the badge goes.
    appendParagraph(client.doc, 'Mise à jour de la préfecture.')
    await storyWhen(created.id, (story) => story.unpublishedChanges !== null, 'the new edit')
    const republished = await move(server, editor, created.id, { to: 'published', revision: 'update', note: 'Bilan de la préfecture' })
    expect(republished.unpublishedChanges).toBeNull()
    await storyWhen(created.id, (story) => story.unpublishedChanges === null, 'the republication')
    appendParagraph(client.doc, 'Deux routes coupées.')
    expect((await storyWhen(created.id, (story) => story.unpublishedChanges !== null, 'an edit after the republication')).unpublishedChanges).toEqual({
      sinceVersion: 2,
      wordsAdded: 3,
      wordsRemoved: 0,
    })
    // Taken down: no live version to differ from.
    await move(server, editor, created.id, { to: 'unpublished', note: 'Erreur de lieu' })
    expect((await server.api.request<Story>('GET', `/api/stories/${created.id}`, { credentials: editor })).body.unpublishedChanges).toBeNull()
    client.destroy()
  })
})
