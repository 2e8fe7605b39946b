/** School monitoring inspections (seed 003 SMH; reading §2.16): `school-monitoring` v1. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { deemedGood, monitoringJudgement } from '../../machines/seed003Samples';
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type TypeHistories, refused } from './scenario';
import { serverDay, skipPastClock } from '../serverClock';
import { draftSent, pauseForAWeek, publishedAfterFeedback } from './seed003Steps';

export async function notifiedAndStarted(env: TestWorkflowEnvironment, i: InspectionHandle) {
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the local authority' });
  await env.sleep('1 day');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
}

export async function feedback(env: TestWorkflowEnvironment, i: InspectionHandle, judgements: Record<string, unknown> = monitoringJudgement) {
  await env.sleep('1 day');
  await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
  return i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements });
}

/**
 * The breach is the draft report later than 18 working days after feedback; `window-closes` the school's 5-day
 * comment window. No complaint window: the page gives none (reading §2.16). Extra paths: the early monitoring
 * inspection deemed graded (SMH §"Deeming …"), and special measures, whose judgements moderation may not change.
 */
export const schoolMonitoring: TypeHistories = {
  required: [...REQUIRED_PATHS, 'pause-resume'],
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start({ kind: 'routine' });
        await notifiedAndStarted(env, i);
        await feedback(env, i);
        await publishedAfterFeedback(env, i);
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ env, start }) {
        const i = await start({ kind: 'routine' });
        await notifiedAndStarted(env, i);
        await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
        await refused(i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: deemedGood })); // a routine inspection is never deemed graded
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: monitoringJudgement });
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start();
        await notifiedAndStarted(env, i);
        await feedback(env, i);
        await draftSent(env, i, { late: true });
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start();
        await notifiedAndStarted(env, i);
        await feedback(env, i);
        const draft = await draftSent(env, i);
        await skipPastClock(env, draft, 'commentWindow'); // the school sends no comments
        return i;
      },
    },
    {
      path: 'pause-resume',
      async run({ env, start }) {
        const i = await start();
        await notifiedAndStarted(env, i);
        await pauseForAWeek(env, i);
        await feedback(env, i);
        return i;
      },
    },
    {
      path: 'deemed-graded',
      async run({ env, start }) {
        const i = await start({ kind: 'early_safeguarding', gradedReportPublishedOn: await serverDay(env, -20) });
        await notifiedAndStarted(env, i);
        await feedback(env, i, deemedGood);
        await publishedAfterFeedback(env, i);
        return i;
      },
    },
    {
      path: 'special-measures-not-moderated',
      async run({ env, start }) {
        const i = await start({ kind: 'special_measures' });
        await notifiedAndStarted(env, i);
        await skipPastClock(env, await feedback(env, i), 'nextDayContact');
        const changed = { leadersTakingEffectiveAction: false };
        await refused(i.send(actors.manager, 'JUDGEMENTS_CHANGED', { judgements: changed, reasons: 'moderation' }));
        await i.send(actors.manager, 'QA_COMPLETED');
        return i;
      },
    },
  ],
};
