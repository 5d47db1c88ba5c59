/**
 * Pasting from a web page or a word processor: keep the structure (paragraphs, subheads,
 * lists, quotes, emphasis, links), drop the rest. The schema's parse rules already ignore
 * what they do not know; this removes what should not even be looked at (scripts, styles,
 * comments, Office markup) and maps headings onto the two subhead levels a story has.
 */
const DROP = 'script, style, link, meta, title, noscript, iframe, object, embed, svg, canvas, form, input, button, select, textarea, template'

export function cleanPastedHtml(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html')
  document.querySelectorAll(DROP).forEach((element) => element.remove())
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT)
  const comments: Node[] = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  comments.forEach((comment) => comment.parentNode?.removeChild(comment))
  // Word's <o:p> and friends.
  document.body.querySelectorAll('*').forEach((element) => {
    if (element.tagName.includes(':')) element.replaceWith(...Array.from(element.childNodes))
  })
  const rename = (selector: string, tag: string) =>
    document.body.querySelectorAll(selector).forEach((element) => {
      const replacement = document.createElement(tag)
      replacement.append(...Array.from(element.childNodes))
      element.replaceWith(replacement)
    })
  rename('h1', 'h2')
  rename('h4, h5, h6', 'h3')
  // Keep what the schema reads (a link's href, the inline style that says bold or italic in
  // pastes from Google Docs or Word); drop handlers, ids, classes and the rest.
  document.body.querySelectorAll('*').forEach((element) => {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name === 'style' || (element.tagName === 'A' && attribute.name === 'href')) continue
      element.removeAttribute(attribute.name)
    }
  })
  return document.body.innerHTML
}
