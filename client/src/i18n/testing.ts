/**
 * For unit tests: the app's i18n instance in one language, every catalogue loaded at once
 * (no browser, no lazy chunk), so that `t` and the `Intl` formats (`app/format.ts`, which
 * read the instance's language) agree. Not for the app, which loads one catalogue at a
 * time (`index.ts`).
 */
import type { TFunction } from 'i18next'
import type { InterfaceLanguage } from '@copydesk/shared/api'
import { i18n } from './index.js'

const catalogues = import.meta.glob<object>('./locales/*.json', { import: 'default', eager: true })

export async function testT(language: InterfaceLanguage): Promise<TFunction> {
  if (!i18n.isInitialized) {
    const resources = Object.fromEntries(Object.entries(catalogues).map(([path, translation]) => [path.replace(/^.*\/(\w+)\.json$/, '$1'), { translation }]))
    await i18n.init({ lng: language, resources, interpolation: { escapeValue: false } })
  }
  await i18n.changeLanguage(language)
  return i18n.getFixedT(language)
}
