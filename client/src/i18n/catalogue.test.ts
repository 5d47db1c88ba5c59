/**
 * The catalogue check: a missing translation fails the build, not a user. Every key the code
 * uses (`t('…')`, `i18nKey="…"`, and `key('…')` for keys chosen at run time, see
 * `labels.ts`) is in every catalogue; no catalogue has a key the code does not use; all
 * catalogues have the same keys; a key used with `count` has every plural form its
 * language needs (`Intl.PluralRules`: French `one`, `many`, `other`); and the workflow's
 * every status and move has its label.
 */
import { describe, expect, it } from 'vitest'
import { ERROR_CODES, INTERFACE_LANGUAGES } from '@copydesk/shared/api'
import { STORY_STATUSES, TRANSITIONS } from '@copydesk/shared/workflow'
import { ERROR_KEYS, STATUS_KEYS, TRANSITION_KEYS } from './labels.js'

// Every source file of the client (not the tests), as text; and each catalogue, by language.
const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx'], { query: '?raw', import: 'default', eager: true })
const files = import.meta.glob<object>('./locales/*.json', { import: 'default', eager: true })

/** Each key the code names, and whether any use passes a `count` (then it is plural). */
export function usedKeys(code: string): Map<string, { plural: boolean }> {
  const used = new Map<string, { plural: boolean }>()
  const add = (name: string, plural: boolean) => used.set(name, { plural: plural || (used.get(name)?.plural ?? false) })
  // t('a.b'), t("a.b", { count }), i18n.t('a.b'), and the run-time keys marked key('a.b').
  // The options are looked ahead at, not consumed: a t('…') inside them is found too.
  for (const match of code.matchAll(/\b(?:t|key)\(\s*['"]([A-Za-z0-9_.]+)['"](?=\s*(,\s*\{([^}]*)\})?)/g)) {
    add(match[1]!, /\bcount\b/.test(match[3] ?? ''))
  }
  // errorMessage(t, caught, 'fallback.key')
  for (const match of code.matchAll(/\berrorMessage\(\s*t\s*,[^,]+,\s*['"]([A-Za-z0-9_.]+)['"]\s*\)/g)) add(match[1]!, false)
  // t(condition ? 'a' : 'b', …): both branches are keys.
  for (const match of code.matchAll(/\bt\(\s*[^'"(),]+\?\s*['"]([A-Za-z0-9_.]+)['"]\s*:\s*['"]([A-Za-z0-9_.]+)['"]/g)) {
    add(match[1]!, false)
    add(match[2]!, false)
  }
  for (const match of code.matchAll(/i18nKey="([A-Za-z0-9_.]+)"/g)) add(match[1]!, false)
  return used
}

function flatten(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([name, value]) => (typeof value === 'object' && value !== null ? flatten(value as object, `${prefix}${name}.`) : [`${prefix}${name}`]))
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

const code = Object.values(sources).join('\n')
const used = usedKeys(code)
const catalogueOf = (language: string): object => files[`./locales/${language}.json`] ?? {}
const catalogues = Object.fromEntries(INTERFACE_LANGUAGES.map((language) => [language, flatten(catalogueOf(language))]))

describe('the catalogues', () => {
  it('finds the keys the code uses (the scan itself works)', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(40)
    expect(used.size).toBeGreaterThan(200)
    expect(
      usedKeys(`t('board.title'); t('x.y', { count: n, who: a ?? t('i.j') }); key('a.b'); errorMessage(t, caught, 'k.l'); <Trans i18nKey="c.d" />; t(full ? 'e.f' : 'g.h', {})`),
    ).toEqual(
      new Map([
        ['board.title', { plural: false }],
        ['x.y', { plural: true }],
        ['i.j', { plural: false }],
        ['a.b', { plural: false }],
        ['k.l', { plural: false }],
        ['e.f', { plural: false }],
        ['g.h', { plural: false }],
        ['c.d', { plural: false }],
      ]),
    )
  })

  for (const language of INTERFACE_LANGUAGES) {
    describe(language, () => {
      const keys = new Set(catalogues[language])
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories

      it('has every key the code uses, with every plural form the language needs where a count is given', () => {
        const missing: string[] = []
        for (const [name, { plural }] of used) {
          if (plural) missing.push(...forms.map((form) => `${name}_${form}`).filter((form) => !keys.has(form)))
          else if (!keys.has(name)) missing.push(name)
        }
        expect(missing).toEqual([])
      })

      it('has no key the code does not use', () => {
        const unused = [...keys].filter((name) => {
          const base = name.replace(PLURAL_SUFFIX, '')
          return base === name ? !used.has(name) : !used.get(base)?.plural
        })
        expect(unused).toEqual([])
      })

      it('leaves no message empty', () => {
        const catalogue = catalogueOf(language)
        const empty = flatten(catalogue).filter((name) => {
          const value = name.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue)
          return typeof value !== 'string' || value.trim() === ''
        })
        expect(empty).toEqual([])
      })
    })
  }

  it('all have the same keys, but for plural forms the languages count differently', () => {
    const singular = (names: string[]) => [...new Set(names.map((name) => name.replace(PLURAL_SUFFIX, '')))].sort()
    const [first, ...others] = INTERFACE_LANGUAGES
    for (const language of others) expect(singular(catalogues[language]!)).toEqual(singular(catalogues[first]!))
  })

  it('name every status, every move of the workflow and every error code', () => {
    expect(Object.keys(STATUS_KEYS).sort()).toEqual([...STORY_STATUSES].sort())
    expect(TRANSITIONS.map((rule) => `${rule.from}>${rule.to}`).filter((move) => !TRANSITION_KEYS[move])).toEqual([])
    expect(ERROR_CODES.filter((errorCode) => !ERROR_KEYS[errorCode])).toEqual([])
  })
})
