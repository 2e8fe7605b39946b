import { SHIPPED_CALENDAR, addCalendarDays, addCalendarMonths, addWorkingDays, nextWorkingDay, withChange, workingDayOnOrAfter } from '../../calendar';
import { cycleStartAfter } from '../../machines/sccif-rfc/cycle';
import { CENTRE_CYCLE_WORKFLOW, type CentreCycleInput, type CentreCycleState, bringForwardUpdate, centreCycleStateQuery, changeCentreCalendarUpdate, closeCentreUpdate } from '../../workflows/centreMessages';
import { inspectionStateQuery, recordDecisionUpdate } from '../../workflows/messages';
import { readLedger } from '../../ledger';
import { eventually } from '../support/eventually';
import { refusalOf } from '../support/updateRefusal';
import { goodJudgements, useTimeSkippingWorker } from '../support/inspectionHarness';
import { PROVIDER_ID, actors } from '../support/pureDriver';
import { serverDay, skipDays, skipPastClock, skipToDay } from '../support/serverClock';

const servers = useTimeSkippingWorker();

const inadequate = { overallExperiencesAndProgress: 'inadequate', helpAndProtection: 'inadequate', leadershipAndManagement: 'requires_improvement' };

async function register(overrides: Partial<CentreCycleInput> = {}) {
  const centreId = `centre-${Math.random().toString(16).slice(2)}`;
  const today = await serverDay(servers.env);
  const input: CentreCycleInput = { centreId, providerId: PROVIDER_ID, registeredOn: today, last: null, inspectionsCompleted: 0, searchAttributes: true, ...overrides };
  await servers.env.client.workflow.start(CENTRE_CYCLE_WORKFLOW, { workflowId: centreId, taskQueue: servers.worker.taskQueue, args: [input] });
  return servers.env.client.workflow.getHandle(centreId);
}

type Handle = Awaited<ReturnType<typeof register>>;

async function currentInspection(centre: Handle): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const state = await centre.query(centreCycleStateQuery);
    if (state.currentInspectionId) return state.currentInspectionId;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no inspection started');
}

/** Runs one full inspection (of whichever version the cycle started) to its feedback and sends the reports, then lets its publication follow by itself. */
async function inspect(id: string, judgements: Record<string, string>) {
  const inspection = servers.env.client.workflow.getHandle(id);
  await decide(inspection, 'inspector', 'INSPECTION_STARTED');
  const feedback = await decide(inspection, 'inspector', 'FEEDBACK_GIVEN', { judgements });
  await reportedAndPublished(inspection, feedback);
  return feedback.facts.feedbackDate as string;
}

type InspectionHandle = ReturnType<typeof servers.env.client.workflow.getHandle>;
const decide = (inspection: InspectionHandle, role: keyof typeof actors, event: string, fields: Record<string, unknown> = {}) =>
  inspection.executeUpdate(recordDecisionUpdate, { args: [{ decision: { event, ...fields }, actor: actors[role] }] });

/** From feedback: the draft, comments, the final report, and publication by itself. */
async function reportedAndPublished(inspection: InspectionHandle, feedback: Awaited<ReturnType<typeof decide>>) {
  // From v3 (in force from 1 April 2028) the provider has the working day after feedback to raise a concern first.
  if (feedback.deadlines.some((d) => d.clock === 'nextDayContact')) await skipPastClock(servers.env, feedback, 'nextDayContact');
  await decide(inspection, 'inspector', 'DRAFT_REPORT_SENT');
  await decide(inspection, 'provider', 'COMMENTS_SUBMITTED');
  const final = await decide(inspection, 'manager', 'FINAL_REPORT_SENT');
  await skipPastClock(servers.env, final, 'publication');
}

const requiresImprovement = { ...goodJudgements, overallExperiencesAndProgress: 'requires_improvement' };

/** Sends decisions to any child (inspection, case review, visit) of the centre. */
function child(id: string) {
  const handle = servers.env.client.workflow.getHandle(id);
  return {
    handle,
    send: (role: keyof typeof actors, event: string, fields: Record<string, unknown> = {}) =>
      handle.executeUpdate(recordDecisionUpdate, { args: [{ decision: { event, ...fields }, actor: actors[role] }] }),
    view: () => handle.query(inspectionStateQuery),
  };
}

async function current(centre: Handle, kind: string) {
  const state = await eventuallyState(centre, (s) => s.current?.kind === kind);
  return state.current!.inspectionId;
}

describe('the whole regime over years: inadequate, case review, compliance notices, a re-grading visit, back to good', () => {
  it('drives every next step, asking people only for their decisions, and keeps every history small', async () => {
    const centre = await register();
    const first = await current(centre, 'full_inspection');
    const endedOn = await inspect(first, inadequate);

    // The inadequate track: case review within 5 working days, deciding two notices a few days apart.
    const review = child(await current(centre, 'case_review'));
    expect((await review.view()).deadlines.map((d) => [d.clock, d.due])).toEqual([['caseReview', addWorkingDays(endedOn, 5)]]);
    await review.send('inspector', 'DEBRIEF_HELD', { recommendation: 'compliance notices and a re-inspection within 9 months' });
    const today = (await review.view()).lastEventDate!;
    const noticeA = addWorkingDays(today, 10);
    const noticeB = addWorkingDays(noticeA, 3); // within 5 working days of A: one visit checks both
    await review.send('manager', 'CASE_REVIEW_DECIDED', {
      nextInspectionBy: addCalendarMonths(endedOn, 9),
      nextInspectionType: 'full',
      monitoringVisits: null,
      complianceNotices: [
        { noticeId: 'CN-1', requirement: 'Regulation 12: safeguarding procedures', complianceDate: noticeA },
        { noticeId: 'CN-2', requirement: 'Regulation 16: staff recruitment checks', complianceDate: noticeB },
      ],
    });
    await review.send('inspector', 'LA_ALERTS_SENT', { currentAuthorities: 2, previousSixMonthsAuthorities: 1 });
    await review.send('inspector', 'LA_ALERTS_CONFIRMED');

    const planned = await eventuallyState(centre, (s) => s.notices.length === 2 && s.followUps.length === 1);
    expect(planned.followUps[0]).toMatchObject({ noticeIds: ['CN-1', 'CN-2'], visitWindow: { from: noticeB, to: addWorkingDays(noticeA, 5) } });
    for (const notice of planned.notices) {
      expect((await child(notice.inspectionId).view()).type).toBe('sccif-rfc-compliance-notice');
    }

    // The combined follow-up visit, on the day both compliance dates have passed; it re-grades the centre.
    await skipToDay(servers.env, nextWorkingDay(noticeB));
    const visit = child(await current(centre, 'monitoring_visit'));
    await visit.send('inspector', 'VISIT_STARTED', { purpose: 'follow-up of compliance notices CN-1 and CN-2' });
    await visit.send('inspector', 'FEEDBACK_GIVEN', { judgements: requiresImprovement });
    await visit.send('inspector', 'DRAFT_REPORT_SENT');
    await visit.send('provider', 'COMMENTS_SUBMITTED');
    await skipPastClock(servers.env, await visit.send('manager', 'FINAL_REPORT_SENT'), 'publication');

    const after = await eventuallyState(centre, (s) => s.inspectionsCompleted === 1 && s.current === null && s.notices.length === 0);
    expect(after).toMatchObject({
      last: { endedOn, grade: 'inadequate' },
      currentGrade: 'requires_improvement',
      window: { dueBy: addCalendarMonths(endedOn, 9), source: expect.stringContaining('case reviews') },
    });
    expect((await centre.fetchHistory()).events!.length).toBeLessThan(20);

    // Re-inspection within the window the case review set, back to good; the next cycle starts on 1 April.
    await skipDays(servers.env, 200);
    const second = await current(centre, 'full_inspection');
    expect(second).not.toBe(first);
    const secondEnded = await inspect(second, goodJudgements);
    expect(secondEnded <= addCalendarMonths(endedOn, 9)).toBe(true);
    const good = await eventuallyState(centre, (s) => s.inspectionsCompleted === 2);
    expect(good).toMatchObject({ currentGrade: 'good', caseReview: null, window: { opens: cycleStartAfter(secondEnded) } });

    // Years later, within the 3-year cycle, the next full inspection.
    await skipToDay(servers.env, addCalendarDays(good.window.opens, 400));
    expect((await eventuallyState(centre, (s) => s.current?.kind === 'full_inspection')).inspectionsCompleted).toBe(2);
    expect((await centre.fetchHistory()).events!.length).toBeLessThan(20);
  });
});

describe('a residential family centre cycle, per centre, over years (time-skipping server)', () => {
  it('takes a later calendar version while it waits, and starts its inspections on it', async () => {
    const centre = await register({ last: { endedOn: await serverDay(servers.env, -30), grade: 'good' }, inspectionsCompleted: 1 });
    const day = workingDayOnOrAfter(await serverDay(servers.env, 20));
    const calendar = withChange(SHIPPED_CALENDAR, { action: 'add', date: day, title: 'A proclaimed bank holiday', source: 'Royal Proclamation' });
    expect(await refusalOf(centre.executeUpdate(changeCentreCalendarUpdate, { args: [{ calendar, actor: actors.provider }] }))).toMatch(/published by a manager/);
    expect((await centre.executeUpdate(changeCentreCalendarUpdate, { args: [{ calendar, actor: actors.manager }] })).calendar).toBe(calendar.version);
    expect(await refusalOf(centre.executeUpdate(changeCentreCalendarUpdate, { args: [{ calendar, actor: actors.manager }] }))).toMatch(/already counts working days/);
    expect(await refusalOf(centre.executeUpdate(changeCentreCalendarUpdate, { args: [{ calendar: SHIPPED_CALENDAR, actor: actors.manager }] }))).toMatch(/already counts|does not follow/);
    await centre.executeUpdate(bringForwardUpdate, { args: [{ reason: 'concerns raised' }] });
    const inspection = child(await currentInspection(centre));
    expect((await inspection.view()).calendar).toBe(calendar.version);
  });

  it('inspects a new centre at once, then reinspects 12 to 18 months after requires improvement, continuing as new in between', async () => {
    const centre = await register();
    const first = await currentInspection(centre);
    expect((await servers.env.client.workflow.getHandle(first).query(inspectionStateQuery)).facts.scheduledFor).toBe(
      addCalendarMonths(await serverDay(servers.env), 12),
    );
    const endedOn = await inspect(first, requiresImprovement);

    const next = await eventuallyState(centre, (s) => s.inspectionsCompleted === 1);
    expect(next).toMatchObject({
      last: { endedOn, grade: 'requires_improvement' },
      currentInspectionId: null,
      window: { opens: addCalendarMonths(endedOn, 12), dueBy: addCalendarMonths(endedOn, 18), source: expect.stringContaining('Frequency of inspection') },
    });
    const { events } = await centre.fetchHistory(); // the new run only: bounded, whatever came before
    expect(events!.length).toBeLessThan(20);

    await skipDays(servers.env, 370);
    const second = await currentInspection(centre);
    expect(second).not.toBe(first);
    const secondEnded = await inspect(second, goodJudgements);
    const good = await eventuallyState(centre, (s) => s.inspectionsCompleted === 2);
    expect(good.last?.grade).toBe('good');
    expect(good.window.opens).toBe(cycleStartAfter(secondEnded)); // the rolling 3-year cycle starts on the next 1 April
    expect(good.window.opens.slice(5)).toBe('04-01');
    expect((await centre.executeUpdate(closeCentreUpdate, { args: [{ reason: 'registration cancelled' }] })).closed).toBe('registration cancelled');
    expect(await centre.result()).toEqual({ closed: 'registration cancelled', inspectionsCompleted: 2 });
  });

  it('runs across the end of the published holiday list: an inspection ending in December 2030 is reported in 2031 by the statutory rules, provisionally', async () => {
    const centre = await register({ last: { endedOn: '2029-06-01', grade: 'good' }, inspectionsCompleted: 1 });
    expect((await centre.query(centreCycleStateQuery)).window.opens).toBe('2030-04-01');
    await skipToDay(servers.env, '2030-12-16'); // a Monday
    const id = await currentInspection(centre);
    const inspection = servers.env.client.workflow.getHandle(id);
    await decide(inspection, 'inspector', 'INSPECTION_STARTED');
    const feedback = await decide(inspection, 'inspector', 'FEEDBACK_GIVEN', { judgements: goodJudgements });
    // 18 working days from Monday 16 December 2030, past Christmas, Boxing Day and New Year's Day 2031 (by rule).
    expect(feedback.deadlines.find((d) => d.clock === 'draftReport')).toMatchObject({ due: addWorkingDays(feedback.facts.feedbackDate as string, 18), provisional: true });
    expect(feedback.deadlines.find((d) => d.clock === 'draftReport')?.due).toBe('2031-01-14');
    await reportedAndPublished(inspection, feedback);
    const next = await eventuallyState(centre, (s) => s.inspectionsCompleted === 2);
    expect(next).toMatchObject({ last: { endedOn: '2030-12-16', grade: 'good' }, window: { opens: '2031-04-01', dueBy: '2034-03-31' } });
  });

  it('brings an inspection forward when concerns arise before the window opens: the window and the scheduled date move, and say why', async () => {
    const today = await serverDay(servers.env);
    const centre = await register({ registeredOn: '2020-01-06', last: { endedOn: today, grade: 'good' }, inspectionsCompleted: 3 });
    const waiting = await centre.query(centreCycleStateQuery);
    expect(waiting.currentInspectionId).toBeNull();
    expect(waiting.window.opens > today).toBe(true);
    const by = addCalendarDays(today, 14);
    const tooLate = addCalendarDays(waiting.window.dueBy, 1);
    expect(await refusalOf(centre.executeUpdate(bringForwardUpdate, { args: [{ reason: 'x', by: tooLate }] }))).toMatch(/not between today/);
    const answered = await centre.executeUpdate(bringForwardUpdate, { args: [{ reason: 'regulation 25 reports not received', by }] });
    expect(answered.broughtForward).toBe('regulation 25 reports not received');
    expect(answered.window).toMatchObject({ opens: today, dueBy: by, rule: `Brought forward on ${today}: regulation 25 reports not received`, source: expect.stringContaining('Subsequent inspection activity') });
    expect(answered.window.reading).toContain(waiting.window.dueBy); // in place of the date it was due by
    const started = await currentInspection(centre);
    const inspection = await servers.env.client.workflow.getHandle(started).query(inspectionStateQuery);
    expect(inspection).toMatchObject({ status: 'scheduled', facts: { scheduledFor: by } });
    const first = await eventually(async () => (await readLedger(servers.worker.db, started))[0]);
    expect(first).toMatchObject({ kind: 'inspection.started', data: { scheduledBy: { dueBy: by, rule: answered.window.rule } } });
  });
});

async function eventuallyState(centre: Handle, ready: (s: CentreCycleState) => boolean) {
  for (let i = 0; i < 100; i++) {
    const state = await centre.query(centreCycleStateQuery).catch(() => undefined);
    if (state && ready(state)) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('centre state not reached');
}
