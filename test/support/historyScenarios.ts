/**
 * The workflow paths whose histories are recorded as replay fixtures (scripts/recordHistories.ts) and replayed by
 * test/reliability/replay.test.ts. One list per registered inspection type and version: every type has at least
 * the full happy lifecycle, a refused decision, a breach, a window closing by itself, and pause/resume or a
 * complaint where the type has them. Each runs on a fresh time-skipping test server (see useTimeSkippingWorker).
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { InspectionView } from '../../engine';
import type { InspectionHandle } from './inspectionHarness';
import { goodJudgements } from './inspectionHarness';
import { actors } from './pureDriver';
import { uniformJudgements } from '../../machines/childrens-centre/judgements';
import { RFC_FULL_V2_SITUATIONS } from './rfcSituationScenarios';

export interface ScenarioContext {
  env: TestWorkflowEnvironment;
  start(): Promise<InspectionHandle>;
}

export interface Scenario {
  path: string;
  /** Drives one inspection; returns it once the history to record is complete. */
  run(ctx: ScenarioContext): Promise<InspectionHandle>;
}

/** Path-name prefixes every registered type and version must have a fixture for (the replay test checks this). */
export const REQUIRED_PATHS = ['happy', 'refusal', 'breach', 'window-closes'] as const;

/** Lets the server's clock run to just past a deadline's instant. */
async function sleepPast(env: TestWorkflowEnvironment, view: InspectionView, clock: string) {
  const dueAt = view.deadlines.find((d) => d.clock === clock)?.dueAt;
  if (!dueAt) throw new Error(`no ${clock} deadline`);
  await env.sleep(Math.max(0, Date.parse(dueAt) - (await env.currentTimeMs())) + 60_000);
}

async function refused(p: Promise<unknown>): Promise<void> {
  const outcome = await p.then(
    () => 'accepted',
    () => 'refused',
  );
  if (outcome !== 'refused') throw new Error('expected the decision to be refused');
}

// ---- SCCIF residential family centre full inspection (seed 002) -------------------------------------------------
async function rfcToDraft(env: TestWorkflowEnvironment, i: InspectionHandle) {
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await env.sleep('1 day');
  await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
  await env.sleep('10 days');
  await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
}

const rfc: Scenario[] = [
  {
    path: 'happy',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'registered manager on leave' });
      await i.send(actors.manager, 'DEFERRAL_REFUSED');
      await rfcToDraft(env, i);
      await env.sleep('2 days');
      await i.send(actors.provider, 'COMMENTS_SUBMITTED');
      await i.send(actors.manager, 'FINAL_REPORT_SENT');
      await i.handle.result();
      return i;
    },
  },
  {
    path: 'refusal',
    async run({ start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await refused(i.send(actors.inspector, 'DRAFT_REPORT_SENT'));
      await refused(i.send(actors.provider, 'FEEDBACK_GIVEN', { judgements: goodJudgements }));
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
      return i;
    },
  },
  {
    path: 'breach',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await env.sleep('14 days'); // the on-site target is missed: a breach, the inspection stays on site
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
      return i;
    },
  },
  {
    path: 'window-closes',
    async run({ env, start }) {
      const i = await start();
      await rfcToDraft(env, i);
      await env.sleep('9 days'); // the provider's comment window closes by itself
      return i;
    },
  },
  {
    path: 'pause-resume',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'serious incident' });
      await env.sleep('7 days');
      await i.send(actors.manager, 'INSPECTION_RESUMED');
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
      return i;
    },
  },
  {
    path: 'complaint',
    async run({ env, start }) {
      const i = await start();
      await rfcToDraft(env, i);
      await env.sleep('1 day');
      await i.send(actors.provider, 'COMPLAINT_MADE', { summary: 'findings not supported by evidence' });
      await env.sleep('40 days');
      await i.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' });
      return i;
    },
  },
];

// ---- Safeguarding and looked after children (seed 001) ----------------------------------------------------------
const grades = (keys: readonly string[], grade: string) => Object.fromEntries(keys.map((k) => [k, grade]));
const lacJudgements = {
  safeguarding: grades(
    ['overallEffectiveness', 'capacityForImprovement', 'ambitionAndPrioritisation', 'leadershipAndManagement', 'performanceManagementAndQualityAssurance', 'partnershipWorking', 'contributionOfHealthAgencies', 'qualityOfProvision', 'safeguardingOutcomes', 'equalityAndDiversity'],
    'adequate',
  ),
  lookedAfterChildren: grades(
    ['overallEffectiveness', 'capacityForImprovement', 'ambitionAndPrioritisation', 'leadershipAndManagement', 'performanceManagementAndQualityAssurance', 'qualityOfProvision', 'beingHealthy', 'stayingSafe', 'enjoyingAndAchieving', 'makingAPositiveContribution', 'economicWellBeing', 'equalityAndDiversity'],
    'good',
  ),
};

const lac: Scenario[] = [
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
      await sleepPast(env, draft, 'factualAccuracyWindow'); // the window closes by itself
      const final = await i.send(actors.manager, 'FINAL_REPORT_SENT');
      await sleepPast(env, final, 'publication'); // published automatically
      await i.send(actors.manager, 'COMPLAINT_RESOLVED', { outcome: 'referred_to_cqc' });
      await i.handle.result();
      return i;
    },
  },
];

// ---- Children's centre (seed 000) ---------------------------------------------------------------------------------
const ccGood = uniformJudgements('good');
const ccInadequate = { ...ccGood, overallEffectiveness: 'inadequate' };

const childrensCentre: Scenario[] = [
  {
    path: 'happy',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.manager, 'LINKED_INSPECTION_RECORDED', { linkedId: 'EY-1', kind: 'early_years' });
      await i.send(actors.manager, 'CENTRE_NOTIFIED', { notifiedBy: 'ofsted' });
      await i.send(actors.inspector, 'LEAD_INSPECTOR_CONTACTED');
      await env.sleep('7 days');
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await env.sleep('1 day');
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: ccGood });
      await env.sleep('3 days');
      await i.send(actors.inspector, 'DRAFT_SENT');
      await i.send(actors.provider, 'COMMENTS_SUBMITTED');
      await i.send(actors.inspector, 'LINKED_REPORT_SENT', { linkedId: 'EY-1' });
      await i.send(actors.manager, 'REPORT_PUBLISHED');
      await env.sleep('20 days');
      await i.send(actors.provider, 'ACTION_PLAN_RECEIVED');
      await i.handle.result();
      return i;
    },
  },
  {
    path: 'refusal',
    async run({ start }) {
      const i = await start();
      await refused(i.send(actors.inspector, 'DRAFT_SENT'));
      await refused(i.send(actors.provider, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: "children's welfare" }));
      await i.send(actors.inspector, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: "children's welfare" });
      return i;
    },
  },
  {
    path: 'breach',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: 'safeguarding concern' });
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: ccGood });
      await i.send(actors.inspector, 'DRAFT_SENT');
      await i.send(actors.provider, 'COMMENTS_SUBMITTED');
      await i.send(actors.manager, 'REPORT_PUBLISHED');
      await env.sleep('70 days'); // the action plan is late: a breach
      await i.send(actors.manager, 'ACTION_PLAN_ESCALATED', { reason: 'no plan after two months' });
      return i;
    },
  },
  {
    path: 'window-closes',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: "children's welfare" });
      await env.sleep('1 day');
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: ccInadequate });
      await env.sleep('2 days');
      await i.send(actors.inspector, 'DRAFT_SENT');
      await env.sleep('10 days'); // the inadequate centre's comment window closes by itself
      return i;
    },
  },
  {
    path: 'complaint',
    async run({ start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: 'safeguarding concern' });
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: ccGood });
      await i.send(actors.inspector, 'DRAFT_SENT');
      await i.send(actors.provider, 'COMMENTS_SUBMITTED');
      await i.send(actors.manager, 'REPORT_PUBLISHED');
      await i.send(actors.provider, 'COMPLAINT_MADE', { summary: 'the judgement was unfair' });
      await i.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'partly_upheld' });
      return i;
    },
  },
];

/** Scenarios by `<type>-v<version>`. */
export const HISTORY_SCENARIOS: Record<string, Scenario[]> = {
  'sccif-rfc-full-v1': rfc,
  'sccif-rfc-full-v2': [...rfc, ...RFC_FULL_V2_SITUATIONS], // v1's paths still hold in v2; its own in rfcSituationScenarios.ts
  'safeguarding-lac-v1': lac,
  'childrens-centre-v1': childrensCentre,
};

/** The one history recorded for a type that has no scenarios yet: started, nothing decided. */
export const STARTED_ONLY: Scenario = {
  path: 'started',
  async run({ start }) {
    const i = await start();
    await i.view(); // answered once the first workflow task has run
    return i;
  },
};
