/**
 * The editor's keyboard shortcuts, in one table: the toolbar's tooltips and the shortcuts
 * dialog both read it, so neither can advertise a key the editor does not answer (the
 * tooltip once said "Quote (Ctrl+Shift+B)" while the key made text bold). The keys
 * themselves are bound by the schema's extensions (`@copydesk/shared/schema`), by
 * collaboration's undo, and by the story page (link, this list); the e2e tests press each one.
 */

/** `Mod` is Ctrl, or ⌘ on a Mac. */
export type ShortcutKey = 'Mod' | 'Shift' | 'Alt' | string

export interface Shortcut {
  /** What the key does, as the toolbar names it. */
  action: string
  keys: ShortcutKey[]
  /** Where it works, when not in every text field. */
  where?: string
}

export const SHORTCUTS = {
  bold: { action: 'Bold', keys: ['Mod', 'B'] },
  italic: { action: 'Italic', keys: ['Mod', 'I'] },
  link: { action: 'Link', keys: ['Mod', 'K'], where: 'standfirst and body' },
  paragraph: { action: 'Paragraph', keys: ['Mod', 'Alt', '0'], where: 'body' },
  subhead: { action: 'Subhead', keys: ['Mod', 'Alt', '2'], where: 'body' },
  minorSubhead: { action: 'Minor subhead', keys: ['Mod', 'Alt', '3'], where: 'body' },
  bulletList: { action: 'Bulleted list', keys: ['Mod', 'Shift', '8'], where: 'body' },
  orderedList: { action: 'Numbered list', keys: ['Mod', 'Shift', '7'], where: 'body' },
  quote: { action: 'Quote', keys: ['Mod', 'Shift', 'B'], where: 'body' },
  undo: { action: 'Undo', keys: ['Mod', 'Z'] },
  redo: { action: 'Redo', keys: ['Mod', 'Shift', 'Z'] },
  nextField: { action: 'Go to the next field', keys: ['Enter'], where: 'headline and standfirst' },
  shortcuts: { action: 'Keyboard shortcuts', keys: ['Mod', '/'] },
} as const satisfies Record<string, Shortcut>

export type ShortcutName = keyof typeof SHORTCUTS

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' }

/** How a shortcut is written for this platform: "Ctrl+Shift+B" or "⇧⌘B" (Apple's order: ⌥⇧⌘). */
export function formatShortcut(keys: readonly ShortcutKey[], mac: boolean): string {
  if (!mac) return keys.map((key) => (key === 'Mod' ? 'Ctrl' : key)).join('+')
  const order = ['Alt', 'Shift', 'Mod']
  const modifiers = keys.filter((key) => order.includes(key)).sort((a, b) => order.indexOf(a) - order.indexOf(b))
  const rest = keys.filter((key) => !order.includes(key))
  return [...modifiers.map((key) => MAC_SYMBOLS[key]), ...rest].join('')
}

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function shortcutLabel(name: ShortcutName): string {
  return formatShortcut(SHORTCUTS[name].keys, IS_MAC)
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
