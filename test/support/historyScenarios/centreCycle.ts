/**
 * Paths of the per-centre cycle workflow (workflows/centreCycleWorkflow.ts), recorded as replay fixtures under
 * test/fixtures/histories/centre-cycle/ by `npm run record:histories -- centre-cycle`. Each records ONE run of the
 * cycle (a run ends by continuing as new): the first, or the one after it. The children (inspections, case
 * reviews, visits, notices) are driven as people would through the API; their own paths are the types' fixtures.
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addCalendarDays, addCalendarMonths, addWorkingDays, londonDateOf, startOfLondonDay } from '../../../calendar';
import { CENTRE_CYCLE_WORKFLOW, type CentreCycleInput, type CentreCycleState, bringForwardUpdate, centreCycleStateQuery, closeCentreUpdate } from '../../../workflows/centreMessages';
import { eventually } from '../eventually';
import { InspectionHandle, goodJudgements } from '../inspectionHarness';
import { PROVIDER_ID, actors } from '../pureDriver';
import { skipPastClock } from '../serverClock';
import { refused } from './scenario';

export interface CentreScenarioContext {
  env: TestWorkflowEnvironment;
  taskQueue: string;
}

/** The run of the cycle whose history is the fixture. */
export interface CentreRun {
  workflowId: string;
  runId: string;
}

export interface CentreScenario {
  path: string;
  run(ctx: CentreScenarioContext): Promise<CentreRun>;
}

export const CENTRE_CYCLE_KEY = 'centre-cycle';

const inadequate = { overallExperiencesAndProgress: 'inadequate', helpAndProtection: 'inadequate', leadershipAndManagement: 'requires_improvement' };
const requiresImprovement = { ...goodJudgements, overallExperiencesAndProgress: 'requires_improvement' };

class Centre {
  private constructor(
    private readonly env: TestWorkflowEnvironment,
    readonly handle: WorkflowHandle,
    readonly firstRunId: string,
  ) {}

  static async register(env: TestWorkflowEnvironment, taskQueue: string, overrides: Partial<CentreCycleInput> = {}) {
    const centreId = `centre-${Math.random().toString(16).slice(2)}`;
    const input: CentreCycleInput = { centreId, providerId: PROVIDER_ID, registeredOn: londonDateOf(await env.currentTimeMs()), last: null, inspectionsCompleted: 0, searchAttributes: true, ...overrides };
    const handle = await env.client.workflow.start(CENTRE_CYCLE_WORKFLOW, { workflowId: centreId, taskQueue, args: [input] });
    return new Centre(env, handle, handle.firstExecutionRunId);
  }

  state(ready: (s: CentreCycleState) => boolean) {
    return eventually(async () => {
      const s = await this.handle.query(centreCycleStateQuery);
      return ready(s) ? s : undefined;
    }, 20_000);
  }

  /** The child of this kind under way, as a handle to send decisions to. */
  async current(kind: NonNullable<CentreCycleState['current']>['kind']) {
    const s = await this.state((x) => x.current?.kind === kind);
    return InspectionHandle.of(this.env.client, s.current!.inspectionId);
  }

  get first(): CentreRun {
    return { workflowId: this.handle.workflowId, runId: this.firstRunId };
  }

  /** The run after the first: the first has continued as new. */
  async next(): Promise<CentreRun> {
    await eventually(async () => ((await this.env.client.workflow.getHandle(this.handle.workflowId, this.firstRunId).describe()).status.name === 'CONTINUED_AS_NEW' ? true : undefined), 20_000);
    const { runId } = await this.handle.describe();
    if (runId === this.firstRunId) throw new Error('the cycle has not continued as new');
    return { workflowId: this.handle.workflowId, runId };
  }
}

/** A full inspection to its final report; publication follows by itself, 5 working days later. */
async function inspect(env: TestWorkflowEnvironment, i: InspectionHandle, judgements: Record<string, string>) {
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements });
  // From revision 3 the provider has the working day after feedback to raise a concern first.
  if (feedback.deadlines.some((d) => d.clock === 'nextDayContact')) await skipPastClock(env, feedback, 'nextDayContact');
  await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
  await i.send(actors.provider, 'COMMENTS_SUBMITTED');
  await i.send(actors.manager, 'FINAL_REPORT_SENT');
  await env.sleep('10 days');
  return feedback.facts.feedbackDate as string;
}

/** A monitoring visit to its final report; publication follows by itself. */
async function visit(env: TestWorkflowEnvironment, i: InspectionHandle, fields: Record<string, unknown>) {
  await i.send(actors.inspector, 'VISIT_STARTED', { purpose: 'monitoring after an inadequate judgement' });
  await i.send(actors.inspector, 'FEEDBACK_GIVEN', fields);
  await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
  await i.send(actors.provider, 'COMMENTS_SUBMITTED');
  await i.send(actors.manager, 'FINAL_REPORT_SENT');
  await env.sleep('10 days');
}

/**
 * Inadequate → case review (two notices a few days apart, monitoring visits every 8 weeks) → the notices served →
 * one combined follow-up visit, which re-grades → the cycle continues as new.
 */
async function inadequateTrack({ env, taskQueue }: CentreScenarioContext) {
  const centre = await Centre.register(env, taskQueue);
  const endedOn = await inspect(env, await centre.current('full_inspection'), inadequate);
  const review = await centre.current('case_review');
  await review.send(actors.inspector, 'DEBRIEF_HELD', { recommendation: 'compliance notices, monitoring visits and a re-inspection within 9 months' });
  const today = (await review.view()).lastEventDate!;
  const noticeA = addWorkingDays(today, 10);
  await review.send(actors.manager, 'CASE_REVIEW_DECIDED', {
    nextInspectionBy: addCalendarMonths(endedOn, 9),
    nextInspectionType: 'full',
    monitoringVisits: { everyWeeks: 8, announced: false },
    complianceNotices: [
      { noticeId: 'CN-1', requirement: 'Regulation 12: safeguarding procedures', complianceDate: noticeA },
      { noticeId: 'CN-2', requirement: 'Regulation 16: staff recruitment checks', complianceDate: addWorkingDays(noticeA, 3) },
    ],
  });
  await review.send(actors.inspector, 'LA_ALERTS_SENT', { currentAuthorities: 2, previousSixMonthsAuthorities: 1 });
  await review.send(actors.inspector, 'LA_ALERTS_CONFIRMED');
  await centre.state((s) => s.notices.length === 2 && s.followUps.length === 1);
  await env.sleep('30 days'); // both compliance dates pass: the combined follow-up visit starts
  await visit(env, await centre.current('monitoring_visit'), { judgements: requiresImprovement });
  return centre;
}

/** Requires improvement → published → the cycle continues as new, waiting 12 to 18 months. */
async function requiresImprovementCycle({ env, taskQueue }: CentreScenarioContext) {
  const centre = await Centre.register(env, taskQueue);
  await inspect(env, await centre.current('full_inspection'), requiresImprovement);
  return centre;
}

/**
 * A centre registered in the inspection year from 1 April 2027: its first inspection (sccif-rfc-full v2) makes two
 * recommendations and requires improvement; the cycle continues as new holding them for the next inspection.
 */
async function recommendationsMade({ env, taskQueue }: CentreScenarioContext) {
  const registeredOn = '2027-05-03';
  const centre = await Centre.register(env, taskQueue, { registeredOn });
  await env.sleep(Math.max(0, startOfLondonDay(registeredOn) - (await env.currentTimeMs())) + 3_600_000);
  const i = await centre.current('full_inspection');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  const recommendations = [
    { recommendationId: 'N1', standard: 'NMS 5: records of each family' },
    { recommendationId: 'N2', standard: 'NMS 12: staff supervision' },
  ];
  await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: requiresImprovement, recommendations });
  await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
  await i.send(actors.provider, 'COMMENTS_SUBMITTED');
  await i.send(actors.manager, 'FINAL_REPORT_SENT');
  await env.sleep('10 days');
  return centre;
}

/**
 * Two paths from one first run that ends requiring improvement: that run (continuing as new), and the next run up to
 * the start of its full inspection, once the 12-month window opens.
 */
function firstAndNextRun([first, next]: [string, string], firstRun: (ctx: CentreScenarioContext) => Promise<Centre>): CentreScenario[] {
  return [
    {
      path: first,
      async run(ctx) {
        const centre = await firstRun(ctx);
        await centre.next();
        return centre.first;
      },
    },
    {
      path: next,
      async run(ctx) {
        const centre = await firstRun(ctx);
        const second = await centre.next();
        await ctx.env.sleep('370 days'); // the 12-month window opens: the next full inspection starts
        await centre.current('full_inspection');
        return second;
      },
    },
  ];
}

export const CENTRE_CYCLE_SCENARIOS: CentreScenario[] = [
  {
    path: 'registered-first-inspection-scheduled',
    async run({ env, taskQueue }) {
      const centre = await Centre.register(env, taskQueue);
      await centre.current('full_inspection');
      return centre.first;
    },
  },
  {
    // The first inspection started on the latest revision, behind its revision's patch (workflows/machineChoice.ts).
    path: 'first-inspection-on-the-latest-revision',
    async run({ env, taskQueue }) {
      const centre = await Centre.register(env, taskQueue);
      const inspection = await centre.current('full_inspection');
      if ((await inspection.view()).machineRevision !== 3) throw new Error('the first inspection did not start on revision 3');
      return centre.first;
    },
  },
  ...firstAndNextRun(['requires-improvement-continues-as-new', 'next-cycle-waits-then-inspects'], requiresImprovementCycle),
  {
    path: 'inadequate-case-review-notices-follow-up',
    async run(ctx) {
      const centre = await inadequateTrack(ctx);
      await centre.next();
      return centre.first;
    },
  },
  {
    path: 'monitoring-visits-then-brought-forward',
    async run(ctx) {
      const centre = await inadequateTrack(ctx);
      const second = await centre.next();
      await ctx.env.sleep('60 days'); // 8 weeks on: a monitoring visit, no new judgement
      await visit(ctx.env, await centre.current('monitoring_visit'), {});
      await centre.handle.executeUpdate(bringForwardUpdate, { args: [{ reason: 'regulation 25 reports not received' }] });
      await centre.current('full_inspection');
      return second;
    },
  },
  {
    path: 'brought-forward-then-closed',
    async run({ env, taskQueue }) {
      const today = londonDateOf(await env.currentTimeMs());
      const centre = await Centre.register(env, taskQueue, { registeredOn: '2020-01-06', last: { endedOn: today, grade: 'good' }, inspectionsCompleted: 3 });
      await centre.handle.executeUpdate(bringForwardUpdate, { args: [{ reason: 'a serious incident notified' }] });
      const inspection = await centre.current('full_inspection');
      await centre.handle.executeUpdate(closeCentreUpdate, { args: [{ reason: 'registration cancelled' }] });
      await inspect(env, inspection, goodJudgements); // the inspection under way finishes; then the cycle ends
      await centre.handle.result();
      return centre.first;
    },
  },
  {
    // Bringing forward moves the window and the scheduled date (patched: centre-bring-forward-moves-the-date).
    path: 'brought-forward-by-a-date',
    async run({ env, taskQueue }) {
      const today = londonDateOf(await env.currentTimeMs());
      const centre = await Centre.register(env, taskQueue, { registeredOn: '2020-01-06', last: { endedOn: today, grade: 'good' }, inspectionsCompleted: 3 });
      await centre.state((s) => s.current === null);
      await refused(centre.handle.executeUpdate(bringForwardUpdate, { args: [{ reason: 'too late a date', by: '2099-01-01' }] }));
      await centre.handle.executeUpdate(bringForwardUpdate, { args: [{ reason: 'concerns raised by a placing authority', by: addCalendarDays(today, 10) }] });
      await centre.current('full_inspection');
      return centre.first;
    },
  },
  // The next inspection opens after 1 April 2028: a v3 inspection, given the recommendations.
  ...firstAndNextRun(['recommendations-held-for-next-inspection', 'recommendations-given-to-next-inspection'], recommendationsMade),
  {
    path: 'closed-while-waiting',
    async run({ env, taskQueue }) {
      const today = londonDateOf(await env.currentTimeMs());
      const centre = await Centre.register(env, taskQueue, { registeredOn: '2020-01-06', last: { endedOn: today, grade: 'good' }, inspectionsCompleted: 3 });
      await centre.state((s) => s.current === null);
      await centre.handle.executeUpdate(closeCentreUpdate, { args: [{ reason: 'the provider resigned its registration' }] });
      await centre.handle.result();
      return centre.first;
    },
  },
];
