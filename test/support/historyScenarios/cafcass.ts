/** Cafcass inspections and visits (seed 003 CAF): `cafcass` v1, revision 1 (revision 2: `withFormalComplaint`). */
import { cafcassGood } from '../../machines/seed003/samples';
import { actors } from '../pureDriver';
import { type ScenarioContext, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';
import { concernThenPublished } from './seed003ReportChain';

/** The happy path; with `complaint`, a formal complaint on the final report answered before publication (revision 2). */
export async function cafcassHappy({ env, start }: ScenarioContext, complaint = false) {
  const i = await start({ kind: 'inspection' });
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'chair of the board' });
  await env.sleep('5 days');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await env.sleep('4 days');
  await i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: cafcassGood });
  await i.send(actors.inspector, 'FEEDBACK_GIVEN');
  return concernThenPublished(i, 'private law sample not representative', 'qa-manager-1', { complaint });
}

/**
 * No `breach` path: CAF states no report timings (reading §3.2) and no other target, so no deadline can be missed.
 * The window that closes by itself is the QA manager's working day after the inspection. No inspection pause in CAF.
 */
export const cafcass: TypeHistories = {
  required: ['happy', 'refusal', 'window-closes'],
  scenarios: [
    { path: 'happy', run: (ctx) => cafcassHappy(ctx) },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start({ kind: 'visit' });
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'chair of the board' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await refused(i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: cafcassGood })); // a visit makes no judgements
        await i.send(actors.inspector, 'VISIT_FINDINGS_AGREED', { findings: 'FCAs see children before first hearings' });
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start({ kind: 'visit' });
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'chair of the board' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.inspector, 'VISIT_FINDINGS_AGREED', { findings: 'FCAs see children before first hearings' });
        const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN');
        await skipPastClock(env, feedback, 'nextDayContact');
        await i.send(actors.manager, 'QA_COMPLETED');
        return i;
      },
    },
  ],
};
