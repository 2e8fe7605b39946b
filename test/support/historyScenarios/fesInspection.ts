/** Further education and skills inspections (seed 003 FES; reading §2.8): `fes-inspection` v1. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { fesGrades } from '../../machines/seed003Samples';
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';
import { draftSent, pauseForAWeek, publishedAfterFeedback } from './seed003Steps';

export async function notifiedAndStarted(env: TestWorkflowEnvironment, i: InspectionHandle) {
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'chair of governors', nominee: 'Vice principal' });
  await i.send(actors.inspector, 'FOLLOW_UP_CALL_MADE');
  await env.sleep('2 days');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
}

export const fullInspectionFeedback = async (env: TestWorkflowEnvironment, i: InspectionHandle) => {
  await i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: fesGrades });
  await env.sleep('1 day');
  return i.send(actors.inspector, 'FEEDBACK_GIVEN');
};

/**
 * The breach is the follow-up call to the nominee not made by the next working day; `window-closes` the next-day
 * contact window. No complaint: the page gives no complaint window (reading §2.8). Extra paths: a short inspection
 * extended into a full one at feedback (reading §7 E12), a monitoring visit, and a paused inspection declared incomplete.
 */
export const fesInspection: TypeHistories = {
  required: [...REQUIRED_PATHS, 'pause-resume'],
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start({ kind: 'full' });
        await notifiedAndStarted(env, i);
        await fullInspectionFeedback(env, i);
        await publishedAfterFeedback(env, i, { sharedWith: 'FE Commissioner' });
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ env, start }) {
        const i = await start({ kind: 'full' });
        await notifiedAndStarted(env, i);
        await refused(i.send(actors.inspector, 'SHORT_INSPECTION_OUTCOME_DECIDED', { outcome: 'remains_good_or_outstanding' })); // a full inspection
        await refused(i.send(actors.provider, 'FINAL_TEAM_MEETING_HELD', { judgements: fesGrades }));
        await i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: fesGrades });
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start();
        const notified = await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'principal', nominee: 'Deputy principal' });
        await skipPastClock(env, notified, 'followUpCall'); // the nominee is not called by the next working day
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start();
        await notifiedAndStarted(env, i);
        await skipPastClock(env, await fullInspectionFeedback(env, i), 'nextDayContact'); // no concern raised: on to QA
        return i;
      },
    },
    {
      path: 'pause-resume',
      async run({ env, start }) {
        const i = await start();
        await notifiedAndStarted(env, i);
        await pauseForAWeek(env, i);
        await i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: fesGrades });
        return i;
      },
    },
    {
      path: 'pause-incomplete',
      async run({ env, start }) {
        const i = await start();
        await notifiedAndStarted(env, i);
        await i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'serious incident involving a learner', dutyDeskContacted: true });
        await env.sleep('3 days');
        await i.send(actors.manager, 'INSPECTION_DECLARED_INCOMPLETE', { reason: 'cannot resume this term' });
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'short-converted-to-full',
      async run({ env, start }) {
        const i = await start({ kind: 'short' });
        await notifiedAndStarted(env, i);
        await i.send(actors.inspector, 'SHORT_INSPECTION_OUTCOME_DECIDED', { outcome: 'may_no_longer_be_good_or_outstanding' });
        await i.send(actors.inspector, 'FEEDBACK_GIVEN'); // extended into a full inspection: back on site
        await env.sleep('2 days');
        await fullInspectionFeedback(env, i);
        return i;
      },
    },
    {
      path: 'monitoring-visit',
      async run({ env, start }) {
        const i = await start({ kind: 'monitoring' });
        await notifiedAndStarted(env, i);
        await i.send(actors.inspector, 'MONITORING_FINDINGS_AGREED', { findings: 'reasonable progress on apprenticeships' });
        await i.send(actors.inspector, 'FEEDBACK_GIVEN');
        await draftSent(env, i);
        return i;
      },
    },
  ],
};
