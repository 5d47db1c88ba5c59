/**
 * The reader's pages, as HTML strings: the article page (rendered once per publication and
 * stored with it), front and section pages, and the pages for stories taken down or never
 * published. Server-rendered and complete without JavaScript; one stylesheet, no script
 * (the JSON-LD block is data, not code); every piece of text escaped.
 */
import { escapeHtml, plainText, renderBlocks, renderInlineContent } from '@copydesk/shared/doc'
import type { PublishedContent } from './content.js'
import { READER_CSS_ETAG } from './readerCss.js'

export interface Site {
  name: string
  /** Absolute, without a trailing slash. */
  url: string
  language: string
  timeZone: string
}

/** The words of the page, in the story's language (French and English; English otherwise). */
interface Words {
  by: string
  and: string
  published: string
  updated: string
  corrections: string
  correction: string
  update: string
  home: string
  breadcrumb: string
  latest: string
  nothingYet: string
  goneTitle: string
  goneText: string
  notFoundTitle: string
  notFoundText: string
  feed: string
  about: string
}

const WORDS: Record<string, Words> = {
  fr: {
    by: 'Par',
    and: 'et',
    published: 'Publié le',
    updated: 'Mis à jour le',
    corrections: 'Corrections et mises à jour',
    correction: 'Correction',
    update: 'Mise à jour',
    home: 'À la une',
    breadcrumb: 'Fil d’Ariane',
    latest: 'Les derniers articles',
    nothingYet: 'Aucun article publié pour l’instant.',
    goneTitle: 'Article retiré',
    goneText: 'Cet article a été retiré de la publication.',
    notFoundTitle: 'Page introuvable',
    notFoundText: 'Cette page n’existe pas ou n’est pas publiée.',
    feed: 'Flux RSS',
    about: 'À propos de l’auteur',
  },
  en: {
    by: 'By',
    and: 'and',
    published: 'Published',
    updated: 'Updated',
    corrections: 'Corrections and updates',
    correction: 'Correction',
    update: 'Update',
    home: 'Front page',
    breadcrumb: 'Breadcrumb',
    latest: 'Latest stories',
    nothingYet: 'Nothing published yet.',
    goneTitle: 'Story removed',
    goneText: 'This story has been taken down.',
    notFoundTitle: 'Page not found',
    notFoundText: 'This page does not exist or is not published.',
    feed: 'RSS feed',
    about: 'About the author',
  },
}

export function wordsFor(language: string): Words {
  return WORDS[language.split('-')[0]!] ?? WORDS.en!
}

/** "26 novembre 2026 à 14:05 UTC+1" in the site's time zone and the text's language. */
export function formatDate(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso))
}

function ogLocale(language: string): string {
  const [lang, region] = language.split('-')
  const defaults: Record<string, string> = { fr: 'FR', en: 'GB', de: 'DE', es: 'ES', it: 'IT' }
  return `${lang}_${(region ?? defaults[lang!] ?? lang!).toUpperCase()}`
}

/** JSON inside a `<script type="application/ld+json">`: nothing in it can close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/**
 * Runs of white space as one space, cut at a word boundary. The no-break spaces French
 * typography puts before « : ; ! ? » and inside guillemets (U+00A0, U+202F) are kept: `\s`
 * matches them too, and collapsing them made the metadata differ from the visible page
 * (and let a line break before a colon).
 */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/[^\S\u00a0\u202f]+/g, ' ').replace(/^ +| +$/g, '')
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`
}

function sectionHref(id: string): string {
  return `/p/${encodeURIComponent(id)}/`
}

function layout(options: { site: Site; language: string; title: string; head: string; nav: { href: string; label: string }[]; main: string }): string {
  const { site, language } = options
  const words = wordsFor(language)
  const nav = [`<a href="/p/">${escapeHtml(site.name)}</a>`, ...options.nav.map((item) => `<a href="${escapeHtml(item.href)}">${escapeHtml(item.label)}</a>`)].join('')
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="/p/assets/reader.css?v=${encodeURIComponent(READER_CSS_ETAG.replace(/"/g, ''))}">
<link rel="alternate" type="application/rss+xml" title="${escapeHtml(site.name)}" href="${escapeHtml(site.url)}/feed.xml">
${options.head}
</head>
<body>
<header class="site"><nav aria-label="${escapeHtml(site.name)}">${nav}</nav></header>
<main id="content">
${options.main}
</main>
<footer class="site-footer"><p>${escapeHtml(site.name)} · <a href="/feed.xml">${escapeHtml(words.feed)}</a></p></footer>
</body>
</html>
`
}

function bylineNames(content: PublishedContent, words: Words): string {
  const names = content.byline.map((entry) => `<strong>${escapeHtml(entry.name)}</strong>`)
  if (names.length === 0) return ''
  const joined = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} ${words.and} ${names[names.length - 1]}`
  return `${words.by} ${joined}`
}

/** The article page of one publication. */
export function renderArticlePage(content: PublishedContent, site: Site): string {
  const language = content.language
  const words = wordsFor(language)
  const options = { language }
  const headline = plainText([{ type: 'text', text: content.headline }], options)
  const description = truncate(plainText(content.standfirst, options), 300)
  const updated = content.revisions.length > 0 ? content.publishedAt : null
  const byline = bylineNames(content, words)
  const dates = [
    `<time datetime="${content.firstPublishedAt}">${escapeHtml(words.published)} ${escapeHtml(formatDate(content.firstPublishedAt, language, site.timeZone))}</time>`,
    updated ? `<time datetime="${updated}">${escapeHtml(words.updated)} ${escapeHtml(formatDate(updated, language, site.timeZone))}</time>` : '',
  ].filter(Boolean)
  const trail = content.section?.trail ?? []
  const crumbs = trail.length
    ? `<nav class="crumbs" aria-label="${escapeHtml(words.breadcrumb)}">${trail
        .map((item) => `<a href="${sectionHref(item.id)}">${escapeHtml(item.name)}</a>`)
        .join('<span aria-hidden="true">›</span>')}</nav>`
    : ''
  const corrections = content.revisions.length
    ? `<aside class="corrections" aria-labelledby="corrections-title"><h2 id="corrections-title">${escapeHtml(words.corrections)}</h2><ul>${content.revisions
        .map(
          (revision) =>
            `<li><strong>${escapeHtml(revision.kind === 'correction' ? words.correction : words.update)}</strong>, <time datetime="${revision.at}">${escapeHtml(formatDate(revision.at, language, site.timeZone))}</time>${language.startsWith('fr') ? '\u00a0:' : ':'} ${escapeHtml(plainText([{ type: 'text', text: revision.note }], options))}</li>`,
        )
        .join('')}</ul></aside>`
    : ''
  const bios = content.byline.filter((entry) => entry.bio.trim())
  const bio = bios.length
    ? `<footer class="bio"><h2 class="visually-hidden">${escapeHtml(words.about)}</h2>${bios
        .map((entry) => `<p><strong>${escapeHtml(entry.name)}</strong> — ${escapeHtml(plainText([{ type: 'text', text: entry.bio }], options))}</p>`)
        .join('')}</footer>`
    : ''
  const tags = content.tags.length ? `<p class="tags">${content.tags.map((tag) => escapeHtml(tag)).join(' · ')}</p>` : ''

  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: truncate(headline, 110),
    description,
    inLanguage: language,
    datePublished: content.firstPublishedAt,
    dateModified: content.publishedAt,
    mainEntityOfPage: { '@type': 'WebPage', '@id': content.canonicalUrl },
    url: content.canonicalUrl,
    author: content.byline.map((entry) => ({ '@type': 'Person', name: entry.name, ...(entry.bio ? { description: entry.bio } : {}) })),
    // Everyone whose text is in this version (schema.org `contributor`); older versions did not record them.
    ...(content.contributors?.length ? { contributor: content.contributors.map((person) => ({ '@type': 'Person', name: person.name })) } : {}),
    publisher: { '@type': 'Organization', name: site.name, url: `${site.url}/p/` },
    ...(content.section ? { articleSection: content.section.name } : {}),
    ...(content.tags.length ? { keywords: content.tags.join(', ') } : {}),
    wordCount: content.words,
    isAccessibleForFree: true,
    ...(content.revisions.some((revision) => revision.kind === 'correction')
      ? { correction: content.revisions.filter((revision) => revision.kind === 'correction').map((revision) => ({ '@type': 'CorrectionComment', text: revision.note, datePublished: revision.at })) }
      : {}),
  }
  const head = [
    `<meta name="description" content="${escapeHtml(description)}">`,
    `<link rel="canonical" href="${escapeHtml(content.canonicalUrl)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${escapeHtml(headline)}">`,
    `<meta property="og:description" content="${escapeHtml(description)}">`,
    `<meta property="og:url" content="${escapeHtml(content.canonicalUrl)}">`,
    `<meta property="og:site_name" content="${escapeHtml(site.name)}">`,
    `<meta property="og:locale" content="${escapeHtml(ogLocale(language))}">`,
    `<meta property="article:published_time" content="${content.firstPublishedAt}">`,
    `<meta property="article:modified_time" content="${content.publishedAt}">`,
    content.section ? `<meta property="article:section" content="${escapeHtml(content.section.name)}">` : '',
    ...content.tags.map((tag) => `<meta property="article:tag" content="${escapeHtml(tag)}">`),
    `<meta name="twitter:card" content="summary">`,
    `<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`,
  ]
    .filter(Boolean)
    .join('\n')
  const standfirst = content.standfirst.length ? `<p class="standfirst">${renderInlineContent(content.standfirst, options)}</p>` : ''
  const main = `<article>
<header>
${crumbs}
<h1>${escapeHtml(headline)}</h1>
${standfirst}
<p class="byline">${[byline, ...dates].filter(Boolean).join(' · ')}</p>
</header>
${corrections}
<div class="body">
${renderBlocks(content.body, options)}
</div>
${tags}
${bio}
</article>`
  return layout({
    site,
    language,
    title: `${headline} – ${site.name}`,
    head,
    nav: trail.length ? [{ href: sectionHref(trail[0]!.id), label: trail[0]!.name }] : [],
    main,
  })
}

/** Front page or section page: the newest stories, newest first. */
export function renderListingPage(options: {
  site: Site
  title: string
  /** The section, for a section page; null on the front page. */
  section: { id: string; name: string; trail: { id: string; name: string }[] } | null
  items: PublishedContent[]
  canonicalUrl: string
  feedUrl: string
}): string {
  const { site, section, items } = options
  const language = site.language
  const words = wordsFor(language)
  const list = items.length
    ? `<ul class="listing">${items
        .map((content) => {
          const itemOptions = { language: content.language }
          const headline = plainText([{ type: 'text', text: content.headline }], itemOptions)
          const meta = [content.section?.name, formatDate(content.publishedAt, language, site.timeZone)].filter(Boolean).map((part) => escapeHtml(part!)).join(' · ')
          return `<li lang="${escapeHtml(content.language)}"><p class="meta">${meta}</p><h2><a href="${escapeHtml(content.publicPath)}">${escapeHtml(headline)}</a></h2>${
            content.standfirst.length ? `<p>${escapeHtml(truncate(plainText(content.standfirst, itemOptions), 280))}</p>` : ''
          }</li>`
        })
        .join('')}</ul>`
    : `<p>${escapeHtml(words.nothingYet)}</p>`
  const crumbs =
    section && section.trail.length > 1
      ? `<nav class="crumbs" aria-label="${escapeHtml(words.breadcrumb)}">${section.trail
          .slice(0, -1)
          .map((item) => `<a href="${sectionHref(item.id)}">${escapeHtml(item.name)}</a>`)
          .join('<span aria-hidden="true">›</span>')}</nav>`
      : ''
  const head = [
    `<link rel="canonical" href="${escapeHtml(options.canonicalUrl)}">`,
    section ? `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(`${site.name} – ${section.name}`)}" href="${escapeHtml(options.feedUrl)}">` : '',
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escapeHtml(options.title)}">`,
    `<meta property="og:url" content="${escapeHtml(options.canonicalUrl)}">`,
    `<meta property="og:site_name" content="${escapeHtml(site.name)}">`,
  ]
    .filter(Boolean)
    .join('\n')
  return layout({
    site,
    language,
    title: section ? `${section.name} – ${site.name}` : `${site.name} – ${words.home}`,
    head,
    nav: section ? [{ href: sectionHref(section.trail[0]!.id), label: section.trail[0]!.name }] : [],
    main: `${crumbs}<h1>${escapeHtml(section ? section.name : words.latest)}</h1>\n${list}`,
  })
}

/** A story taken down (410) or an address that leads nowhere (404). */
export function renderGonePage(site: Site, kind: 'gone' | 'not_found'): string {
  const words = wordsFor(site.language)
  const title = kind === 'gone' ? words.goneTitle : words.notFoundTitle
  return layout({
    site,
    language: site.language,
    title: `${title} – ${site.name}`,
    head: '<meta name="robots" content="noindex">',
    nav: [],
    main: `<div class="gone"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(kind === 'gone' ? words.goneText : words.notFoundText)}</p><p><a href="/p/">${escapeHtml(words.home)}</a></p></div>`,
  })
}
