/** Independent school standard inspections (seed 003 IND): `independent-school` v1. */
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { draftSent, publishedAfterFeedback } from './seed003Steps';
import { REQUIRED_PATHS, type ScenarioContext, type TypeHistories, refused } from './scenario';
import { serverDay, skipPastClock } from '../serverClock';

const grades = {
  overallEffectiveness: 'good',
  qualityOfEducation: 'good',
  behaviourAndAttitudes: 'good',
  personalDevelopment: 'good',
  leadershipAndManagement: 'good',
  safeguardingEffective: true,
  issParagraph7Met: true,
};

export async function toFeedback({ env, start }: ScenarioContext): Promise<InspectionHandle> {
  const i = await start();
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'chair of governors' });
  await env.sleep('1 day');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: grades });
  await i.send(actors.inspector, 'FEEDBACK_GIVEN');
  return i;
}

/** `window-closes` is the 5-working-day comment window; the breach is a draft later than 18 working days; pause/resume with the DfE told. */
export const independentSchool: TypeHistories = {
  required: [...REQUIRED_PATHS, 'pause-resume'],
  scenarios: [
    {
      path: 'happy',
      async run(ctx) {
        const i = await toFeedback(ctx);
        await publishedAfterFeedback(ctx.env, i);
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start();
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'chair of governors' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await refused(i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: { overallEffectiveness: 'good' } })); // every key judgement
        await refused(i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'incident', dutyDeskContacted: true })); // the DfE told
        return i;
      },
    },
    {
      path: 'breach',
      async run(ctx) {
        const i = await toFeedback(ctx);
        await draftSent(ctx.env, i, { late: true });
        return i;
      },
    },
    {
      path: 'window-closes',
      async run(ctx) {
        const i = await toFeedback(ctx);
        await draftSent(ctx.env, i);
        await skipPastClock(ctx.env, await i.view(), 'commentWindow');
        return i;
      },
    },
    {
      path: 'pause-resume',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'chair of governors' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'pupil seriously hurt', dutyDeskContacted: true, dfeToldOn: await serverDay(env) });
        await env.sleep('2 days');
        await i.send(actors.manager, 'INSPECTION_RESUMED');
        return i;
      },
    },
  ],
};
