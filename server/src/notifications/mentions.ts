/**
 * `@mentions` in notes: `@camille` or `@Inès` names a colleague by first name or by the
 * part of their email before the @ (accents and case do not matter).
 */
import type { UserRecord } from '../storage/Storage.js'
import { searchText } from '../storage/searchText.js'

export function mentionedUsers(text: string | null | undefined, users: readonly UserRecord[]): UserRecord[] {
  if (!text) return []
  const handles = new Set([...text.matchAll(/(?:^|[^\p{L}\p{N}._-])@([\p{L}\p{N}._-]+)/gu)].map((match) => searchText(match[1]!)))
  if (handles.size === 0) return []
  return users.filter((user) => {
    if (user.disabled) return false
    const first = searchText(user.displayName.split(/\s+/)[0] ?? '')
    const local = searchText(user.email.split('@')[0] ?? '')
    return handles.has(first) || handles.has(local)
  })
}
