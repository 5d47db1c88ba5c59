/**
 * Status changes: the transition table from `@copydesk/shared/workflow`, enforced. A move is
 * checked (who, from where, with what), written with its event and its notifications in
 * one transaction that also checks nobody moved the story meanwhile, and then announced:
 * the board moves, the people concerned are notified, and open connections get the access
 * the new status gives them (read-only at once, without a reload).
 */
import type { TransitionRequest } from '@copydesk/shared/api'
import { checkTransition } from '@copydesk/shared/workflow'
import type { StoryStatus } from '@copydesk/shared/workflow'
import type { NewsroomEvents } from '../NewsroomEvents.js'
import type { Logger } from '../logger.js'
import { MAX_HEADLINE_CHARS } from '@copydesk/shared/limits'
import { mentionedUsers } from '../notifications/mentions.js'
import type { NewNotification, NotificationKind, Storage, StoryRecord, UserRecord } from '../storage/Storage.js'
import type { PresentedStory, StoryPresenter } from '../stories/StoryPresenter.js'
import type { Prepared, PublishRequest, Publishing } from './Publishing.js'
import { WorkflowError } from './WorkflowError.js'

/** Who hears of a move, and as what. */
function notificationKind(from: StoryStatus, to: StoryStatus): NotificationKind | null {
  if (from === 'submitted' && to === 'draft') return 'sent_back'
  if (to === 'approved' && from === 'submitted') return 'approved'
  if (to === 'published') return 'published'
  return null
}

/** How far ahead a publication may be scheduled at the least (so the job can still pick it up). */
const MIN_SCHEDULE_AHEAD_MS = 1000

export interface MoveOptions {
  actor: UserRecord | null
  note: string | null
  publishAt: string | null
  /** Republishing: an update or a correction. */
  revision?: PublishRequest['revision']
  /** Publishing: the fingerprint of the preview the desk confirmed (see `previewFingerprint`). */
  previewed?: string | null
}

export class Workflow {
  /** Publications of one story run one at a time: each numbers its version after the last. */
  private readonly publicationQueue = new Map<string, Promise<unknown>>()

  constructor(
    private readonly storage: Storage,
    private readonly events: NewsroomEvents,
    /** Presents and announces every move (`storyChanged`). */
    private readonly presenter: StoryPresenter,
    private readonly logger: Logger,
    /** Renders publications (`Publisher`). */
    private readonly publishing: Publishing,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async transition(actor: UserRecord, storyId: string, request: TransitionRequest): Promise<PresentedStory> {
    const story = await this.storage.stories.get(storyId)
    if (!story) throw new WorkflowError('not_found', 'No such story')
    const verdict = checkTransition(
      {
        role: actor.role,
        isAssigned: story.assignees.includes(actor.id),
        isCreator: story.createdBy === actor.id,
        spikedOwnDraft: story.status === 'spiked' && (await this.spikedOwnDraft(actor, story.id)),
      },
      story.status,
      request.to,
    )
    if (!verdict.allowed) throw new WorkflowError(verdict.reason === 'forbidden' ? 'forbidden' : 'conflict', verdict.message)
    const rule = verdict.rule
    const note = request.note?.trim() || null
    if (rule.noteRequired && !note) throw new WorkflowError('invalid', `${rule.label} needs a note saying why`, 'note')
    let publishAt: string | null = story.publishAt
    if (rule.publishAtRequired) {
      if (!request.publishAt) throw new WorkflowError('invalid', 'Say when to publish (publishAt)', 'publishAt')
      const when = new Date(request.publishAt)
      if (when.getTime() < this.now().getTime() + MIN_SCHEDULE_AHEAD_MS) throw new WorkflowError('invalid', 'The publication time must be in the future', 'publishAt')
      publishAt = when.toISOString()
    } else if (request.publishAt !== undefined) {
      throw new WorkflowError('invalid', 'publishAt goes with scheduling only', 'publishAt')
    }
    if (request.to !== 'scheduled') publishAt = null
    const republishing = story.status === 'published' && request.to === 'published'
    if (republishing && !request.revision) throw new WorkflowError('invalid', 'Say whether this is an update or a correction (revision)', 'revision')
    if (!republishing && request.revision) throw new WorkflowError('invalid', 'revision goes with republishing a published story only', 'revision')
    if (request.previewed !== undefined && request.to !== 'published') throw new WorkflowError('invalid', 'previewed goes with publishing only', 'previewed')
    return this.apply(story, request.to, { actor, note, publishAt, revision: request.revision ?? null, previewed: request.previewed ?? null })
  }

  /** Was the story's last spike `actor`'s own, of a draft? (A reporter may undo only that one.) */
  private async spikedOwnDraft(actor: UserRecord, storyId: string): Promise<boolean> {
    const spike = (await this.storage.stories.lastSpikes([storyId])).get(storyId)
    return spike?.actorId === actor.id && spike.fromStatus === 'draft'
  }

  /**
   * Writes a move already checked (or made by the system: the publishing job), announces it
   * and notifies. Throws a conflict when the story moved meanwhile.
   */
  async apply(story: StoryRecord, to: StoryStatus, options: MoveOptions): Promise<PresentedStory> {
    if (to !== 'published') return this.write(story, to, options, undefined)
    const publishing = this.publishing
    const previous = this.publicationQueue.get(story.id) ?? Promise.resolve()
    const run = previous
      .catch(() => undefined)
      .then(async () => {
        const at = this.now().toISOString()
        const current = (await this.storage.stories.get(story.id)) ?? story
        if (current.status !== story.status) throw new WorkflowError('conflict', 'The story changed status meanwhile: reload and try again')
        const prepared = await publishing.prepare(current, { actor: options.actor, revision: options.revision ?? null, note: options.note, at })
        // The editor stops a headline at the limit, but any y-websocket client can write one longer.
        if (prepared.headline.length > MAX_HEADLINE_CHARS) {
          throw new WorkflowError('invalid', `The headline is ${prepared.headline.length} characters long; shorten it to ${MAX_HEADLINE_CHARS} before publishing`, 'headline')
        }
        if (options.previewed && options.previewed !== prepared.fingerprint) {
          throw new WorkflowError('changed_since_preview', 'The story changed after the preview was made: look at the new preview, then confirm again')
        }
        return this.write(current, to, options, prepared, at)
      })
    this.publicationQueue.set(story.id, run)
    void run.finally(() => {
      if (this.publicationQueue.get(story.id) === run) this.publicationQueue.delete(story.id)
    }).catch(() => undefined)
    return run
  }

  private async write(story: StoryRecord, to: StoryStatus, options: MoveOptions, publication: Prepared | undefined, at = this.now().toISOString()): Promise<PresentedStory> {
    const actorId = options.actor?.id ?? null
    const notifications: NewNotification[] = []
    const kind = notificationKind(story.status, to)
    if (kind) {
      const concerned = new Set(story.assignees)
      if (kind === 'published') for (const entry of story.byline) if (entry.userId) concerned.add(entry.userId)
      concerned.delete(actorId ?? '')
      for (const userId of concerned) notifications.push({ userId, at, kind, storyId: story.id, actorId, note: options.note })
    }
    if (options.note) {
      const users = await this.storage.users.list()
      for (const user of mentionedUsers(options.note, users)) {
        if (user.id === actorId || notifications.some((n) => n.userId === user.id)) continue
        notifications.push({ userId: user.id, at, kind: 'mentioned', storyId: story.id, actorId, note: options.note })
      }
    }
    const result = await this.storage.stories.transition(story.id, {
      from: story.status,
      to,
      publishAt: options.publishAt,
      event: { at, actorId, kind: 'transition', fromStatus: story.status, toStatus: to, note: options.note, detail: options.publishAt ?? options.revision ?? null },
      notifications,
      ...(publication ? { publication } : {}),
    })
    if (!result) throw new WorkflowError('conflict', 'The story changed status meanwhile: reload and try again')
    this.logger.info({ storyId: story.id, from: story.status, to, userId: actorId }, 'story moved')
    // Access first: a story the move made read-only must stop taking edits before anyone hears of it.
    this.events.emit('accessChanged', result.story)
    if (to === 'published' || story.status === 'published') this.events.emit('publicationChanged', result.story)
    if (result.notifications.length > 0) this.events.emit('notified', result.notifications)
    return this.presenter.announce(result.story)
  }
}
