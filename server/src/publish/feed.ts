/**
 * RSS 2.0 feeds (https://www.rssboard.org/rss-specification): the newest publications, with
 * absolute links, RFC 822 dates and the canonical URL as a permanent guid.
 */
import { escapeHtml, plainText } from '@copydesk/shared/doc'
import type { PublishedContent } from './content.js'
import type { Site } from './page.js'

/** RFC 822 (with a four-digit year, as RFC 1123 allows): "Thu, 26 Nov 2026 14:05:00 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString()
}

/** XML text: escaped, and without the control characters XML 1.0 forbids. */
function xml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''))
}

export function renderFeed(options: { site: Site; title: string; description: string; link: string; selfUrl: string; items: PublishedContent[] }): string {
  const { site, items } = options
  const newest = items.reduce<string | null>((latest, item) => (!latest || item.publishedAt > latest ? item.publishedAt : latest), null)
  const entries = items.map((content) => {
    const typeset = { language: content.language }
    const link = content.canonicalUrl
    return [
      '<item>',
      `<title>${xml(plainText([{ type: 'text', text: content.headline }], typeset))}</title>`,
      `<link>${xml(link)}</link>`,
      `<guid isPermaLink="true">${xml(link)}</guid>`,
      `<pubDate>${rfc822(content.firstPublishedAt)}</pubDate>`,
      content.standfirst.length ? `<description>${xml(plainText(content.standfirst, typeset))}</description>` : '',
      ...content.byline.map((entry) => `<dc:creator>${xml(entry.name)}</dc:creator>`),
      content.section ? `<category>${xml(content.section.name)}</category>` : '',
      ...content.tags.map((tag) => `<category>${xml(tag)}</category>`),
      '</item>',
    ]
      .filter(Boolean)
      .join('')
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${xml(options.title)}</title>
<link>${xml(options.link)}</link>
<description>${xml(options.description)}</description>
<language>${xml(site.language)}</language>
${newest ? `<lastBuildDate>${rfc822(newest)}</lastBuildDate>\n` : ''}<generator>Copydesk</generator>
<atom:link href="${xml(options.selfUrl)}" rel="self" type="application/rss+xml"/>
${entries.join('\n')}
</channel>
</rss>
`
}
