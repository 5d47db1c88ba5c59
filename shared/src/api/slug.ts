/**
 * Slugs: the URL-safe form of a headline or a section name. Without zod on purpose: the
 * browser's first chunk (sign-in, board, admin) uses them, and importing them must not pull
 * in the API schemas.
 */

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Text as a slug (`SLUG_PATTERN`), for URLs and ids: "La Russie Ouvre la Porte à la
 * Fourniture d’Armes" → "la-russie-ouvre-la-porte-a-la-fourniture-d-armes". Cut to
 * `maxLength` characters when given, without a trailing hyphen.
 */
export function slugify(text: string, maxLength?: number): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return maxLength === undefined ? slug : slug.slice(0, maxLength).replace(/-+$/, '')
}
