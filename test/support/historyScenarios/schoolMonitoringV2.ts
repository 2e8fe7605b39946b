/** School monitoring inspections v2 (seed 003 SMH; reading §2.16, T42, T45): `school-monitoring` v2. */
import { monitoringJudgement } from '../../machines/seed003Samples';
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type ScenarioContext, type TypeHistories, refused } from './scenario';
import { serverDay } from '../serverClock';
import { schoolMonitoring as v1, feedback, notifiedAndStarted } from './schoolMonitoring';
import { draftSent, publishedAfterDraft } from './seed003Steps';

/** A school whose confirmed closure is 3 months away, notified: the duty desk must be asked before the start. */
async function closingSchoolNotified({ env, start }: ScenarioContext) {
  const i = await start({ confirmedClosure: { closesOn: await serverDay(env, 90), evidence: 'funding agreement terminated' } });
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the trust' });
  await refused(i.send(actors.inspector, 'INSPECTION_STARTED')); // the closure check is due and undecided
  return i;
}

/**
 * Every v1 path, unchanged (v2 runs them as v1 did: no closure given, no meeting, no complaint), plus the rules v2
 * adds: the closure check answered either way, and the governors meeting with a complaint answered after publication.
 */
export const schoolMonitoringV2: TypeHistories = {
  required: [...REQUIRED_PATHS, 'pause-resume', 'closure-check-proceed', 'closure-check-cancelled', 'governors-meeting-and-complaint'],
  scenarios: [
    ...v1.scenarios,
    {
      path: 'closure-check-proceed',
      async run(ctx) {
        const i = await closingSchoolNotified(ctx);
        await i.send(actors.inspector, 'CLOSURE_CHECK_ADVICE_RECORDED', { advice: 'proceed' });
        await ctx.env.sleep('1 day');
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await feedback(ctx.env, i);
        return i;
      },
    },
    {
      path: 'closure-check-cancelled',
      async run(ctx) {
        const i = await closingSchoolNotified(ctx);
        await i.send(actors.inspector, 'CLOSURE_CHECK_ADVICE_RECORDED', { advice: 'do_not_proceed', summary: 'closing at the end of term' });
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'governors-meeting-and-complaint',
      async run({ env, start }) {
        const i = await start();
        await notifiedAndStarted(env, i);
        await feedback(env, i, monitoringJudgement);
        await i.send(actors.inspector, 'GOVERNORS_MEETING_ARRANGED', { concerns: 'no urgency in tackling weak reading' });
        await draftSent(env, i);
        await i.send(actors.inspector, 'GOVERNORS_MEETING_HELD', { recommendations: 'an external review of reading' });
        await publishedAfterDraft(env, i, { complaint: 'answeredAfterPublication' });
        return i;
      },
    },
  ],
};
