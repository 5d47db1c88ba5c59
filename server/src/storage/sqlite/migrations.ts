/**
 * The SQLite schema, as numbered migrations applied in order at open (tracked in
 * `PRAGMA user_version`). A migration never changes once released; add the next one.
 * A migration is SQL, or SQL and then a step in code (in the same transaction) for what
 * SQL cannot compute, such as text read from the stored Yjs documents.
 */
import type Database from 'better-sqlite3'
import { backfillSearchIndex } from './searchIndex.js'

export type Migration = string | { sql: string; then: (db: Database.Database) => void }

export const MIGRATIONS: readonly Migration[] = [
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
  /* 2: the workflow: story metadata, assignments, history, notifications */ `
  ALTER TABLE stories ADD COLUMN slug TEXT NOT NULL DEFAULT '';
  ALTER TABLE stories ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE stories ADD COLUMN deadline TEXT;
  ALTER TABLE stories ADD COLUMN length_target INTEGER;
  ALTER TABLE stories ADD COLUMN length_unit TEXT CHECK (length_unit IN ('words', 'signs'));
  ALTER TABLE stories ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent'));
  ALTER TABLE stories ADD COLUMN internal_note TEXT NOT NULL DEFAULT '';
  ALTER TABLE stories ADD COLUMN publish_at TEXT;
  CREATE INDEX stories_by_status ON stories(status, updated_at DESC);
  CREATE INDEX stories_due ON stories(publish_at) WHERE status = 'scheduled';

  CREATE TABLE story_assignees (
    story_id    TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (story_id, user_id)
  );
  CREATE INDEX story_assignees_by_user ON story_assignees(user_id);

  -- Every step of a story's life: who, when, what, why.
  CREATE TABLE story_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id    TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    actor_id    TEXT REFERENCES users(id) ON DELETE SET NULL,
    kind        TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT,
    note        TEXT,
    detail      TEXT
  );
  CREATE INDEX story_events_by_story ON story_events(story_id, id);

  CREATE TABLE notifications (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    at       TEXT NOT NULL,
    kind     TEXT NOT NULL,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    actor_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    note     TEXT,
    read_at  TEXT
  );
  CREATE INDEX notifications_by_user ON notifications(user_id, id DESC);
  `,
  /* 3: publishing: frozen versions, public addresses */ `
  ALTER TABLE stories ADD COLUMN language TEXT NOT NULL DEFAULT 'fr';
  ALTER TABLE stories ADD COLUMN public_path TEXT;
  ALTER TABLE stories ADD COLUMN first_published_at TEXT;
  CREATE UNIQUE INDEX stories_by_public_path ON stories(public_path) WHERE public_path IS NOT NULL;

  -- What readers see: each publication frozen as it was, never changed afterwards.
  CREATE TABLE published_versions (
    story_id     TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('first', 'update', 'correction')),
    note         TEXT,
    content      TEXT NOT NULL,
    page_html    TEXT NOT NULL,
    etag         TEXT NOT NULL,
    PRIMARY KEY (story_id, version)
  );
  CREATE INDEX published_versions_by_time ON published_versions(published_at DESC);
  `,
  /* 4: full-text search over headline, standfirst, body, tags and bylines */ {
    sql: `
  -- The searchable text of each story, kept by storage as the document and the metadata
  -- change (searchIndex.ts). The integer key is the index's rowid: stable, unlike the
  -- implicit rowid of stories, which VACUUM may renumber. Supersedes stories.search_text.
  CREATE TABLE story_text (
    id         INTEGER PRIMARY KEY,
    story_id   TEXT NOT NULL UNIQUE REFERENCES stories(id) ON DELETE CASCADE,
    headline   TEXT NOT NULL DEFAULT '',
    standfirst TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    tags       TEXT NOT NULL DEFAULT '',
    byline     TEXT NOT NULL DEFAULT ''
  );
  -- External content: the index holds terms only and reads passages from story_text.
  -- remove_diacritics 2: "Coree" finds "Corée"; prefix indexes make typing-as-you-go cheap.
  CREATE VIRTUAL TABLE story_search USING fts5(
    headline, standfirst, body, tags, byline,
    content = 'story_text', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
  );
  CREATE TRIGGER story_text_inserted AFTER INSERT ON story_text BEGIN
    INSERT INTO story_search (rowid, headline, standfirst, body, tags, byline)
    VALUES (new.id, new.headline, new.standfirst, new.body, new.tags, new.byline);
  END;
  CREATE TRIGGER story_text_deleted AFTER DELETE ON story_text BEGIN
    INSERT INTO story_search (story_search, rowid, headline, standfirst, body, tags, byline)
    VALUES ('delete', old.id, old.headline, old.standfirst, old.body, old.tags, old.byline);
  END;
  CREATE TRIGGER story_text_updated AFTER UPDATE ON story_text BEGIN
    INSERT INTO story_search (story_search, rowid, headline, standfirst, body, tags, byline)
    VALUES ('delete', old.id, old.headline, old.standfirst, old.body, old.tags, old.byline);
    INSERT INTO story_search (rowid, headline, standfirst, body, tags, byline)
    VALUES (new.id, new.headline, new.standfirst, new.body, new.tags, new.byline);
  END;
  `,
    // Stories written before this version: their text from their stored documents.
    then: backfillSearchIndex,
  },
  /* 5: unpublished changes: each published story's working copy against its live version */ `
  CREATE TABLE working_copies (
    story_id         TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    content_hash     TEXT NOT NULL,
    compared_version INTEGER NOT NULL,
    live_hash        TEXT NOT NULL,
    words_added      INTEGER NOT NULL,
    words_removed    INTEGER NOT NULL,
    updated_at       TEXT NOT NULL
  );
  `,
  /* 6: a sequence per story for the document log (a reader of story S sees a gap) */ `
  -- seq was the table's rowid, one counter for every story: nobody could tell that a
  -- story's log missed an entry. Now each story counts its own entries from 1; the rowid
  -- stays, implicit, in the order entries were written. story_snapshots.through_seq counts
  -- in the story's sequence too.
  CREATE TABLE story_updates_by_story_seq (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL CHECK (seq > 0),
    data     BLOB NOT NULL,
    UNIQUE (story_id, seq)
  );
  -- Existing entries, numbered per story in the order they were written.
  INSERT INTO story_updates_by_story_seq (rowid, story_id, seq, data)
    SELECT seq, story_id, row_number() OVER (PARTITION BY story_id ORDER BY seq), data FROM story_updates;
  -- A snapshot covered the entries up to its global seq: as many of the story's own.
  UPDATE story_snapshots SET through_seq = (
    SELECT count(*) FROM story_updates WHERE story_updates.story_id = story_snapshots.story_id AND story_updates.seq <= story_snapshots.through_seq
  );
  DROP TABLE story_updates;
  ALTER TABLE story_updates_by_story_seq RENAME TO story_updates;
  `,
  /* 7: each person's interface language (NULL: the newsroom's default) */ `
  -- No CHECK on the codes: adding an interface language must not need a migration (the API
  -- accepts only INTERFACE_LANGUAGES).
  ALTER TABLE users ADD COLUMN language TEXT;
  `,
  /* 8: who writes with each Yjs client id of a story (who wrote what) */ `
  -- Filled by the broker in the transaction that stores a client id's first update; the
  -- account is the one whose connection sent it (never what a client says). No foreign key
  -- on the account: a removed account's text stays attributed to its id.
  CREATE TABLE story_clients (
    story_id  TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    client_id INTEGER NOT NULL CHECK (client_id >= 0),
    user_id   TEXT NOT NULL,
    PRIMARY KEY (story_id, client_id)
  ) WITHOUT ROWID;
  `,
]
