/** Records and document updates for the storage contract, named per test so tests never share state. */
import type { NewStory, NewUser } from '../src/storage/Storage.js'
import * as Y from 'yjs'
import { newStory } from '../src/testing/records.js'

export function user(overrides: Partial<NewUser> = {}): NewUser {
  const id = overrides.id ?? `u-${Math.random().toString(36).slice(2, 10)}`
  return {
    id,
    email: `${id}@copydesk.test`,
    displayName: 'Camille Laurent',
    role: 'reporter',
    passwordHash: 'scrypt$hash',
    bio: '',
    color: '#0b57d0',
    ...overrides,
  }
}

export function story(overrides: Partial<NewStory> = {}): NewStory {
  return newStory({ id: `story-${Math.random().toString(36).slice(2, 12)}`, headline: 'La Russie ouvre la porte', ...overrides })
}

export function update(text: string, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.getText('body').insert(doc.getText('body').length, text)
  return Y.encodeStateAsUpdate(doc, before)
}

export function textOf(parts: (Uint8Array | null)[]): string {
  const doc = new Y.Doc()
  for (const part of parts) if (part) Y.applyUpdate(doc, part)
  return doc.getText('body').toString()
}

