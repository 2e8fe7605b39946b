/** The report chain of a seed 003 type after feedback, as its scenarios drive it (the fragments' events, in order). */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { sleepPast } from './scenario';

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
