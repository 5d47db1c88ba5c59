/**
 * What the workflow needs of publishing to put a story out: a version prepared from the
 * story as the server holds it, which the move then numbers and stores in its own
 * transaction. Declared here, on the side that uses it, so that the workflow names no
 * publishing module (`publish/Publisher.ts` implements it; publishing imports the
 * workflow, never the other way round). What happens once a publication changed (pages
 * dropped from the cache, the working copy compared again) listens to `publicationChanged`.
 */
import type { NewPublishedVersion, RevisionKind, StoryRecord, UserRecord } from '../storage/Storage.js'

export interface PublishRequest {
  actor: UserRecord | null
  /** For a story published before: an update or a correction (the reader sees the note). */
  revision: Exclude<RevisionKind, 'first'> | null
  note: string | null
  at: string
}

export interface Prepared {
  version: NewPublishedVersion
  publicPath: string
  /** The slug the address was made with (kept as the story's slug when it had none). */
  slug: string
  /** What readers will get, as `previewFingerprint` names it (to check against a preview). */
  fingerprint: string
  /** The headline as it will go out (the workflow refuses one past the limit). */
  headline: string
}

export interface Publishing {
  prepare(story: StoryRecord, request: PublishRequest): Promise<Prepared>
}
