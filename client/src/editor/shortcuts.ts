/**
 * The editor's keyboard shortcuts, in one table: the toolbar's tooltips and the shortcuts
 * dialog both read it, so neither can advertise a key the editor does not answer (the
 * tooltip once said "Quote (Ctrl+Shift+B)" while the key made text bold). The keys
 * themselves are bound by the schema's extensions (`@copydesk/shared/schema`), by
 * collaboration's undo, and by the story page (link, this list); the e2e tests press each one.
 */
import { i18n } from '../i18n/index.js'
import { key } from '../i18n/labels.js'

/** `Mod` is Ctrl, or ⌘ on a Mac. */
export type ShortcutKey = 'Mod' | 'Shift' | 'Alt' | string

export interface Shortcut {
  /** What the key does, as the toolbar names it: a catalogue key. */
  action: string
  keys: ShortcutKey[]
  /** Where it works, when not in every text field: a catalogue key. */
  where?: string
}

const BODY = key('editor.shortcuts.where.body')

export const SHORTCUTS = {
  bold: { action: key('editor.shortcuts.bold'), keys: ['Mod', 'B'] },
  italic: { action: key('editor.shortcuts.italic'), keys: ['Mod', 'I'] },
  link: { action: key('editor.shortcuts.link'), keys: ['Mod', 'K'], where: key('editor.shortcuts.where.standfirstAndBody') },
  paragraph: { action: key('editor.shortcuts.paragraph'), keys: ['Mod', 'Alt', '0'], where: BODY },
  subhead: { action: key('editor.shortcuts.subhead'), keys: ['Mod', 'Alt', '2'], where: BODY },
  minorSubhead: { action: key('editor.shortcuts.minorSubhead'), keys: ['Mod', 'Alt', '3'], where: BODY },
  bulletList: { action: key('editor.shortcuts.bulletList'), keys: ['Mod', 'Shift', '8'], where: BODY },
  orderedList: { action: key('editor.shortcuts.orderedList'), keys: ['Mod', 'Shift', '7'], where: BODY },
  quote: { action: key('editor.shortcuts.quote'), keys: ['Mod', 'Shift', 'B'], where: BODY },
  undo: { action: key('editor.shortcuts.undo'), keys: ['Mod', 'Z'] },
  redo: { action: key('editor.shortcuts.redo'), keys: ['Mod', 'Shift', 'Z'] },
  nextField: { action: key('editor.shortcuts.nextField'), keys: ['Enter'], where: key('editor.shortcuts.where.headlineAndStandfirst') },
  shortcuts: { action: key('editor.shortcuts.shortcuts'), keys: ['Mod', '/'] },
} as const satisfies Record<string, Shortcut>

export type ShortcutName = keyof typeof SHORTCUTS

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' }

/**
 * How a shortcut is written for this platform: "Ctrl+Shift+B" or "⇧⌘B" (Apple's order: ⌥⇧⌘).
 * `names` writes the keys as the keyboard's language labels them (French: "Ctrl+Maj+B").
 */
export function formatShortcut(keys: readonly ShortcutKey[], mac: boolean, names: (key: string) => string = (key) => key): string {
  if (!mac) return keys.map((key) => names(key === 'Mod' ? 'Ctrl' : key)).join('+')
  const order = ['Alt', 'Shift', 'Mod']
  const modifiers = keys.filter((key) => order.includes(key)).sort((a, b) => order.indexOf(a) - order.indexOf(b))
  const rest = keys.filter((key) => !order.includes(key))
  return [...modifiers.map((key) => MAC_SYMBOLS[key]), ...rest].join('')
}

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

const KEY_NAMES: Record<string, string> = { Shift: key('editor.keys.shift'), Enter: key('editor.keys.enter') }

export function shortcutLabel(name: ShortcutName): string {
  return formatShortcut(SHORTCUTS[name].keys, IS_MAC, (label) => (KEY_NAMES[label] ? i18n.t(KEY_NAMES[label]) : label))
}

/**
 * Whether a key press opens the shortcuts list: Ctrl+/ (⌘/) anywhere, or `?` when the
 * focus is not in something one types into, where `?` is text.
 */
export function opensShortcuts(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }, typingTarget: boolean): boolean {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key === '/') return true
  return event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingTarget
}

/** An element one types into: a text field, a select, or an editor (contenteditable). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.matches('input, textarea, select')
}
