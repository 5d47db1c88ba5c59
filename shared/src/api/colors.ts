/**
 * Presence colours: each user keeps one colour everywhere (caret, avatar, board), picked
 * from a palette that stays readable as a caret label with white text (contrast ≥ 4.5:1).
 */
export const PRESENCE_COLORS = [
  '#b3261e', // red
  '#0b57d0', // blue
  '#146c2e', // green
  '#8e24aa', // purple
  '#b45309', // amber
  '#00696f', // teal
  '#c2185b', // pink
  '#4e5bb1', // indigo
  '#6d4c41', // brown
  '#37474f', // slate
] as const

/** A stable colour for a user id (FNV-1a over the id). */
export function presenceColor(userId: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return PRESENCE_COLORS[(hash >>> 0) % PRESENCE_COLORS.length]!
}
