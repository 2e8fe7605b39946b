/** SCCIF residential family centres, the inadequate track: debrief, case review, alerts (seed 002): `sccif-rfc-case-review` v1. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { actors } from '../pureDriver';
import { type TypeHistories, refused } from './scenario';
import { serverDay, skipPastClock } from '../serverClock';

/** The inspection judged inadequate ended today. */
const endedToday = async (env: TestWorkflowEnvironment) => ({ inspectionEndedOn: await serverDay(env) });

async function decision(env: TestWorkflowEnvironment) {
  return {
    nextInspectionBy: await serverDay(env, 240),
    nextInspectionType: 'full',
    monitoringVisits: { everyWeeks: 8, announced: false },
    complianceNotices: [{ noticeId: 'CN-1', requirement: 'Regulation 12: safeguarding procedures', complianceDate: await serverDay(env, 21) }],
  };
}

/**
 * Its only clock is a target (the case review within 5 working days of the inspection), so there is a breach and
 * no window that closes by itself: REQUIRED_PATHS without `window-closes`. No pause/resume or complaint. Its own
 * path: no placing authority to alert.
 */
export const sccifRfcCaseReview: TypeHistories = {
  required: ['happy', 'refusal', 'breach', 'no-authority-to-alert'],
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start(await endedToday(env));
        await env.sleep('1 day');
        await i.send(actors.inspector, 'DEBRIEF_HELD', { recommendation: 'compliance notice and monitoring visits' });
        await env.sleep('2 days');
        await i.send(actors.manager, 'CASE_REVIEW_DECIDED', await decision(env));
        await i.send(actors.inspector, 'LA_ALERTS_SENT', { currentAuthorities: 2, previousSixMonthsAuthorities: 1 });
        await env.sleep('1 day');
        await i.send(actors.inspector, 'LA_ALERTS_CONFIRMED');
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ env, start }) {
        const i = await start(await endedToday(env));
        await refused(i.send(actors.manager, 'CASE_REVIEW_DECIDED', await decision(env))); // before the debrief
        await i.send(actors.manager, 'DEBRIEF_HELD', { recommendation: 'a re-inspection within 6 months' });
        await refused(i.send(actors.manager, 'CASE_REVIEW_DECIDED', { ...(await decision(env)), nextInspectionBy: await serverDay(env, -1) })); // in the past
        await i.send(actors.manager, 'CASE_REVIEW_DECIDED', await decision(env));
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start(await endedToday(env));
        const view = await i.view();
        await skipPastClock(env, view, 'caseReview'); // no case review within 5 working days: a breach
        await i.send(actors.inspector, 'DEBRIEF_HELD', { recommendation: 'compliance notice' });
        await i.send(actors.manager, 'CASE_REVIEW_DECIDED', await decision(env));
        return i;
      },
    },
    {
      path: 'no-authority-to-alert',
      async run({ env, start }) {
        const i = await start(await endedToday(env));
        await i.send(actors.inspector, 'DEBRIEF_HELD', { recommendation: 'a re-inspection within 6 months' });
        await i.send(actors.manager, 'CASE_REVIEW_DECIDED', { ...(await decision(env)), monitoringVisits: null, complianceNotices: [] });
        await i.send(actors.inspector, 'LA_ALERTS_SENT', { currentAuthorities: 0, previousSixMonthsAuthorities: 0 });
        await i.handle.result();
        return i;
      },
    },
  ],
};
