/** Toolbar icons: simple strokes at 20px, drawn for this app. */
const paths: Record<string, string> = {
  bold: 'M6 4h5.5a3.5 3.5 0 0 1 0 7H6zM6 11h6.5a3.5 3.5 0 0 1 0 7H6z',
  italic: 'M12 4h-4M12 16h-4M11 4 9 16',
  link: 'M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5l-1 1M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1',
  bulletList: 'M8 5h9M8 10h9M8 15h9M3.5 5h.01M3.5 10h.01M3.5 15h.01',
  orderedList: 'M8 5h9M8 10h9M8 15h9M3 4h1v3M3 9.5h2l-2 2.5h2M3 14h2v3H3M3 15.5h2',
  quote: 'M4 12c0-4 2-6 5-6M4 12v3h4v-4H4M11 12c0-4 2-6 5-6M11 12v3h4v-4h-4',
  attribution: 'M4 10h4M10 6v8M14 7a3 3 0 1 1 0 6',
  rule: 'M3 10h14',
  undo: 'M7 5 3 9l4 4M3 9h9a5 5 0 0 1 0 10h-2',
  redo: 'M13 5l4 4-4 4M17 9H8a5 5 0 0 0 0 10h2',
  keyboard: 'M3 5h14v10H3zM6 8h.01M9 8h.01M12 8h.01M15 8h.01M6 11h.01M15 11h.01M8 12h4',
}

export type IconName = keyof typeof paths

export function Icon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={paths[name]} />
    </svg>
  )
}
