/** ECF and NPQ lead providers (seed 003 ECF): `ecf-lead-provider` v1. */
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { draftSent, publishedAfterFeedback } from './seed003Steps';
import { REQUIRED_PATHS, type ScenarioContext, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';

export async function toFeedback({ env, start }: ScenarioContext, kind: 'full' | 'monitoring'): Promise<InspectionHandle> {
  const i = await start({ kind });
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'deputy director' });
  await env.sleep('3 days');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  if (kind === 'full') await i.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: { overallEffectiveness: 'good' } });
  else await i.send(actors.inspector, 'LPMV_JUDGEMENT_MADE', { judgements: { leadersTakingEffectiveAction: true } });
  await i.send(actors.inspector, 'FEEDBACK_GIVEN');
  return i;
}

/**
 * `happy` ends with publication by its own clock (38 working days); `window-closes` is the 5-working-day comment
 * window; the breach is a draft later than 18 working days; pause/resume on site.
 */
export const ecfLeadProvider: TypeHistories = {
  required: [...REQUIRED_PATHS, 'pause-resume'],
  scenarios: [
    {
      path: 'happy',
      async run(ctx) {
        const i = await toFeedback(ctx, 'full');
        await publishedAfterFeedback(ctx.env, i, { publishedBy: 'clock' });
        return i;
      },
    },
    {
      path: 'refusal',
      async run(ctx) {
        const i = await toFeedback(ctx, 'monitoring');
        await skipPastClock(ctx.env, await i.view(), 'nextDayContact');
        await refused(i.send(actors.manager, 'JUDGEMENTS_CHANGED', { judgements: { overallEffectiveness: 'good' }, reasons: 'QA' })); // not an LPMV judgement
        await refused(i.send(actors.manager, 'DRAFT_SHARED_WITH_THIRD_PARTY', { body: 'DfE' })); // only after QA
        await i.send(actors.manager, 'QA_COMPLETED');
        return i;
      },
    },
    {
      path: 'breach',
      async run(ctx) {
        const i = await toFeedback(ctx, 'monitoring');
        await draftSent(ctx.env, i, { late: true });
        return i;
      },
    },
    {
      path: 'window-closes',
      async run(ctx) {
        const i = await toFeedback(ctx, 'full');
        await draftSent(ctx.env, i);
        await skipPastClock(ctx.env, await i.view(), 'commentWindow');
        await refused(i.send(actors.provider, 'COMMENTS_SUBMITTED'));
        return i;
      },
    },
    {
      path: 'pause-resume',
      async run({ env, start }) {
        const i = await start({ kind: 'full' });
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'deputy director' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'representative taken ill', dutyDeskContacted: true });
        await env.sleep('2 days');
        await i.send(actors.manager, 'INSPECTION_RESUMED');
        return i;
      },
    },
  ],
};
