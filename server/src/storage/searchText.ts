/**
 * The form of text that story search compares: lower case, without accents, so that
 * "evenement" finds "Événement" (SQLite's LIKE folds ASCII case only).
 */
export function searchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}
