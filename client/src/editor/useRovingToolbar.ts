/**
 * The WAI-ARIA toolbar pattern: the toolbar is one tab stop, and the arrow keys (Home and
 * End too) move between its enabled controls. Keyboard users reach the text after one Tab
 * instead of fifteen. The control last used keeps the tab stop, so Tab comes back to it.
 *
 * Not for the link form that opens inside the toolbar: its field and buttons are ordinary
 * tab stops.
 */
import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from 'react'

const ITEMS = ':scope > select, :scope > .toolbar__group > button'

function itemsOf(toolbar: HTMLElement): HTMLElement[] {
  return [...toolbar.querySelectorAll<HTMLElement>(ITEMS)].filter((item) => !(item as HTMLButtonElement | HTMLSelectElement).disabled)
}

export function useRovingToolbar(ref: RefObject<HTMLElement | null>): { onKeyDown: (event: KeyboardEvent) => void; onFocus: (event: { target: EventTarget }) => void } {
  const current = useRef<HTMLElement | null>(null)

  // After every render (controls enable and disable as the caret moves): exactly one tab stop.
  useEffect(() => {
    const toolbar = ref.current
    if (!toolbar) return
    const items = itemsOf(toolbar)
    const stop = current.current && items.includes(current.current) ? current.current : items[0]
    for (const item of toolbar.querySelectorAll<HTMLElement>(ITEMS)) item.tabIndex = item === stop ? 0 : -1
  })

  const onFocus = useCallback((event: { target: EventTarget }) => {
    const toolbar = ref.current
    if (!toolbar || !(event.target instanceof HTMLElement) || !itemsOf(toolbar).includes(event.target)) return
    current.current = event.target
    for (const item of toolbar.querySelectorAll<HTMLElement>(ITEMS)) item.tabIndex = item === event.target ? 0 : -1
  }, [ref])

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const toolbar = ref.current
      if (!toolbar || !(event.target instanceof HTMLElement)) return
      const items = itemsOf(toolbar)
      const at = items.indexOf(event.target)
      if (at < 0) return
      const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: items.length - 1 }[event.key]
      if (next === undefined) return
      event.preventDefault()
      items[(next + items.length) % items.length]?.focus()
    },
    [ref],
  )

  return { onKeyDown, onFocus }
}
