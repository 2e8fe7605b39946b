import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import { addCalendarDays } from '../../calendar';
import { activePaths } from '../../engine/stage';
import type { InspectionEvent, Role } from '../../machines/kit';
import { safeguardingLacInspection2010 as definition } from '../../machines/safeguarding-lac/inspection';
import { type SlacJudgements, headlineGrade } from '../../machines/safeguarding-lac/judgements';
import { PureDriver, actors, breaches, middayOn, overdue, refusal } from '../support/pureDriver';

const safeguarding = {
  overallEffectiveness: 'adequate',
  capacityForImprovement: 'good',
  ambitionAndPrioritisation: 'good',
  leadershipAndManagement: 'adequate',
  performanceManagementAndQualityAssurance: 'adequate',
  partnershipWorking: 'good',
  contributionOfHealthAgencies: 'adequate',
  qualityOfProvision: 'adequate',
  safeguardingOutcomes: 'adequate',
  equalityAndDiversity: 'good',
} as const;
const lookedAfterChildren = {
  overallEffectiveness: 'good',
  capacityForImprovement: 'good',
  ambitionAndPrioritisation: 'good',
  leadershipAndManagement: 'good',
  performanceManagementAndQualityAssurance: 'good',
  qualityOfProvision: 'good',
  beingHealthy: 'good',
  stayingSafe: 'outstanding',
  enjoyingAndAchieving: 'adequate',
  makingAPositiveContribution: 'good',
  economicWellBeing: 'good',
  equalityAndDiversity: 'good',
} as const;
const judgements: SlacJudgements = { safeguarding, lookedAfterChildren };


const dueOf = (driver: PureDriver, on: string) =>
  Object.fromEntries(driver.view(on).deadlines.map((d) => [d.clock, d.due]));

/**
 * Easter 2025: notice on Thursday 10 April. Good Friday (18 Apr) and Easter Monday (21 Apr) and the May
 * bank holidays (5 and 26 May) all fall inside the clocks below.
 */
function toFeedback() {
  const driver = new PureDriver(definition, '2025-04-10');
  driver.send('manager', '2025-04-10', 'NOTICE_GIVEN', { fieldworkStartsOn: '2025-04-28', cqcInspector: 'cqc-42' });
  driver.send('inspector', '2025-04-16', 'SET_UP_MEETING_HELD');
  driver.send('inspector', '2025-04-17', 'CASES_SELECTED', { safeguardingCases: 4, lookedAfterChildrenCases: 4 });
  driver.send('inspector', '2025-04-28', 'FIELDWORK_STARTED');
  driver.send('inspector', '2025-05-12', 'FEEDBACK_GIVEN', { judgements });
  return driver;
}

describe('safeguarding and looked after children inspection (seed 001): every path of the graph', () => {
  const ROLE: Record<string, Role> = {
    NOTICE_GIVEN: 'manager',
    INSPECTION_STARTED_WITHOUT_NOTICE: 'manager',
    JUDGEMENTS_CHANGED: 'manager',
    REPORT_PUBLISHED: 'manager',
    COMPLAINT_RESOLVED: 'manager',
    CASE_AUDIT_SHARED: 'provider',
    FACTUAL_ACCURACY_COMMENTS_RETURNED: 'provider',
    COMPLAINT_MADE: 'provider',
  };
  const PAYLOAD: Record<string, Record<string, unknown>> = {
    NOTICE_GIVEN: { fieldworkStartsOn: '2025-03-17', cqcInspector: 'cqc-1' },
    INSPECTION_STARTED_WITHOUT_NOTICE: { reason: 'serious_safeguarding_concerns', cqcInspector: 'cqc-1' },
    CASES_SELECTED: { safeguardingCases: 4, lookedAfterChildrenCases: 4 },
    FURTHER_CASES_SELECTED: { safeguardingCases: 6, lookedAfterChildrenCases: 6 },
    SIGNIFICANT_RISK_TOLD_TO_DCS: { summary: 'child left at home with a known risk' },
    FEEDBACK_GIVEN: { judgements },
    JUDGEMENTS_CHANGED: { judgements, reasons: 'moderation' },
    COMPLAINT_MADE: { summary: 'evidence not weighed', healthCareAspects: false },
    COMPLAINT_RESOLVED: { outcome: 'not_upheld' },
  };
  /** Clock expiries: the path reaches them by letting time pass, not by a person's decision. */
  const CLOCK_EVENTS = new Set(definition.clocks.filter((c) => c.kind !== 'target').map((c) => c.onExpiry!));
  CLOCK_EVENTS.delete('REPORT_PUBLISHED'); // a manager may also publish: the path sends it as a decision
  const graphEvent = (type: string): InspectionEvent => ({
    type,
    at: '2025-03-03',
    occurredAt: '2025-03-03T12:00:00.000Z',
    recordedAt: '2025-03-03T12:00:00.000Z',
    actorId: 'graph',
    role: ROLE[type] ?? 'inspector',
    ...PAYLOAD[type],
  });
  const allEvents = [...Object.keys(definition.events), ...CLOCK_EVENTS].map(graphEvent);
  // The state, plus the two flags that change what may happen next; counts and dates would make it infinite.
  const serializeState = (s: AnyMachineSnapshot) =>
    JSON.stringify({
      value: s.value,
      riskPending: s.context.riskAwaitingWrittenConfirmationSince !== null,
      windowClosed: s.context.complaintWindowClosed,
    });
  const stageOf = (s: AnyMachineSnapshot) => activePaths(s.value).join(',');

  type Path = ReturnType<typeof getShortestPaths<typeof definition.machine>>[number];
  function replay(path: Path) {
    const driver = new PureDriver(definition, '2025-03-03');
    let day = '2025-03-03';
    for (const step of path.steps) {
      const type = step.event.type;
      if (type === 'xstate.init') continue;
      if (CLOCK_EVENTS.has(type)) {
        const clock = driver.view(day).deadlines.find((d) => definition.clocks.find((c) => c.id === d.clock)?.onExpiry === type);
        expect(clock).toBeDefined();
        day = addCalendarDays(clock!.due, 1);
        driver.advanceTo(day);
      } else {
        day = addCalendarDays(day, 1);
        driver.send(ROLE[type] ?? 'inspector', day, type, PAYLOAD[type] ?? {});
      }
      expect([type, driver.record.stage]).toEqual([type, stageOf(step.state)]);
    }
    expect(driver.record.stage).toBe(stageOf(path.state));
    expect(driver.record.done).toBe(path.state.status === 'done');
    return driver;
  }

  // A finished inspection takes no decision (the engine refuses all), so the graph stops there too.
  const stopWhen = (s: AnyMachineSnapshot) => s.status === 'done';
  const shortest = getShortestPaths(definition.machine, { events: allEvents, serializeState, stopWhen });
  it('reaches every state combination, including done', () => {
    expect(shortest.length).toBeGreaterThan(30);
    expect(shortest.some((p) => p.state.status === 'done')).toBe(true);
  });
  it.each(shortest.map((p) => [stageOf(p.state) + (p.state.context.riskAwaitingWrittenConfirmationSince ? ' (risk awaiting written confirmation)' : ''), p] as const))(
    'shortest path to %s replays through the engine',
    (_name, path) => {
      replay(path);
    },
  );

  // Every simple path of the inspection region (complaints are interleaved in the shortest paths above;
  // interleaving them here too would multiply the paths by thousands without a new transition).
  const withoutComplaints = allEvents.filter((e) => e.type !== 'COMPLAINT_MADE' && e.type !== 'COMPLAINT_RESOLVED');
  const simple = getSimplePaths(definition.machine, { events: withoutComplaints, serializeState, stopWhen });
  it('has simple paths to completion by both the notice and the zero-notice routes', () => {
    const complete = simple.filter((p) => p.state.status === 'done');
    expect(complete.some((p) => p.steps[1]!.event.type === 'NOTICE_GIVEN')).toBe(true);
    expect(complete.some((p) => p.steps[1]!.event.type === 'INSPECTION_STARTED_WITHOUT_NOTICE')).toBe(true);
  });
  it.each(simple.map((p, i) => [i, p.steps.slice(1).map((s) => s.event.type).join(' > ') || '(start)', p] as const))(
    'simple path %i: %s',
    (_i, _name, path) => {
      replay(path);
    },
  );
});

describe('safeguarding and looked after children inspection (seed 001): statutory deadlines', () => {
  it('starts scheduled, with notice or a zero-notice start the only decisions, and no clocks', () => {
    const view = new PureDriver(definition, '2025-04-10').view('2025-04-10');
    expect(view.status).toBe('scheduled,no_open_complaint');
    expect(view.allowedDecisions.map((d) => d.event)).toEqual(['NOTICE_GIVEN', 'INSPECTION_STARTED_WITHOUT_NOTICE']);
    expect(view.deadlines).toEqual([]);
  });

  it('sets the notice (10 working days) and set-up meeting (4 working days) clocks across Easter 2025', () => {
    const driver = new PureDriver(definition, '2025-04-10');
    const view = driver.send('manager', '2025-04-10', 'NOTICE_GIVEN', { fieldworkStartsOn: '2025-04-28', cqcInspector: 'cqc-42' });
    expect(view.facts).toMatchObject({
      notifiedAt: '2025-04-10',
      plannedFieldworkStart: '2025-04-28',
      jointInspectorate: { body: 'Care Quality Commission', inspector: 'cqc-42' },
    });
    // Notice Thu 10 Apr. Working days after it: Fri 11 (1), Mon 14 (2), Tue 15 (3), Wed 16 (4): set-up
    // meeting due Wed 16 Apr. Then Thu 17 (5); Good Friday 18 and Easter Monday 21 are bank holidays;
    // Tue 22 (6), Wed 23 (7), Thu 24 (8), Fri 25 (9), Mon 28 (10): fieldwork to begin by Mon 28 Apr.
    expect(dueOf(driver, '2025-04-10')).toEqual({ setUpMeeting: '2025-04-16', notice: '2025-04-28' });
    const awaited = driver.advanceTo('2025-04-17');
    expect(overdue(awaited)).toEqual([['setUpMeeting', '2025-04-16']]); // overdue, awaiting the record: no breach yet
    expect(awaited.breaches).toEqual([]);
    expect(breaches(driver.send('inspector', '2025-04-17', 'SET_UP_MEETING_HELD'))).toEqual([['setUpMeeting', '2025-04-16', '2025-04-17']]);
    driver.send('inspector', '2025-04-17', 'CASES_SELECTED', { safeguardingCases: 5, lookedAfterChildrenCases: 4 });
    expect(driver.view('2025-04-28')).toMatchObject({ status: 'awaiting_fieldwork,no_open_complaint', breaches: [expect.objectContaining({ clock: 'setUpMeeting' })] });
    const late = driver.advanceTo('2025-04-29');
    expect(overdue(late)).toEqual([['notice', '2025-04-28']]);
    expect(breaches(driver.send('inspector', '2025-04-29', 'FIELDWORK_STARTED'))).toEqual([
      ['setUpMeeting', '2025-04-16', '2025-04-17'],
      ['notice', '2025-04-28', '2025-04-29'],
    ]);
  });

  it('runs on site for up to 10 working days: the first day and 9 more, across the early May bank holiday', () => {
    const driver = new PureDriver(definition, '2025-04-10');
    driver.send('manager', '2025-04-10', 'NOTICE_GIVEN', { fieldworkStartsOn: '2025-04-28', cqcInspector: 'cqc-42' });
    driver.send('inspector', '2025-04-14', 'SET_UP_MEETING_HELD');
    driver.send('inspector', '2025-04-15', 'CASES_SELECTED', { safeguardingCases: 4, lookedAfterChildrenCases: 4 });
    const started = driver.send('inspector', '2025-04-28', 'FIELDWORK_STARTED');
    expect(started.status).toBe('on_site,no_open_complaint');
    // Mon 28 Apr is day 1; Tue 29, Wed 30, Thu 1 May, Fri 2 May; Mon 5 May bank holiday; Tue 6, Wed 7,
    // Thu 8, Fri 9, Mon 12 May: the 9th working day after the start, the 10th day on site.
    expect(dueOf(driver, '2025-04-28')).toEqual({ onSiteLength: '2025-05-12' });
    driver.send('inspector', '2025-04-28', 'FURTHER_CASES_SELECTED', { safeguardingCases: 6, lookedAfterChildrenCases: 7 });
    const audit = driver.send('provider', '2025-04-28', 'CASE_AUDIT_SHARED');
    expect(audit.facts).toMatchObject({
      casesBeforeFieldwork: { safeguarding: 4, lookedAfterChildren: 4 },
      casesAtFieldworkStart: { safeguarding: 6, lookedAfterChildren: 7 },
      caseAuditSharedOn: '2025-04-28',
    });
    expect(overdue(driver.advanceTo('2025-05-13'))).toEqual([['onSiteLength', '2025-05-12']]);
  });

  it('sets draft (10), factual accuracy (15), final (20) and publication (25 working days) from the feedback day, across the late May bank holiday', () => {
    const driver = toFeedback();
    const view = driver.view('2025-05-12');
    expect(view.status).toBe('drafting_report,no_open_complaint');
    expect(view.facts).toMatchObject({ feedbackDate: '2025-05-12', provisionalJudgements: judgements, judgements });
    // Feedback Mon 12 May. Working days: 13..16 (1-4), 19..23 (5-9), Mon 26 May bank holiday, Tue 27 (10):
    // draft due Tue 27 May. Then 28 (11), 29 (12), 30 (13), Mon 2 Jun (14), Tue 3 Jun (15): comments by
    // Tue 3 Jun. 4 (16), 5 (17), 6 (18), 9 (19), 10 (20): final report by Tue 10 Jun.
    expect(dueOf(driver, '2025-05-12')).toEqual({ draftReport: '2025-05-27', finalReport: '2025-06-10' });
    driver.send('inspector', '2025-05-27', 'DRAFT_REPORT_SENT');
    expect(dueOf(driver, '2025-05-27')).toEqual({ factualAccuracyWindow: '2025-06-03', finalReport: '2025-06-10' });
    expect(driver.advanceTo('2025-06-03').status).toBe('awaiting_factual_accuracy_comments,no_open_complaint');
    expect(driver.advanceTo('2025-06-04')).toMatchObject({ status: 'finalising_report,no_open_complaint', breaches: [] });
    const final = driver.send('manager', '2025-06-09', 'FINAL_REPORT_SENT');
    // 11 (21), 12 (22), 13 (23), 16 (24), Tue 17 Jun (25): published by itself on Tue 17 Jun.
    expect(final.deadlines.map((d) => [d.clock, d.due, d.kind])).toEqual([['publication', '2025-06-17', 'automatic']]);
    driver.record.takeEffects();
    expect(driver.advanceTo('2025-06-17').status).toBe('awaiting_publication,no_open_complaint');
    const published = driver.advanceTo('2025-06-18');
    expect(published).toMatchObject({ status: 'published,no_open_complaint', done: false, grade: 'adequate' });
    expect(published.facts.publishedDate).toBe('2025-06-17');
    expect(driver.record.takeEffects().map((e) => e.type)).toEqual(['publishReport']);
    // Complaints: 30 calendar days from Tue 17 Jun is Thu 17 Jul.
    expect(dueOf(driver, '2025-06-18')).toEqual({ complaintWindow: '2025-07-17' });
    expect(driver.advanceTo('2025-07-17').done).toBe(false);
    expect(driver.advanceTo('2025-07-18')).toMatchObject({ status: 'complaints_closed,published', done: true, allowedDecisions: [], deadlines: [] });
  });

  it('gives the director five working days when the draft is late (the later of the two)', () => {
    const driver = toFeedback();
    // Draft due Tue 27 May, sent Thu 29 May: 2 working days late. Fixed close Tue 3 Jun + 2 = Thu 5 Jun,
    // which is the draft + 5 working days (30 May, 2, 3, 4, 5 Jun).
    const draft = driver.send('inspector', '2025-05-29', 'DRAFT_REPORT_SENT');
    expect(draft.facts.draftLateWorkingDays).toBe(2);
    expect(dueOf(driver, '2025-05-29').factualAccuracyWindow).toBe('2025-06-05');
    expect(draft.breaches.map((b) => [b.clock, b.resolvedOn])).toEqual([['draftReport', '2025-05-29']]);
    expect(driver.send('provider', '2025-06-04', 'FACTUAL_ACCURACY_COMMENTS_RETURNED').status).toBe('finalising_report,no_open_complaint');
  });

  it('follows the worked example of the domain reading across Christmas 2010 (seed 001 in force)', () => {
    const driver = new PureDriver(definition, '2010-11-15');
    driver.send('manager', '2010-11-15', 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: 'judged_inadequate_previously', cqcInspector: 'cqc-7' });
    driver.send('inspector', '2010-12-03', 'FEEDBACK_GIVEN', { judgements });
    // Feedback Fri 3 Dec 2010: draft Fri 17 Dec (10); Mon 27 and Tue 28 Dec and Mon 3 Jan 2011 are bank
    // holidays: final report Wed 5 Jan 2011 (20).
    expect(dueOf(driver, '2010-12-03')).toEqual({ draftReport: '2010-12-17', finalReport: '2011-01-05' });
    driver.send('inspector', '2010-12-10', 'DRAFT_REPORT_SENT');
    expect(dueOf(driver, '2010-12-10').factualAccuracyWindow).toBe('2010-12-24'); // Fri 24 Dec (15)
    driver.advanceTo('2010-12-29');
    const final = driver.send('inspector', '2010-12-29', 'FINAL_REPORT_SENT');
    expect(final.deadlines[0]).toMatchObject({ clock: 'publication', due: '2011-01-12' }); // Wed 12 Jan (25)
  });

  it('confirms a significant risk of harm in writing within 24 clock hours of telling the director, without leaving fieldwork', () => {
    const driver = toFeedbackReady();
    const told = driver.send('inspector', '2025-04-29', 'SIGNIFICANT_RISK_TOLD_TO_DCS', { summary: 'unassessed referral' });
    expect(told.stage).toBe('inspection.onSite.fieldwork,complaints.noComplaint');
    expect(told.facts.riskNotices).toEqual([
      { summary: 'unassessed referral', toldOn: '2025-04-29', toldAt: new Date(middayOn('2025-04-29')).toISOString(), confirmedInWritingOn: null },
    ]);
    const clock = told.deadlines.find((d) => d.clock === 'writtenRiskConfirmation')!;
    expect(clock.dueAt).toBe(new Date(middayOn('2025-04-29') + 24 * 3_600_000).toISOString());
    expect(clock.reading).toContain('no time');
    // Clock hours: the first is due at midday on 30 Apr; confirmed at 11:00 that day it is on time.
    const first = driver.record.decide({ event: 'RISK_CONFIRMED_IN_WRITING', at: '2025-04-30' }, actors.inspector, middayOn('2025-04-30') - 3_600_000);
    expect(first.breaches).toEqual([]);
    expect(first.deadlines.map((d) => d.clock)).not.toContain('writtenRiskConfirmation');
    const second = driver.send('inspector', '2025-04-30', 'SIGNIFICANT_RISK_TOLD_TO_DCS', { summary: 'second child' }); // at midday
    expect(second.deadlines.find((d) => d.clock === 'writtenRiskConfirmation')!.dueAt).toBe(new Date(middayOn('2025-05-01')).toISOString());
    // The second one is confirmed after fieldwork, late: a breach, nothing moves.
    driver.send('inspector', '2025-05-01', 'FEEDBACK_GIVEN', { judgements });
    const late = driver.advanceTo('2025-05-02');
    expect(overdue(late)).toEqual([['writtenRiskConfirmation', '2025-05-01']]);
    const confirmed = driver.send('inspector', '2025-05-02', 'RISK_CONFIRMED_IN_WRITING');
    expect(breaches(confirmed)).toEqual([['writtenRiskConfirmation', '2025-05-01', '2025-05-02']]);
    expect(confirmed.status).toBe('drafting_report,no_open_complaint');
    expect((confirmed.facts.riskNotices as { confirmedInWritingOn: string }[]).map((n) => n.confirmedInWritingOn)).toEqual(['2025-04-30', '2025-05-02']);
    expect(confirmed.facts.riskAwaitingWrittenConfirmationSince).toBeNull();
    expect(confirmed.deadlines.map((d) => d.clock)).not.toContain('writtenRiskConfirmation');
  });

  it('takes the zero-notice route straight on site, with no notice or set-up clocks', () => {
    const driver = new PureDriver(definition, '2025-04-10');
    const view = driver.send('manager', '2025-04-14', 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: 'serious_safeguarding_concerns', cqcInspector: 'cqc-9' });
    expect(view.status).toBe('on_site,no_open_complaint');
    expect(view.facts).toMatchObject({
      notifiedAt: '2025-04-14',
      fieldworkStartedAt: '2025-04-14',
      withoutNoticeReason: 'serious_safeguarding_concerns',
      setUpMeetingDate: null,
      jointInspectorate: { body: 'Care Quality Commission', inspector: 'cqc-9' },
    });
    // Mon 14 Apr is day 1: 15, 16, 17 (3), Good Friday and Easter Monday, 22..25 (7), 28, 29 (9): Tue 29 Apr.
    expect(dueOf(driver, '2025-04-14')).toEqual({ onSiteLength: '2025-04-29' });
    expect(view.allowedDecisions.map((d) => d.event)).toContain('COMPLAINT_MADE');
    expect(refusal(() => driver.send('manager', '2025-04-15', 'NOTICE_GIVEN', { fieldworkStartsOn: '2025-04-20', cqcInspector: 'x' }))).toMatchObject({ code: 'not_allowed_now' });
  });

  it('publishes on time while a complaint is open, and closes only once the complaint is answered after the window', () => {
    const driver = toFeedback();
    driver.send('inspector', '2025-05-27', 'DRAFT_REPORT_SENT');
    const complaint = driver.send('provider', '2025-05-28', 'COMPLAINT_MADE', { summary: 'findings not supported', healthCareAspects: true });
    expect(complaint.status).toBe('awaiting_factual_accuracy_comments,complaint_under_review');
    driver.send('provider', '2025-06-02', 'FACTUAL_ACCURACY_COMMENTS_RETURNED');
    driver.send('inspector', '2025-06-10', 'FINAL_REPORT_SENT');
    const published = driver.advanceTo('2025-06-18');
    expect(published).toMatchObject({ status: 'published,complaint_under_review', done: false, breaches: [] });
    expect(published.facts).toMatchObject({ publishedDate: '2025-06-17', complaints: 1, complaintReceivedDate: '2025-05-28' });
    // The window closes on 17 Jul with the complaint still open: it stays under review.
    const windowClosed = driver.advanceTo('2025-07-20');
    expect(windowClosed).toMatchObject({ status: 'published,complaint_under_review', done: false });
    expect(windowClosed.facts.complaintWindowClosed).toBe(true);
    expect(windowClosed.allowedDecisions.map((d) => d.event)).toEqual(['COMPLAINT_RESOLVED']);
    expect(driver.send('manager', '2025-07-21', 'COMPLAINT_RESOLVED', { outcome: 'referred_to_cqc' })).toMatchObject({ status: 'complaints_closed,published', done: true });
  });

  it('takes a second complaint after the first is answered, until 30 calendar days after publication', () => {
    const driver = toFeedback();
    driver.send('provider', '2025-05-13', 'COMPLAINT_MADE', { summary: 'conduct on site' });
    expect(driver.send('manager', '2025-05-14', 'COMPLAINT_RESOLVED', { outcome: 'resolved_early' }).status).toBe('drafting_report,no_open_complaint');
    driver.send('inspector', '2025-05-20', 'DRAFT_REPORT_SENT');
    driver.send('manager', '2025-06-05', 'FINAL_REPORT_SENT');
    driver.send('manager', '2025-06-06', 'REPORT_PUBLISHED'); // before the 25th working day
    const second = driver.send('provider', '2025-07-06', 'COMPLAINT_MADE', { summary: 'report unfair' }); // day 30
    expect(second).toMatchObject({ status: 'published,complaint_under_review' });
    expect(second.facts.complaints).toBe(2);
    // Published Fri 6 Jun: the window closes at the end of Sun 6 Jul (30 calendar days).
    expect(driver.send('manager', '2025-07-06', 'COMPLAINT_RESOLVED', { outcome: 'not_upheld' }).status).toBe('published,no_open_complaint');
    expect(driver.advanceTo('2025-07-07')).toMatchObject({ status: 'complaints_closed,published', done: true });
  });

  it('records both sets of judgements, changes at quality assurance, and the lower overall grade as the headline', () => {
    const driver = toFeedback();
    const changed = { ...judgements, lookedAfterChildren: { ...lookedAfterChildren, overallEffectiveness: 'inadequate' as const } };
    driver.send('manager', '2025-05-20', 'JUDGEMENTS_CHANGED', { judgements: changed, reasons: 'moderation' });
    expect(driver.view('2025-05-20').facts).toMatchObject({ provisionalJudgements: judgements, judgements: changed });
    expect(headlineGrade(changed)).toBe('inadequate');
    expect(headlineGrade(judgements)).toBe('adequate');
  });

  describe('refusals', () => {
    it('refuses a complaint before notice, a risk outside fieldwork, and a written confirmation with no risk told', () => {
      const driver = new PureDriver(definition, '2025-04-10');
      expect(refusal(() => driver.send('provider', '2025-04-10', 'COMPLAINT_MADE', { summary: 'x' }))).toMatchObject({ code: 'not_allowed_now' });
      driver.send('manager', '2025-04-10', 'NOTICE_GIVEN', { fieldworkStartsOn: '2025-04-28', cqcInspector: 'cqc-42' });
      expect(refusal(() => driver.send('inspector', '2025-04-11', 'SIGNIFICANT_RISK_TOLD_TO_DCS', { summary: 'x' }))).toMatchObject({ code: 'not_allowed_now' });
      expect(refusal(() => driver.send('inspector', '2025-04-11', 'RISK_CONFIRMED_IN_WRITING'))).toMatchObject({ code: 'not_allowed_now' });
    });

    it('refuses too few cases, judgements missing an area, a role the machine does not name', () => {
      const driver = new PureDriver(definition, '2025-04-10');
      expect(refusal(() => driver.send('provider', '2025-04-10', 'NOTICE_GIVEN', { fieldworkStartsOn: '2025-04-28', cqcInspector: 'c' }))).toMatchObject({ code: 'forbidden', roles: ['manager'] });
      driver.send('manager', '2025-04-10', 'NOTICE_GIVEN', { fieldworkStartsOn: '2025-04-28', cqcInspector: 'cqc-42' });
      driver.send('inspector', '2025-04-11', 'SET_UP_MEETING_HELD');
      expect(refusal(() => driver.send('inspector', '2025-04-11', 'CASES_SELECTED', { safeguardingCases: 3, lookedAfterChildrenCases: 4 }))).toMatchObject({ code: 'invalid_payload' });
      driver.send('inspector', '2025-04-11', 'CASES_SELECTED', { safeguardingCases: 4, lookedAfterChildrenCases: 4 });
      driver.send('inspector', '2025-04-14', 'FIELDWORK_STARTED');
      const { partnershipWorking: _dropped, ...missing } = safeguarding;
      expect(refusal(() => driver.send('inspector', '2025-04-15', 'FEEDBACK_GIVEN', { judgements: { safeguarding: missing, lookedAfterChildren } }))).toMatchObject({ code: 'invalid_payload' });
      expect(refusal(() => driver.send('inspector', '2025-04-15', 'FEEDBACK_GIVEN', { judgements: { safeguarding, lookedAfterChildren: { ...lookedAfterChildren, partnershipWorking: 'good' } } }))).toMatchObject({ code: 'invalid_payload' });
    });
  });

  it('cites seed 001 on every clock and decision, with a reading on every clock whose unit or anchor was chosen', () => {
    for (const spec of [...definition.clocks, ...Object.values(definition.events)]) expect(spec.source).toMatch(/^seed 001/);
    const withReading = definition.clocks.filter((c) => c.reading).map((c) => c.id);
    expect(withReading).toEqual(expect.arrayContaining(['setUpMeeting', 'onSiteLength', 'writtenRiskConfirmation', 'factualAccuracyWindow', 'publication', 'complaintWindow']));
  });
});

/** Notice Thu 10 Apr 2025, fieldwork from Mon 28 Apr. */
function toFeedbackReady() {
  const driver = new PureDriver(definition, '2025-04-10');
  driver.send('manager', '2025-04-10', 'NOTICE_GIVEN', { fieldworkStartsOn: '2025-04-28', cqcInspector: 'cqc-42' });
  driver.send('inspector', '2025-04-16', 'SET_UP_MEETING_HELD');
  driver.send('inspector', '2025-04-17', 'CASES_SELECTED', { safeguardingCases: 4, lookedAfterChildrenCases: 4 });
  driver.send('inspector', '2025-04-28', 'FIELDWORK_STARTED');
  return driver;
}
