/**
 * The reader page's stylesheet: one small file, cached for a long time, no web fonts
 * (system serif and sans: fast on a phone), a type scale for long reading.
 */
import { createHash } from 'node:crypto'

export const READER_CSS = `
:root{--ink:#1b1f2a;--soft:#4a5160;--muted:#6b7180;--line:#e2e2dd;--accent:#b3391a;--paper:#fffdf9;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--ink);font:1.125rem/1.7 Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif}
a{color:#0b4aa2;text-underline-offset:2px}
a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.site{border-bottom:1px solid var(--line);padding:.9rem 1.25rem;font:600 1rem/1.2 system-ui,-apple-system,"Segoe UI",sans-serif}
.site a{color:var(--ink);text-decoration:none}
.site nav{display:flex;gap:1.25rem;flex-wrap:wrap;align-items:baseline;max-width:41.5rem;margin:0 auto}
.site nav a+a{font-weight:500;color:var(--soft)}
main{max-width:44rem;margin:0 auto;padding:2rem 1.25rem 4rem}
.crumbs{font:700 .78rem/1.2 system-ui,sans-serif;letter-spacing:.07em;text-transform:uppercase;margin:0 0 1rem}
.crumbs a{color:var(--accent);text-decoration:none}
.crumbs span[aria-hidden]{color:var(--muted);margin:0 .35rem}
h1{font-size:clamp(1.9rem,5.2vw,2.7rem);line-height:1.12;letter-spacing:-.01em;margin:0 0 1rem}
.standfirst{font-size:1.3rem;line-height:1.5;color:var(--soft);margin:0 0 1.4rem}
.byline{font:.9rem/1.5 system-ui,sans-serif;color:var(--soft);border-top:1px solid var(--line);border-bottom:1px solid var(--line);padding:.7rem 0;margin:0 0 2rem}
.byline strong{color:var(--ink)}
.corrections{font:.92rem/1.5 system-ui,sans-serif;background:#f5f1e8;border-left:3px solid var(--accent);padding:.8rem 1rem;margin:0 0 2rem}
.corrections h2{font:700 .8rem/1.2 system-ui,sans-serif;letter-spacing:.06em;text-transform:uppercase;margin:0 0 .4rem}
.corrections ul{margin:0;padding-left:1.1rem}
.body h2{font-size:1.45rem;line-height:1.3;margin:2.2rem 0 .6rem}
.body h3{font-size:1.2rem;line-height:1.35;margin:1.8rem 0 .5rem}
.body p{margin:0 0 1.1rem}
.body ul,.body ol{padding-left:1.4rem;margin:0 0 1.2rem}
.body li{margin:.3rem 0}
.quote{margin:1.8rem 0;padding:0 0 0 1.2rem;border-left:3px solid var(--accent)}
.quote blockquote{margin:0;font-size:1.28rem;line-height:1.5;font-style:italic}
.quote blockquote p{margin:0 0 .5rem}
.quote figcaption{font:600 .88rem/1.4 system-ui,sans-serif;color:var(--soft)}
.quote cite{font-style:normal}
hr{border:0;text-align:center;margin:2rem 0}
hr::after{content:"• • •";letter-spacing:.5em;color:var(--muted)}
.bio{font:.95rem/1.6 system-ui,sans-serif;color:var(--soft);border-top:1px solid var(--line);margin-top:2.5rem;padding-top:1rem}
.tags{font:.85rem/1.5 system-ui,sans-serif;color:var(--muted)}
.listing{list-style:none;margin:0;padding:0}
.listing li{border-bottom:1px solid var(--line);padding:1.2rem 0}
.listing h2{font-size:1.35rem;line-height:1.25;margin:.2rem 0 .4rem}
.listing h2 a{color:var(--ink);text-decoration:none}
.listing p{margin:0;color:var(--soft)}
.listing .meta{font:.8rem/1.4 system-ui,sans-serif;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.bio p{margin:0 0 .6rem}
.gone{text-align:center;padding-top:3rem}
footer.site-footer{max-width:41.5rem;margin:0 auto;padding:1.5rem 0 3rem;font:.85rem/1.5 system-ui,sans-serif;color:var(--muted);border-top:1px solid var(--line)}
`.trim()

export const READER_CSS_ETAG = `"${createHash('sha1').update(READER_CSS).digest('base64url')}"`
