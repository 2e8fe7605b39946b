/** SCCIF inspections of children's homes, full or assurance (seed 003 SCCIF; reading §2.17): `sccif-childrens-home` v1. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { sccifGood } from '../../machines/seed003Samples';
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';
import { draftSent, publishedAfterFeedback } from './seed003Steps';

export async function unannouncedToFeedback(env: TestWorkflowEnvironment, i: InspectionHandle, fields: Record<string, unknown> = {}) {
  await i.send(actors.inspector, 'INSPECTION_STARTED_UNANNOUNCED', { wellbeingContact: 'responsible individual', feedbackAttendees: 'RM and RI' });
  await env.sleep('1 day');
  await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
  return i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: sccifGood, ...fields });
}

/**
 * The breach is the draft report later than 18 working days after feedback; `window-closes` the home's 5-day comment
 * window. No pause/resume (the page writes no inspection-level pause, only an activity paused for wellbeing) and no
 * complaint window (none stated; reading §2.17). Extra paths: a deferral asked for at the start, and a changed
 * judgement that must be told before the draft.
 */
export const sccifChildrensHome: TypeHistories = {
  required: REQUIRED_PATHS,
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start({ kind: 'full' });
        await unannouncedToFeedback(env, i, { likelyRequirements: ['Regulation 12'] });
        await publishedAfterFeedback(env, i);
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ env, start }) {
        const i = await start({ kind: 'assurance' });
        await i.send(actors.inspector, 'INSPECTION_STARTED_UNANNOUNCED', { wellbeingContact: 'registered manager', feedbackAttendees: 'RM' });
        await refused(i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'no pause in SCCIF', dutyDeskContacted: true }));
        await refused(i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: sccifGood })); // fieldwork not completed
        await i.send(actors.inspector, 'ACTIVITY_PAUSED_FOR_WELLBEING', { summary: 'staff member upset', wellbeingContactTold: true });
        await env.sleep('1 day');
        await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start();
        await unannouncedToFeedback(env, i);
        await draftSent(env, i, { late: true });
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start();
        await unannouncedToFeedback(env, i);
        const draft = await draftSent(env, i);
        await skipPastClock(env, draft, 'commentWindow'); // the home sends no comments
        return i;
      },
    },
    {
      path: 'deferral-at-start',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED_UNANNOUNCED', { wellbeingContact: 'responsible individual', feedbackAttendees: 'RI' });
        await i.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'registered manager in hospital' });
        await i.send(actors.manager, 'DEFERRAL_GRANTED');
        await env.sleep('7 days');
        await unannouncedToFeedback(env, i);
        return i;
      },
    },
    {
      path: 'changed-judgement-told',
      async run({ env, start }) {
        const i = await start();
        await skipPastClock(env, await unannouncedToFeedback(env, i), 'nextDayContact');
        await i.send(actors.manager, 'JUDGEMENTS_CHANGED', { judgements: { ...sccifGood, overallExperiencesAndProgress: 'requires_improvement' }, reasons: 'evidence on missing children' });
        await i.send(actors.manager, 'QA_COMPLETED');
        await refused(i.send(actors.inspector, 'DRAFT_REPORT_SENT'));
        await i.send(actors.inspector, 'PROVIDER_TOLD_OF_CHANGED_JUDGEMENTS');
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        return i;
      },
    },
  ],
};
