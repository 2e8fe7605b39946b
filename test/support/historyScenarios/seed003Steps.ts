/** Steps of the seed 003 skeleton (machines/fragments) that the seed 003 types' scenarios take the same way. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { skipPastClock } from '../serverClock';

/**
 * After feedback, QA and the draft: once the next-day contact window has closed by itself, or (`late`) once the draft
 * target has passed: a breach. `sharedWith`: the draft shared with a third party after QA. Returns the view with the
 * draft sent (its comment window running, where the type has one).
 */
export async function draftSent(env: TestWorkflowEnvironment, i: InspectionHandle, opts: { late?: boolean; sharedWith?: string } = {}) {
  await skipPastClock(env, await i.view(), opts.late ? 'draftReport' : 'nextDayContact');
  await i.send(actors.manager, 'QA_COMPLETED');
  if (opts.sharedWith) await i.send(actors.manager, 'DRAFT_SHARED_WITH_THIRD_PARTY', { body: opts.sharedWith });
  return i.send(actors.inspector, 'DRAFT_REPORT_SENT');
}

export interface AfterTheDraft {
  /** The provider comments (the default), or a manager closes the comment stage where the handbook gives no window. */
  commentStage?: 'submitted' | 'closedByManager';
  /** A formal complaint with no deadline, lodged on receiving the final report: answered before publication, or after a publication that did not wait for it. */
  complaint?: 'answeredBeforePublication' | 'answeredAfterPublication';
  /** Publication by a manager (the default) or by its clock. */
  publishedBy?: 'manager' | 'clock';
}

/** From the draft to the end: the comment stage, the final report, any complaint, publication, and the inspection's result. */
export async function publishedAfterDraft(env: TestWorkflowEnvironment, i: InspectionHandle, opts: AfterTheDraft = {}) {
  if (opts.commentStage === 'closedByManager') await i.send(actors.manager, 'COMMENT_WINDOW_CLOSED');
  else await i.send(actors.provider, 'COMMENTS_SUBMITTED');
  await i.send(actors.manager, 'FINAL_REPORT_SENT');
  if (opts.complaint) await i.send(actors.provider, 'COMPLAINT_MADE', { summary: 'findings not supported by the evidence' });
  if (opts.complaint === 'answeredBeforePublication') await i.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'partly_upheld' });
  if (opts.publishedBy === 'clock') await skipPastClock(env, await i.view(), 'publication');
  else await i.send(actors.manager, 'REPORT_PUBLISHED');
  if (opts.complaint === 'answeredAfterPublication') await i.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' });
  await i.handle.result();
}

/** From feedback to the end: `draftSent`, then `publishedAfterDraft`. */
export async function publishedAfterFeedback(env: TestWorkflowEnvironment, i: InspectionHandle, opts: { sharedWith?: string } & AfterTheDraft = {}) {
  await draftSent(env, i, { sharedWith: opts.sharedWith });
  await publishedAfterDraft(env, i, opts);
}

export const pauseForAWeek = async (env: TestWorkflowEnvironment, i: InspectionHandle, fields: Record<string, unknown> = {}) => {
  await i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'serious incident involving a learner', dutyDeskContacted: true, ...fields });
  await env.sleep('7 days');
  await i.send(actors.manager, 'INSPECTION_RESUMED');
};
