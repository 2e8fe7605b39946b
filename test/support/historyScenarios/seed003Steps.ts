/** Steps of the seed 003 skeleton (machines/fragments) that the seed 003 types' scenarios take the same way. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { InspectionView } from '../../../engine';
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { sleepPast } from './scenario';

/** After feedback: the next-day contact window closes by itself, then QA is completed (then `afterQa`) and the draft sent. */
export async function feedbackToDraft(env: TestWorkflowEnvironment, i: InspectionHandle, feedback: InspectionView, afterQa?: () => Promise<unknown>) {
  await sleepPast(env, feedback, 'nextDayContact');
  await i.send(actors.manager, 'QA_COMPLETED');
  await afterQa?.();
  return i.send(actors.inspector, 'DRAFT_REPORT_SENT');
}

/** The breach of the draft report target: QA not completed in time, the draft sent late. */
export async function draftSentLate(env: TestWorkflowEnvironment, i: InspectionHandle, feedback: InspectionView) {
  await sleepPast(env, feedback, 'draftReport');
  await i.send(actors.manager, 'QA_COMPLETED');
  await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
}

/** From the draft: the provider comments, the final report is sent and the report published. */
export async function draftToPublished(i: InspectionHandle) {
  await i.send(actors.provider, 'COMMENTS_SUBMITTED');
  await i.send(actors.manager, 'FINAL_REPORT_SENT');
  await i.send(actors.manager, 'REPORT_PUBLISHED');
  await i.handle.result();
}

/**
 * From the draft, with a formal complaint where the handbook gives it no deadline: comments, the final report, the
 * complaint lodged on receiving it, then the answer before publication, or publication while it is under review and
 * the answer after (the inspection ends with it).
 */
export async function draftToPublishedWithComplaint(i: InspectionHandle, answered: 'beforePublication' | 'afterPublication') {
  await i.send(actors.provider, 'COMMENTS_SUBMITTED');
  await i.send(actors.manager, 'FINAL_REPORT_SENT');
  await i.send(actors.provider, 'COMPLAINT_MADE', { summary: 'findings not supported by the evidence' });
  if (answered === 'beforePublication') await i.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'partly_upheld' });
  await i.send(actors.manager, 'REPORT_PUBLISHED');
  if (answered === 'afterPublication') await i.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' });
  await i.handle.result();
}

export const pauseForAWeek = async (env: TestWorkflowEnvironment, i: InspectionHandle, fields: Record<string, unknown> = {}) => {
  await i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'serious incident involving a learner', dutyDeskContacted: true, ...fields });
  await env.sleep('7 days');
  await i.send(actors.manager, 'INSPECTION_RESUMED');
};

/** QA and the draft: after the next-day contact window closes, or (`late`) after the draft target has passed: a breach. */
export async function draftSent(env: TestWorkflowEnvironment, i: InspectionHandle, opts: { late?: boolean; sharedWith?: string } = {}) {
  await sleepPast(env, await i.view(), opts.late ? 'draftReport' : 'nextDayContact');
  await i.send(actors.manager, 'QA_COMPLETED');
  if (opts.sharedWith) await i.send(actors.manager, 'DRAFT_SHARED_WITH_THIRD_PARTY', { body: opts.sharedWith });
  await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
}

/**
 * From feedback to publication: the draft, the provider's comments (or a manager closing the comment stage where the
 * handbook gives no window), the final report, and publication by a manager (or by its clock).
 */
export async function publishedAfterFeedback(
  env: TestWorkflowEnvironment,
  i: InspectionHandle,
  opts: { sharedWith?: string; commentStage?: 'submitted' | 'closedByManager'; publishedBy?: 'manager' | 'clock' } = {},
) {
  await draftSent(env, i, { sharedWith: opts.sharedWith });
  if (opts.commentStage === 'closedByManager') await i.send(actors.manager, 'COMMENT_WINDOW_CLOSED');
  else await i.send(actors.provider, 'COMMENTS_SUBMITTED');
  await i.send(actors.manager, 'FINAL_REPORT_SENT');
  if (opts.publishedBy === 'clock') await sleepPast(env, await i.view(), 'publication');
  else await i.send(actors.manager, 'REPORT_PUBLISHED');
  await i.handle.result();
}
