/** Local authority children's services (seed 003 ILACS): `ilacs` v1, revision 1 (revision 2: `withFormalComplaint`). */
import { ilacsGood } from '../../machines/seed003/samples';
import { actors } from '../pureDriver';
import { type ScenarioContext, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';
import { concernThenPublished } from './seed003ReportChain';

/** The happy path; with `complaint`, a formal complaint on the final report answered before publication (revision 2). */
export async function ilacsHappy({ env, start }: ScenarioContext, complaint = false) {
  const i = await start({ kind: 'standard' });
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the DCS' });
  await env.sleep('7 days');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await env.sleep('4 days');
  await i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: ilacsGood });
  await i.send(actors.inspector, 'DCS_TOLD_PROVISIONAL_JUDGEMENTS');
  await i.send(actors.inspector, 'FEEDBACK_GIVEN');
  return concernThenPublished(i, 'evidence on care leavers not considered', 'qa-manager-1', { complaint });
}

/**
 * No `breach` path: ILACS states no timed target (no draft, final report or on-site length on the page, reading
 * §3.2), so no deadline can be missed. The window that closes by itself is the QA manager's working day after the
 * end of fieldwork. No inspection pause either (ILACS writes only the activity-level break).
 */
export const ilacs: TypeHistories = {
  required: ['happy', 'refusal', 'window-closes'],
  scenarios: [
    { path: 'happy', run: (ctx) => ilacsHappy(ctx) },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start({ kind: 'short' });
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the DCS' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await refused(i.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'fieldwork has started' }));
        await refused(i.send(actors.inspector, 'DCS_TOLD_PROVISIONAL_JUDGEMENTS')); // no judgements yet
        await refused(i.send(actors.inspector, 'VISIT_FINDINGS_AGREED', { findings: 'an inspection judges' }));
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start({ kind: 'focused_visit' });
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'head of service' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.inspector, 'VISIT_FINDINGS_AGREED', { findings: 'front door decisions are timely' });
        const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN');
        await skipPastClock(env, feedback, 'nextDayContact'); // no contact on the working day after: the window closes
        await i.send(actors.manager, 'QA_COMPLETED');
        return i;
      },
    },
  ],
};
