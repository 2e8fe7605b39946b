/** Safeguarding and looked after children, 2010 (seed 001): `safeguarding-lac` v1. */
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';

const grades = (keys: readonly string[], grade: string) => Object.fromEntries(keys.map((k) => [k, grade]));
export const lacJudgements = {
  safeguarding: grades(
    ['overallEffectiveness', 'capacityForImprovement', 'ambitionAndPrioritisation', 'leadershipAndManagement', 'performanceManagementAndQualityAssurance', 'partnershipWorking', 'contributionOfHealthAgencies', 'qualityOfProvision', 'safeguardingOutcomes', 'equalityAndDiversity'],
    'adequate',
  ),
  lookedAfterChildren: grades(
    ['overallEffectiveness', 'capacityForImprovement', 'ambitionAndPrioritisation', 'leadershipAndManagement', 'performanceManagementAndQualityAssurance', 'qualityOfProvision', 'beingHealthy', 'stayingSafe', 'enjoyingAndAchieving', 'makingAPositiveContribution', 'economicWellBeing', 'equalityAndDiversity'],
    'good',
  ),
};

export const safeguardingLac: TypeHistories = {
  // its window closing and its complaint are recorded in one history: window-closes-with-complaint
  required: [...REQUIRED_PATHS, 'window-closes-with-complaint'],
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.manager, 'NOTICE_GIVEN', { fieldworkStartsOn: '2030-01-01', cqcInspector: 'cqc-42' });
        await env.sleep('2 days');
        await i.send(actors.inspector, 'SET_UP_MEETING_HELD');
        await i.send(actors.inspector, 'CASES_SELECTED', { safeguardingCases: 4, lookedAfterChildrenCases: 4 });
        await env.sleep('3 days');
        await i.send(actors.inspector, 'FIELDWORK_STARTED');
        await i.send(actors.inspector, 'FURTHER_CASES_SELECTED', { safeguardingCases: 6, lookedAfterChildrenCases: 6 });
        await i.send(actors.provider, 'CASE_AUDIT_SHARED');
        await i.send(actors.inspector, 'SIGNIFICANT_RISK_TOLD_TO_DCS', { summary: 'unassessed referral' });
        await env.sleep('2 hours');
        await i.send(actors.inspector, 'RISK_CONFIRMED_IN_WRITING');
        await env.sleep('7 days');
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: lacJudgements });
        await env.sleep('5 days');
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await env.sleep('2 days');
        await i.send(actors.provider, 'FACTUAL_ACCURACY_COMMENTS_RETURNED');
        await i.send(actors.manager, 'FINAL_REPORT_SENT');
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start();
        await refused(i.send(actors.inspector, 'DRAFT_REPORT_SENT'));
        await refused(i.send(actors.provider, 'NOTICE_GIVEN', { fieldworkStartsOn: '2030-01-01', cqcInspector: 'cqc-42' }));
        await i.send(actors.manager, 'NOTICE_GIVEN', { fieldworkStartsOn: '2030-01-01', cqcInspector: 'cqc-42' });
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.manager, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: 'judged_inadequate_previously', cqcInspector: 'cqc-7' });
        await env.sleep('9 days');
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: lacJudgements });
        await env.sleep('20 days'); // no draft report: its target is missed
        return i;
      },
    },
    {
      path: 'window-closes-with-complaint',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.manager, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: 'judged_inadequate_previously', cqcInspector: 'cqc-7' });
        await env.sleep('9 days');
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: lacJudgements });
        await i.send(actors.provider, 'COMPLAINT_MADE', { summary: 'findings not supported', healthCareAspects: true });
        await env.sleep('6 days');
        const draft = await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await skipPastClock(env, draft, 'factualAccuracyWindow'); // the window closes by itself
        const final = await i.send(actors.manager, 'FINAL_REPORT_SENT');
        await skipPastClock(env, final, 'publication'); // published automatically
        await i.send(actors.manager, 'COMPLAINT_RESOLVED', { outcome: 'referred_to_cqc' });
        await i.handle.result();
        return i;
      },
    },
  ],
};
