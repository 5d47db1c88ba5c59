/**
 * The publishing job: every interval, publishes the scheduled stories whose time has come.
 * Its first run is at start, so stories that fell due while the server was down go out at
 * once, and that lateness is logged and told to the desk and the story's people. A failure
 * is never silent: it is logged, the desk is notified (once per story and time), and the
 * job tries again on its next run.
 */
import { isDesk } from '@copydesk/shared/workflow'
import type { NewsroomEvents } from '../NewsroomEvents.js'
import type { Logger } from '../logger.js'
import type { NewNotification, Storage, StoryRecord } from '../storage/Storage.js'
import type { Workflow } from '../workflow/Workflow.js'
import { WorkflowError } from '../workflow/WorkflowError.js'

export class Scheduler {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  /** Failures already told to the desk: story id → the publication time that failed. */
  private readonly reported = new Map<string, string>()
  /** When this server started: a story due before then fell due while nobody was running. */
  private readonly startedAt: number

  constructor(
    private readonly storage: Storage,
    private readonly workflow: Workflow,
    private readonly events: NewsroomEvents,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.startedAt = now().getTime()
  }

  /** Runs once now (catching up on what fell due while the server was down), then every interval. */
  start(): Promise<void> {
    const first = this.tick()
    this.timer = setInterval(() => void this.tick(), this.intervalMs)
    this.timer.unref()
    return first
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running
  }

  /** One pass; overlapping calls share the pass in progress. */
  tick(): Promise<void> {
    if (!this.running) {
      this.running = this.publishDue().finally(() => {
        this.running = null
      })
    }
    return this.running
  }

  private async publishDue(): Promise<void> {
    let due: StoryRecord[]
    const now = this.now()
    try {
      due = await this.storage.stories.due(now.toISOString())
    } catch (error) {
      this.logger.error({ err: error }, 'publishing job: could not read the scheduled stories')
      return
    }
    for (const story of due) {
      const dueAt = story.publishAt!
      const lateMs = now.getTime() - new Date(dueAt).getTime()
      // Due while the server was down, or late beyond the job's own rhythm (a stall).
      const missed = new Date(dueAt).getTime() < this.startedAt
      const late = missed || lateMs > this.intervalMs * 3 + 2000
      const note = late ? `Scheduled for ${dueAt}; published ${describeDelay(lateMs)} late${missed ? ' because the server was not running at that time' : ''}` : null
      try {
        await this.publish(story, note)
        this.reported.delete(story.id)
        if (late) {
          this.logger.warn({ storyId: story.id, publishAt: dueAt, lateMs }, 'publishing job: published an overdue story')
          await this.tellDesk(story, 'published', note!)
        } else {
          this.logger.info({ storyId: story.id, publishAt: dueAt }, 'publishing job: published on time')
        }
      } catch (error) {
        if (error instanceof WorkflowError && error.kind === 'conflict') continue // moved meanwhile (unscheduled, spiked)
        this.logger.error({ err: error, storyId: story.id, publishAt: dueAt }, 'publishing job: publishing failed; trying again')
        if (this.reported.get(story.id) !== dueAt) {
          this.reported.set(story.id, dueAt)
          const reason = error instanceof Error ? error.message : String(error)
          await this.tellDesk(story, 'schedule_failed', `Scheduled publication failed: ${reason.slice(0, 300)}. Copydesk keeps trying.`).catch((notifyError: unknown) =>
            this.logger.error({ err: notifyError, storyId: story.id }, 'publishing job: could not notify the desk'),
          )
        }
      }
    }
  }

  /**
   * Publishes a due story. A failure after the move was written (presenting the story for
   * the board) is not a failed publication: the story is out, and the desk must not be told
   * that it is not.
   */
  private async publish(story: StoryRecord, note: string | null): Promise<void> {
    try {
      await this.workflow.apply(story, 'published', { actor: null, note, publishAt: null })
    } catch (error) {
      const now = await this.storage.stories.get(story.id).catch(() => null)
      if (now?.status === 'published' && now.updatedAt !== story.updatedAt) {
        this.logger.error({ err: error, storyId: story.id }, 'publishing job: the story is published, but what follows the move failed')
        return
      }
      throw error
    }
  }

  /** Notifies the editors and admins (and the story's reporters) who have not heard of it yet. */
  private async tellDesk(story: StoryRecord, kind: 'published' | 'schedule_failed', note: string): Promise<void> {
    const at = this.now().toISOString()
    const users = await this.storage.users.list()
    const alreadyTold = kind === 'published' ? new Set([...story.assignees, ...story.byline.map((entry) => entry.userId)]) : new Set<string | null>()
    const concerned = users.filter((user) => !user.disabled && !alreadyTold.has(user.id) && (isDesk(user.role) || (kind === 'schedule_failed' && story.assignees.includes(user.id))))
    if (concerned.length === 0) return
    const notifications: NewNotification[] = concerned.map((user) => ({ userId: user.id, at, kind, storyId: story.id, actorId: null, note }))
    const created = await this.storage.notifications.create(notifications)
    this.events.emit('notified', created)
  }
}

function describeDelay(ms: number): string {
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s`
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`
  return `${Math.floor(ms / 3_600_000)} h ${Math.round((ms % 3_600_000) / 60_000)} min`
}
