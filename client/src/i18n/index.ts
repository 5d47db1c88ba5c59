/**
 * The interface's languages: one i18next instance for the whole app, bound to React by
 * react-i18next, with one catalogue per language in `locales/` (nested keys by screen:
 * `board.*`, `editor.*`, `workflow.*`, `errors.*`…).
 *
 * Why i18next (with react-i18next) rather than Lingui or FormatJS: catalogues are plain
 * JSON a translator can edit without a compile step (Lingui needs its extractor and
 * compiler in the build); plurals come from the platform's `Intl.PluralRules` (French
 * `one`/`many`/`other` included), interpolation escapes nothing React would not (React
 * escapes), and `<Trans>` puts markup inside a sentence without cutting it in pieces. It is
 * the most used and most maintained of the three. It is not free in the entry chunk (the
 * whole change, library and translated screens, took it from 83 to 104 KB brotli);
 * FormatJS's ICU messages would bring a message parser to the browser on top.
 *
 * Only the current language's catalogue is downloaded: each is its own chunk, loaded
 * before the first render and on a switch (`changeLanguage` waits for it, so no
 * component ever renders a missing key).
 *
 * Not for the story's own language (spelling, typography, the public page): that is the
 * story's `language`, whatever the interface speaks.
 */
import i18next, { type BackendModule } from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { InterfaceLanguage } from '@copydesk/shared/api'

type Catalogue = Record<string, unknown>

/** Every interface language, with its catalogue: `Record` makes a language without one a type error. */
const CATALOGUES: Record<InterfaceLanguage, () => Promise<{ default: Catalogue }>> = {
  fr: () => import('./locales/fr.json'),
  en: () => import('./locales/en.json'),
}

export const LANGUAGES = Object.keys(CATALOGUES) as InterfaceLanguage[]

/** Each language's own name, as its speakers write it (the switch shows these, untranslated). */
export const LANGUAGE_NAMES: Record<InterfaceLanguage, string> = { fr: 'Français', en: 'English' }

/** What `Intl` formats with: British English writes dates and numbers as the newsroom reads them ("2 Dec", 24-hour clock). */
export const INTL_LOCALES: Record<InterfaceLanguage, string> = { fr: 'fr-FR', en: 'en-GB' }

/** The device remembers the last language shown, so the next visit's first screen (sign-in) already speaks it. */
const REMEMBERED = 'copydesk.language'

export function isInterfaceLanguage(code: unknown): code is InterfaceLanguage {
  return typeof code === 'string' && (LANGUAGES as string[]).includes(code)
}

/** "fr-CA" → "fr"; null when the interface does not speak it. */
export function supported(tag: string | null | undefined): InterfaceLanguage | null {
  const base = tag?.toLowerCase().split('-')[0]
  return isInterfaceLanguage(base) ? base : null
}

/**
 * Which language to show: the person's choice, else the newsroom's (`COPYDESK_SITE_LANGUAGE`),
 * else the browser's first one the interface speaks, else English.
 */
export function resolveLanguage(choices: { user?: string | null; site?: string | null; browser?: readonly string[] }): InterfaceLanguage {
  for (const tag of [choices.user, choices.site, ...(choices.browser ?? [])]) {
    const language = supported(tag)
    if (language) return language
  }
  return 'en'
}

const catalogueBackend: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, _namespace, callback) => {
    const load = isInterfaceLanguage(language) ? CATALOGUES[language] : null
    if (!load) return callback(null, {})
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    )
  },
}

export const i18n = i18next.createInstance()

/** The language now shown. */
export function currentLanguage(): InterfaceLanguage {
  return supported(i18n.language) ?? 'en'
}

/** The language this device showed last: the first screen's, before the newsroom and the person are known. */
function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(REMEMBERED)
  } catch {
    return null
  }
}

/** Starts i18n in the language this device last showed, or the browser's; resolves when its catalogue is in. */
export async function startI18n(): Promise<void> {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language
    try {
      localStorage.setItem(REMEMBERED, language)
    } catch {
      // private mode: the next visit starts from the newsroom's language
    }
  })
  await i18n
    .use(catalogueBackend)
    .use(initReactI18next)
    .init({
      lng: resolveLanguage({ user: rememberedLanguage(), browser: navigator.languages }),
      fallbackLng: false,
      supportedLngs: LANGUAGES,
      load: 'languageOnly',
      ns: ['translation'],
      defaultNS: 'translation',
      // React escapes what it renders: escaping here too would show "&amp;" in a headline.
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    })
}

/** Shows the interface in `language` now: no reload, nothing typed is lost (the editors stay; only their labels change). */
export async function showLanguage(language: InterfaceLanguage): Promise<void> {
  if (i18n.language !== language) await i18n.changeLanguage(language)
}
