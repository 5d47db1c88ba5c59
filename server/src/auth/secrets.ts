/**
 * Random secrets and identifiers. Session and API tokens carry 256 bits of randomness and
 * are stored only as their SHA-256, so a copy of the database opens no session.
 */
import { createHash, randomBytes } from 'node:crypto'

/** A new secret token (256 bits), with a prefix that says what it is. */
export function newToken(prefix: 'cds' | 'cdk'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/** Ids for users, stories, tokens: 96 random bits, URL-safe (16 characters). */
export function newId(): string {
  return randomBytes(12).toString('base64url')
}
