/**
 * The SQLite schema, as numbered migrations applied in order at open (tracked in
 * `PRAGMA user_version`). A migration never changes once released; add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: accounts, stories and the document log */ `
  CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('reporter', 'editor', 'admin')),
    password_hash TEXT NOT NULL,
    bio           TEXT NOT NULL DEFAULT '',
    color         TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
  );

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions(user_id);

  CREATE TABLE api_tokens (
    id         TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    scope      TEXT NOT NULL CHECK (scope IN ('read', 'write')),
    created_at TEXT NOT NULL
  );

  CREATE TABLE sections (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    parent_id TEXT REFERENCES sections(id),
    position  INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    headline   TEXT NOT NULL DEFAULT '',
    -- headline folded for search (lower case, no accents): see storage/searchText.ts
    search_text TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'draft',
    section_id TEXT REFERENCES sections(id),
    byline     TEXT NOT NULL DEFAULT '[]',
    words      INTEGER NOT NULL DEFAULT 0,
    signs      INTEGER NOT NULL DEFAULT 0,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX stories_by_update ON stories(updated_at DESC);

  -- The story document: a snapshot plus the updates appended since (the durable log).
  CREATE TABLE story_snapshots (
    story_id    TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    state       BLOB NOT NULL,
    through_seq INTEGER NOT NULL,
    updated_at  TEXT NOT NULL
  );
  CREATE TABLE story_updates (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    data     BLOB NOT NULL
  );
  CREATE INDEX story_updates_by_story ON story_updates(story_id, seq);
  `,
]
