/**
 * The colours of the authors view: each author's text in their colour on a light tint of
 * it, which must stay readable (WCAG AA, 4.5:1). Presence colours are dark enough to carry
 * white text, so they carry themselves on a pale tint of themselves too (checked in the test).
 */

function channels(hex: string): [number, number, number] {
  const value = hex.replace('#', '')
  return [0, 2, 4].map((at) => parseInt(value.slice(at, at + 2), 16)) as [number, number, number]
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`
}

/** The colour laid at `alpha` over white: the background of an author's passages. */
export function tint(hex: string, alpha = 0.06): string {
  return toHex(channels(hex).map((channel) => 255 - (255 - channel) * alpha))
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const c = channel / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG's contrast ratio of two colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}
