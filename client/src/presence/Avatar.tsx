/** A person as a coloured circle with their initials; the name is in the accessible label and tooltip. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0]![0], words[words.length - 1]![0]] : [name.trim()[0], name.trim()[1]]
  return letters.filter(Boolean).join('').toUpperCase()
}

export function Avatar({ name, color, size = 'normal', title }: { name: string; color: string; size?: 'small' | 'normal'; title?: string }) {
  return (
    <span className={`avatar avatar--${size}`} style={{ backgroundColor: color }} title={title ?? name} aria-label={title ?? name} role="img">
      {initials(name)}
    </span>
  )
}
