/**
 * Catalogue keys chosen at run time: a story's status, a workflow move, an error code.
 * Written out in full (`key('…')`) so that the catalogue check (`catalogue.test.ts`) sees
 * every one: a key built by concatenation would be invisible to it.
 *
 * The workflow's English labels in `@copydesk/shared/workflow` are for the API and logs;
 * the interface shows these, in the newsroom's words ("Transmis", "Au panier").
 */
import type { TFunction } from 'i18next'
import type { ErrorCode } from '@copydesk/shared/api'
import { readOnlyReason, type Role, type StoryStatus, type TransitionRule } from '@copydesk/shared/workflow'

/** Marks a string as a catalogue key, for the catalogue check. */
export const key = <K extends string>(name: K): K => name

export const ROLE_KEYS: Record<Role, string> = {
  reporter: key('roles.reporter'),
  editor: key('roles.editor'),
  admin: key('roles.admin'),
}

export const STATUS_KEYS: Record<StoryStatus, string> = {
  draft: key('workflow.status.draft'),
  submitted: key('workflow.status.submitted'),
  approved: key('workflow.status.approved'),
  scheduled: key('workflow.status.scheduled'),
  published: key('workflow.status.published'),
  unpublished: key('workflow.status.unpublished'),
  spiked: key('workflow.status.spiked'),
}

/** Each move of `TRANSITIONS` by `from>to` (a test checks that none is missing). */
export const TRANSITION_KEYS: Record<string, string> = {
  'draft>submitted': key('workflow.transition.file'),
  'submitted>draft': key('workflow.transition.sendBack'),
  'submitted>approved': key('workflow.transition.approve'),
  'approved>submitted': key('workflow.transition.reopen'),
  'approved>scheduled': key('workflow.transition.schedule'),
  'scheduled>approved': key('workflow.transition.unschedule'),
  'approved>published': key('workflow.transition.publish'),
  'scheduled>published': key('workflow.transition.publishNow'),
  'published>published': key('workflow.transition.republish'),
  'published>unpublished': key('workflow.transition.takeDown'),
  'draft>spiked': key('workflow.transition.spike'),
  'submitted>spiked': key('workflow.transition.spike'),
  'approved>spiked': key('workflow.transition.spike'),
  'scheduled>spiked': key('workflow.transition.spike'),
  'spiked>draft': key('workflow.transition.restore'),
}

/** The confirmation button of the moves that go out to readers. */
export const CONFIRM_KEYS: Record<string, string> = {
  'approved>published': key('workflow.confirm.publish'),
  'scheduled>published': key('workflow.confirm.publishNow'),
  'published>published': key('workflow.confirm.republish'),
}

/** What the button of a move says; a move added to the workflow but not yet to the catalogue shows its English label. */
export function transitionLabel(t: TFunction, rule: Pick<TransitionRule, 'from' | 'to' | 'label'>): string {
  const name = TRANSITION_KEYS[`${rule.from}>${rule.to}`]
  return name ? t(name) : rule.label
}

export function statusLabel(t: TFunction, status: StoryStatus | string | null | undefined): string {
  const name = status ? STATUS_KEYS[status as StoryStatus] : undefined
  return name ? t(name) : (status ?? '')
}

/** Every code of the API's error bodies, and the client's own two (no answer, an answer that is not the API's). */
export const ERROR_KEYS: Record<ErrorCode | 'network' | 'http', string> = {
  bad_request: key('errors.bad_request'),
  validation_failed: key('errors.validation_failed'),
  unauthenticated: key('errors.unauthenticated'),
  invalid_credentials: key('errors.invalid_credentials'),
  forbidden: key('errors.forbidden'),
  not_found: key('errors.not_found'),
  conflict: key('errors.conflict'),
  changed_since_preview: key('errors.changed_since_preview'),
  payload_too_large: key('errors.payload_too_large'),
  too_many_requests: key('errors.too_many_requests'),
  unsupported_media_type: key('errors.unsupported_media_type'),
  service_unavailable: key('errors.service_unavailable'),
  storage_unavailable: key('errors.storage_unavailable'),
  internal: key('errors.internal'),
  network: key('errors.network'),
  http: key('errors.http'),
}

/**
 * The broker says why a story is read-only in the workflow's English words
 * (`readOnlyReason` in `@copydesk/shared/workflow`); each of its few reasons has its key
 * here, found by asking that very function, so a rewording there cannot break the match.
 */
const READ_ONLY_KEYS = new Map<string, string>([
  [readOnlyReason({ role: 'editor', status: 'spiked', isAssigned: false }), key('editor.readOnlyReason.spiked')],
  [readOnlyReason({ role: 'reporter', status: 'draft', isAssigned: false }), key('editor.readOnlyReason.notAssigned')],
  [readOnlyReason({ role: 'reporter', status: 'approved', isAssigned: true }), key('editor.readOnlyReason.copyDesk')],
  [readOnlyReason({ role: 'editor', status: 'approved', isAssigned: false }), key('editor.readOnlyReason.other')],
])

/** The read-only banner's reason in the person's language (a reason the table does not know is shown as sent). */
export function readOnlyText(t: TFunction, reason: string): string {
  const name = READ_ONLY_KEYS.get(reason)
  return name ? t(name) : reason
}
