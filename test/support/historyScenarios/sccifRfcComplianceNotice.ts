/** SCCIF residential family centres, one compliance notice (seed 002 §"Monitoring compliance notices"): `sccif-rfc-compliance-notice` v1. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type TypeHistories, refused } from './scenario';
import { serverDay, skipPastClock } from '../serverClock';

const notice = async (env: TestWorkflowEnvironment, daysToComply: number) => ({
  noticeId: 'CN-1',
  requirement: 'Regulation 12: safeguarding procedures',
  complianceDate: await serverDay(env, daysToComply),
});

/**
 * `window-closes` here is the compliance date passing by itself (its automatic clock); the breach is a follow-up
 * visit later than 5 working days after it. No pause/resume or complaint.
 */
export const sccifRfcComplianceNotice: TypeHistories = {
  required: REQUIRED_PATHS,
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start(await notice(env, 0)); // the visit on the compliance date itself counts
        await i.send(actors.inspector, 'FOLLOW_UP_VISITED', { visitId: 'visit-1' });
        await i.send(actors.inspector, 'NOTICE_OUTCOME_RECORDED', { outcome: 'met' });
        await env.sleep('2 days');
        await i.send(actors.manager, 'NOTICE_CASE_REVIEW_DECIDED', { decision: 'close' });
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ env, start }) {
        const i = await start(await notice(env, 0));
        await refused(i.send(actors.manager, 'FOLLOW_UP_VISITED', { visitId: 'visit-1' })); // an inspector's visit
        await i.send(actors.inspector, 'FOLLOW_UP_VISITED', { visitId: 'visit-1' });
        await i.send(actors.inspector, 'NOTICE_OUTCOME_RECORDED', { outcome: 'not_met' });
        await refused(i.send(actors.manager, 'NOTICE_CASE_REVIEW_DECIDED', { decision: 'close' })); // not met: no closing
        await i.send(actors.manager, 'NOTICE_CASE_REVIEW_DECIDED', { decision: 'further_notice' });
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start(await notice(env, 3));
        await skipPastClock(env, await i.view(), 'followUpVisit'); // the compliance date passes, then the visit target is missed
        await i.send(actors.inspector, 'FOLLOW_UP_VISITED', { visitId: 'visit-2' });
        await i.send(actors.manager, 'NOTICE_OUTCOME_RECORDED', { outcome: 'met_but_new_failure' });
        await i.send(actors.manager, 'NOTICE_CASE_REVIEW_DECIDED', { decision: 'further_notice' });
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start(await notice(env, 10));
        await refused(i.send(actors.inspector, 'FOLLOW_UP_VISITED', { visitId: 'too-early' })); // before the compliance date
        await skipPastClock(env, await i.view(), 'complianceDate'); // the date passes by itself: a follow-up visit is due
        await i.send(actors.inspector, 'FOLLOW_UP_VISITED', { visitId: 'visit-3' });
        return i;
      },
    },
  ],
};
