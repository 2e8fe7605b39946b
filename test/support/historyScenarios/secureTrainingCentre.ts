/** Secure training centres, a full inspection with CQC (seed 003 STC): `secure-training-centre` v1. */
import { stcGood } from '../../machines/seed003/samples';
import { actors } from '../pureDriver';
import { type ScenarioContext, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';
import { concernThenPublished } from './seed003ReportChain';

/** The happy path; with `complaint`, a formal complaint on the final report answered before publication (revision 2). */
export async function stcHappy({ env, start }: ScenarioContext, complaint = false) {
  const i = await start();
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the director' });
  await env.sleep('1 day');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await env.sleep('3 days');
  await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
  await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: stcGood, healthcareStandardsMet: true });
  return concernThenPublished(i, 'education evidence not fully considered', 'qa-manager-1', { complaint });
}

/**
 * No `breach` path: STC's report "timeframe section" is not on the page (reading §7 E28), so the type has no timed
 * target to miss. The window that closes by itself is the working day after the inspection. No deferral and no
 * inspection pause (not written for STC). Its own path: CQC's requirement notice and letter.
 */
export const secureTrainingCentre: TypeHistories = {
  required: ['happy', 'refusal', 'window-closes', 'cqc-requirements'],
  scenarios: [
    { path: 'happy', run: (ctx) => stcHappy(ctx) },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED_UNANNOUNCED', { wellbeingContact: 'the director' });
        await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
        await refused(i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: stcGood })); // CQC's health finding missing
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED_UNANNOUNCED', { wellbeingContact: 'the director' });
        await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
        const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: stcGood, healthcareStandardsMet: true });
        await skipPastClock(env, feedback, 'nextDayContact');
        await i.send(actors.manager, 'QA_COMPLETED');
        return i;
      },
    },
    {
      path: 'cqc-requirements',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED_UNANNOUNCED', { wellbeingContact: 'the director' });
        await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
        const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { ...stcGood, health: 'requires_improvement' }, healthcareStandardsMet: false });
        await skipPastClock(env, feedback, 'nextDayContact');
        await i.send(actors.manager, 'QA_COMPLETED');
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await i.send(actors.inspector, 'REQUIREMENT_NOTICE_SENT');
        await i.send(actors.provider, 'COMMENTS_SUBMITTED');
        await env.sleep('3 days');
        const view = await i.view();
        await i.send(actors.inspector, 'REQUIREMENT_LETTER_ISSUED', { requirementsAgreedOn: view.facts.draftSentDate });
        return i;
      },
    },
  ],
};
