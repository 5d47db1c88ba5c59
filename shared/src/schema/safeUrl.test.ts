import { describe, expect, it } from 'vitest'
import { isSafeHref, normalizeHref } from './safeUrl.js'

describe('isSafeHref', () => {
  it.each(['https://www.lemonde.fr/international/', 'http://example.org', 'mailto:redaction@copydesk.test'])('accepts %s', (href) => {
    expect(isSafeHref(href)).toBe(true)
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relative/path',
    'mailto:nobody',
    'https://',
    '',
    null,
    undefined,
  ])('refuses %s', (href) => {
    expect(isSafeHref(href)).toBe(false)
  })
})

describe('normalizeHref', () => {
  it('completes what people type', () => {
    expect(normalizeHref('lemonde.fr/article')).toBe('https://lemonde.fr/article')
    expect(normalizeHref('  https://ok.example  ')).toBe('https://ok.example')
    expect(normalizeHref('chef@copydesk.test')).toBe('mailto:chef@copydesk.test')
  })

  it('returns null for what cannot be made safe', () => {
    expect(normalizeHref('javascript:alert(1)')).toBeNull()
    expect(normalizeHref('   ')).toBeNull()
    expect(normalizeHref('ftp://files.example')).toBeNull()
  })
})
