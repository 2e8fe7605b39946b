/** Initial teacher education inspections (seed 003 ITE): `initial-teacher-education` v1, revision 1 (revision 2: `withFormalComplaint`). */
import { iteGood } from '../../machines/seed003/samples';
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type ScenarioContext, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';
import { concernThenPublished } from './seed003ReportChain';

/** The happy path; with `complaint`, a formal complaint on the final report answered before publication (revision 2). */
export async function iteHappy({ env, start }: ScenarioContext, complaint = false) {
  const i = await start();
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'ITE partnership director' });
  await env.sleep('1 day');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await env.sleep('3 days');
  await i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: iteGood });
  await i.send(actors.inspector, 'FEEDBACK_GIVEN');
  return concernThenPublished(i, 'trainee sample too small', 'inspector-2', { complaint });
}

/** Its own path besides the four: an inspection-level pause and its resumption. */
export const initialTeacherEducation: TypeHistories = {
  required: [...REQUIRED_PATHS, 'pause-resume'],
  scenarios: [
    { path: 'happy', run: (ctx) => iteHappy(ctx) },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start();
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'ITE partnership director' });
        await refused(i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: iteGood })); // not on site yet
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await refused(i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'no duty desk yet', dutyDeskContacted: false }));
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'ITE partnership director' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: iteGood });
        const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN');
        await skipPastClock(env, feedback, 'draftReport'); // no draft within 18 working days: a breach
        await i.send(actors.manager, 'QA_COMPLETED');
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'ITE partnership director' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: iteGood });
        const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN');
        await skipPastClock(env, feedback, 'nextDayContact');
        await i.send(actors.manager, 'QA_COMPLETED');
        const draft = await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await skipPastClock(env, draft, 'commentWindow'); // the provider's 5 working days close by themselves
        return i;
      },
    },
    {
      path: 'pause-resume',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'ITE partnership director' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'a serious incident at a partner school', dutyDeskContacted: true });
        await env.sleep('2 days');
        await i.send(actors.manager, 'INSPECTION_RESUMED');
        await i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: iteGood });
        return i;
      },
    },
  ],
};
