import { describe, expect, it } from 'vitest'
import { SHORTCUTS, formatShortcut, isTypingTarget, opensShortcuts } from './shortcuts.js'

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers })

describe('formatShortcut', () => {
  it('writes Ctrl+… on Windows and Linux', () => {
    expect(formatShortcut(SHORTCUTS.quote.keys, false)).toBe('Ctrl+Shift+B')
    expect(formatShortcut(SHORTCUTS.subhead.keys, false)).toBe('Ctrl+Alt+2')
    expect(formatShortcut(SHORTCUTS.nextField.keys, false)).toBe('Enter')
    // As a French keyboard labels them.
    const french = (name: string) => ({ Shift: 'Maj', Enter: 'Entrée' })[name] ?? name
    expect(formatShortcut(SHORTCUTS.quote.keys, false, french)).toBe('Ctrl+Maj+B')
    expect(formatShortcut(SHORTCUTS.nextField.keys, false, french)).toBe('Entrée')
  })

  it('writes symbols in Apple’s order on a Mac', () => {
    expect(formatShortcut(SHORTCUTS.quote.keys, true)).toBe('⇧⌘B')
    expect(formatShortcut(SHORTCUTS.subhead.keys, true)).toBe('⌥⌘2')
    expect(formatShortcut(SHORTCUTS.bold.keys, true)).toBe('⌘B')
  })
})

describe('opensShortcuts', () => {
  it('opens on Ctrl+/ or ⌘/ wherever the focus is', () => {
    expect(opensShortcuts(press('/', { ctrlKey: true }), true)).toBe(true)
    expect(opensShortcuts(press('/', { metaKey: true }), false)).toBe(true)
  })

  it('opens on ? only outside what one types into', () => {
    expect(opensShortcuts(press('?'), false)).toBe(true)
    expect(opensShortcuts(press('?'), true)).toBe(false)
    expect(opensShortcuts(press('/'), false)).toBe(false)
    expect(opensShortcuts(press('?', { altKey: true }), false)).toBe(false)
  })

  it('without a DOM nothing is a typing target', () => {
    expect(isTypingTarget(null)).toBe(false)
  })
})
