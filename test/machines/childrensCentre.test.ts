import type { AnyMachineSnapshot } from 'xstate';
import { isInState } from '../../engine/stage';
import { type ChildrensCentreInspectionContext, childrensCentreInspection2011 as definition } from '../../machines/childrens-centre/inspection';
import { type ChildrensCentreJudgements, hasInadequateJudgement, uniformJudgements } from '../../machines/childrens-centre/judgements';
import { describeEveryPath } from '../support/everyPath';
import { PureDriver, actors, breaches, middayOn, overdue, refusal } from '../support/pureDriver';

const good = uniformJudgements('good');
const inadequate: ChildrensCentreJudgements = {
  ...good,
  leadershipAndManagement: { ...good.leadershipAndManagement, safeguarding: 'inadequate' },
};


/**
 * Notified Tuesday 1 April 2025; notice served at the end of Thursday 3 April; on site Monday 7 and
 * Tuesday 8 April; formal feedback Tuesday 8 April (the end of the inspection). Report clocks cross Easter
 * 2025 (Good Friday 18 April, Easter Monday 21 April) and the early May bank holiday (Monday 5 May).
 */
function toFeedback(judgements: ChildrensCentreJudgements = good, driver = new PureDriver(definition, '2025-03-31')) {
  driver.send('manager', '2025-04-01', 'CENTRE_NOTIFIED', { notifiedBy: 'ofsted' });
  driver.send('inspector', '2025-04-01', 'LEAD_INSPECTOR_CONTACTED');
  driver.send('inspector', '2025-04-07', 'INSPECTION_STARTED');
  driver.send('inspector', '2025-04-08', 'FEEDBACK_GIVEN', { judgements });
  return driver;
}

/** Through publication on Thursday 17 April 2025 (draft 14 April, comments 15 April). */
function toPublished(driver = toFeedback()) {
  driver.send('inspector', '2025-04-14', 'DRAFT_SENT');
  driver.send('provider', '2025-04-15', 'COMMENTS_SUBMITTED');
  driver.send('manager', '2025-04-17', 'REPORT_PUBLISHED');
  return driver;
}

describe("children's centre inspection (seed 000): every path of the machine, replayed through the engine", () => {
  const AT = '2025-04-01';
  const RECORDED = '2025-04-01T11:00:00.000Z';
  const samples: Record<string, Record<string, unknown>[]> = {
    LINKED_INSPECTION_RECORDED: [{ linkedId: 'EY-1', kind: 'early_years' }],
    CENTRE_NOTIFIED: [{ notifiedBy: 'inspection_service_provider' }],
    INSPECTION_STARTED_WITHOUT_NOTICE: [{ reason: 'welfare concern raised by parents' }],
    INSPECTION_DEFERRED: [{ reason: 'centre closed for flooding' }],
    INSPECTION_CANCELLED: [{ reason: 'centre de-designated' }],
    ON_SITE_EXTENDED: [{ days: 1 }],
    FEEDBACK_GIVEN: [{ judgements: good }, { judgements: inadequate }],
    JUDGEMENTS_MODERATED: [{ judgements: inadequate, reasons: 'moderation' }, { judgements: good, reasons: 'moderation' }],
    PUBLICATION_EXTENDED: [{ days: 2, reason: 'exceptional: QA of a linked school report' }],
    ACTION_PLAN_ESCALATED: [{ reason: 'action plan overdue' }],
    COMPLAINT_MADE: [{ summary: 'judgement not supported by evidence' }],
    COMPLAINT_RESPONDED: [{ outcome: 'not_upheld' }],
    LINKED_REPORT_SENT: [{ linkedId: 'EY-1' }],
    // Dated after publication, so that the confirmed receipt differs from the publication day.
    REPORT_RECEIPT_CONFIRMED: [{ at: '2025-04-02' }],
  };
  /**
   * Two snapshots are the same graph state when they behave the same: the state value plus the facts a
   * guard or a clock reads, each only where it matters (so an extension repeated, or a date, does not
   * make new states without end).
   */
  const facts = (context: Record<string, unknown>, state: AnyMachineSnapshot) => {
    const c = context as unknown as ChildrensCentreInspectionContext;
    const inState = (path: string) => isInState(state, path);
    const beforePublication = ['qualityAssurance', 'commentWindow', 'commentWindowInadequate', 'finalising'].some((s) =>
      inState(`afterInspection.report.${s}`),
    );
    return {
      linked: c.linkedInspections.map((l) => `${l.id}:${l.reportSentDate ? 'sent' : 'due'}`),
      deferred: inState('scheduled') && c.deferrals > 0,
      extendedOnSite: inState('onSite') && c.extraOnSiteDays > 0,
      noticeGiven: inState('onSite') && c.noticeGiven,
      inadequate: inState('afterInspection.report.qualityAssurance') && c.judgements !== null && hasInadequateJudgement(c.judgements),
      moderated: inState('afterInspection.report.qualityAssurance') && JSON.stringify(c.judgements) !== JSON.stringify(c.provisionalJudgements),
      publicationExtended: beforePublication && c.publicationExtensionDays > 0,
      commentsReceived: inState('afterInspection.report.finalising') && c.commentsReceived,
      complaintAnswered: inState('afterInspection.complaints.open') && c.complaints > 0,
      receiptConfirmed: inState('afterInspection.report.actionPlanDue') && c.reportReceivedDate !== c.publishedDate,
    };
  };

  describeEveryPath([{ definition, input: {}, samples, facts }], AT, RECORDED);
});

describe("children's centre inspection (seed 000): rules and clocks", () => {
  it('starts scheduled, with the scheduling facts worked out from designation (¶14, ¶15)', () => {
    const view = new PureDriver(definition, '2025-03-31', { designationDate: '2024-02-29' }).view('2025-03-31');
    expect(view.status).toBe('scheduled');
    expect(view.facts).toMatchObject({
      inspectionDueBy: '2015-08-31', // first inspection: the statutory date
      notNormallyInspectedBefore: '2027-02-28', // 3 calendar years, 29 Feb rolled back to 28 Feb
    });
    const cluster = new PureDriver(definition, '2025-03-31', { designationDate: '2024-02-29', inCluster: true, previousInspectionDate: '2021-06-30' });
    expect(cluster.view('2025-03-31').facts).toMatchObject({ notNormallyInspectedBefore: null, inspectionDueBy: '2026-06-30' });
    expect(view.allowedDecisions.map((d) => d.event)).toEqual([
      'LINKED_INSPECTION_RECORDED',
      'CENTRE_NOTIFIED',
      'INSPECTION_STARTED_WITHOUT_NOTICE',
      'INSPECTION_CANCELLED',
    ]);
  });

  it("gives 3 working days' notice across Easter, and refuses arrival before it is served (¶33)", () => {
    const driver = new PureDriver(definition, '2025-04-14');
    // Notified Thursday 17 April 2025. Good Friday (18th) and Easter Monday (21st) are not working days:
    // working day 1 is Tuesday 22, 2 is Wednesday 23, so the notice is served at the end of the 23rd and the
    // inspection may start on Thursday 24 April, the 3rd working day after notification.
    const notified = driver.send('manager', '2025-04-17', 'CENTRE_NOTIFIED', { notifiedBy: 'inspection_service_provider' });
    expect(notified.status).toBe('awaiting_lead_inspector_contact,notice_period');
    expect(notified.facts).toMatchObject({ earliestStartDate: '2025-04-24', noticeGiven: true, notifiedBy: 'inspection_service_provider' });
    expect(driver.deadline('noticePeriod', '2025-04-17')).toBe('2025-04-23');
    driver.send('inspector', '2025-04-17', 'LEAD_INSPECTOR_CONTACTED');
    expect(refusal(() => driver.send('inspector', '2025-04-23', 'INSPECTION_STARTED'))).toMatchObject({ code: 'not_allowed_now' });
    expect(driver.advanceTo('2025-04-24').status).toBe('lead_inspector_contact_made,notice_served');
    expect(driver.send('inspector', '2025-04-24', 'INSPECTION_STARTED').status).toBe('on_site');
  });

  it('tracks the lead inspector contact within 24 clock hours, through Good Friday, and raises a breach when answered late (¶33, ¶38)', () => {
    const driver = new PureDriver(definition, '2025-04-14');
    // Recorded at midday (BST) on Thursday 17 April: due at midday on Good Friday, 18 April; clock hours do not stop for bank holidays.
    driver.send('manager', '2025-04-17', 'CENTRE_NOTIFIED', { notifiedBy: 'ofsted' });
    const contact = driver.view('2025-04-17').deadlines.find((d) => d.clock === 'leadInspectorContact')!;
    expect(contact).toMatchObject({ due: '2025-04-18', dueAt: '2025-04-18T11:00:00.000Z', kind: 'target' });
    expect(driver.record.view(Date.parse('2025-04-18T10:59:59.000Z')).breaches).toEqual([]);
    driver.record.fireDueClocks(Date.parse('2025-04-18T10:59:59.000Z'));
    expect(driver.record.view(Date.parse('2025-04-18T10:59:59.000Z')).breaches).toEqual([]);
    const late = driver.advanceTo('2025-04-18');
    expect(late.status).toBe('awaiting_lead_inspector_contact,notice_period'); // a target: nothing moves
    expect(overdue(late)).toEqual([['leadInspectorContact', '2025-04-18']]);
    const made = driver.send('inspector', '2025-04-22', 'LEAD_INSPECTOR_CONTACTED');
    expect(breaches(made)).toEqual([['leadInspectorContact', '2025-04-18', '2025-04-22']]);
    expect(made.facts.leadInspectorContactedAt).toBe(new Date(middayOn('2025-04-22')).toISOString());
  });

  it('counts the 24 hours from when the centre was notified, not from when that was typed in', () => {
    const driver = new PureDriver(definition, '2025-04-14');
    // Notified on Tuesday 15 April at 16:00, entered on Thursday 17: the contact was due by 16:00 (BST) on Wednesday.
    const notified = driver.record.decide({ event: 'CENTRE_NOTIFIED', notifiedBy: 'ofsted', at: '2025-04-15T16:00' }, actors.manager, middayOn('2025-04-17'));
    expect(notified.facts.notifiedAt).toBe('2025-04-15T15:00:00.000Z');
    expect(notified.deadlines.find((d) => d.clock === 'leadInspectorContact')).toMatchObject({ due: '2025-04-16', dueAt: '2025-04-16T15:00:00.000Z' });
    // A date without a time: the 24 hours run to the end of the next day, so an unknown time never makes a contact late.
    const other = new PureDriver(definition, '2025-04-14');
    const dated = other.record.decide({ event: 'CENTRE_NOTIFIED', notifiedBy: 'ofsted', at: '2025-04-15' }, actors.manager, middayOn('2025-04-17'));
    expect(dated.facts.notifiedAt).toBe('2025-04-15');
    expect(dated.deadlines.find((d) => d.clock === 'leadInspectorContact')).toMatchObject({ due: '2025-04-16', dueAt: '2025-04-16T23:00:00.000Z' });
    expect(other.record.decide({ event: 'LEAD_INSPECTOR_CONTACTED', at: '2025-04-16' }, actors.inspector, middayOn('2025-04-17')).breaches).toEqual([]);
  });

  it("takes the zero-notice route straight on site for children's welfare, with no notice or contact clock (¶34)", () => {
    const driver = new PureDriver(definition, '2025-04-14');
    const view = driver.send('inspector', '2025-04-17', 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: 'welfare concern raised by parents' });
    expect(view.status).toBe('on_site');
    expect(view.facts).toMatchObject({ noticeGiven: false, noNoticeReason: 'welfare concern raised by parents', notificationDate: null });
    // On site from Thursday 17 April: "normally no longer than two days" ends on the next working day,
    // Tuesday 22 April (Good Friday and Easter Monday are skipped).
    expect(view.deadlines.map((d) => [d.clock, d.due])).toEqual([['onSiteLength', '2025-04-22']]);
    expect(driver.send('manager', '2025-04-17', 'ON_SITE_EXTENDED', { days: 1 }).deadlines[0]!.due).toBe('2025-04-23');
  });

  it('sets the draft (10 working days) and publication (15 working days) targets from the feedback day, across Easter and early May', () => {
    const view = toFeedback().view('2025-04-08');
    expect(view.status).toBe('quality_assurance,complaint_window_open,linked_reports_sent');
    // Feedback Tuesday 8 April. Draft: 9,10,11,14,15,16,17 April (7), Good Friday and Easter Monday skipped,
    // 22,23,24 (10): Thursday 24 April. Publication: 25,28,29,30 April, 1 May (15): Thursday 1 May.
    // Complaints: 3 calendar months, 8 July 2025.
    expect(view.deadlines.map((d) => [d.clock, d.due, d.kind])).toEqual([
      ['draftToCentre', '2025-04-24', 'target'],
      ['publication', '2025-05-01', 'target'],
      ['complaintWindow', '2025-07-08', 'window'],
    ]);
    expect(view.facts).toMatchObject({ feedbackDate: '2025-04-08', nextInspectionDueBy: '2030-04-08' });
  });

  it("gives the centre 1 working day to comment, closing by itself across Easter (¶65)", () => {
    const driver = toFeedback();
    // Draft sent Thursday 17 April: the one working day is Tuesday 22 April; the window closes at its end.
    const sent = driver.send('inspector', '2025-04-17', 'DRAFT_SENT');
    expect(sent.status).toBe('awaiting_factual_accuracy_comments,complaint_window_open,linked_reports_sent');
    expect(driver.deadline('factualAccuracyComments', '2025-04-17')).toBe('2025-04-22');
    expect(driver.advanceTo('2025-04-22').stage).toContain('afterInspection.report.commentWindow');
    const closed = driver.advanceTo('2025-04-23');
    expect(closed.stage).toContain('afterInspection.report.finalising');
    expect(closed.facts).toMatchObject({ draftInadequate: false, commentsReceived: false });
  });

  it('gives an inadequate centre 5 working days to comment, closing by itself (¶65)', () => {
    const driver = toFeedback(inadequate);
    // Draft sent Thursday 17 April: 22, 23, 24, 25, 28 April (Good Friday and Easter Monday skipped): Monday 28 April.
    const sent = driver.send('inspector', '2025-04-17', 'DRAFT_SENT');
    expect(sent.stage).toContain('afterInspection.report.commentWindowInadequate');
    expect(sent.facts.draftInadequate).toBe(true);
    expect(driver.deadline('factualAccuracyCommentsInadequate', '2025-04-17')).toBe('2025-04-28');
    expect(driver.deadline('factualAccuracyComments', '2025-04-17')).toBeUndefined();
    expect(driver.advanceTo('2025-04-28').stage).toContain('commentWindowInadequate');
    const closed = driver.advanceTo('2025-04-29');
    expect(closed.stage).toContain('afterInspection.report.finalising');
    expect(closed.breaches).toEqual([]);
  });

  it('takes the inadequate window from the judgements as moderated when the draft is sent (E13)', () => {
    const driver = toFeedback(good);
    driver.send('manager', '2025-04-10', 'JUDGEMENTS_MODERATED', { judgements: inadequate, reasons: 'safeguarding evidence' });
    expect(driver.send('inspector', '2025-04-10', 'DRAFT_SENT').stage).toContain('commentWindowInadequate');
    const other = toFeedback(inadequate);
    other.send('manager', '2025-04-10', 'JUDGEMENTS_MODERATED', { judgements: good, reasons: 'moderation' });
    expect(other.send('inspector', '2025-04-10', 'DRAFT_SENT').stage).toContain('report.commentWindow,');
  });

  it("lets a manager extend the publication period in exceptional circumstances (¶68)", () => {
    const driver = toFeedback();
    // Due Thursday 1 May; 3 more working days: Friday 2 May, (Monday 5 May is a bank holiday), Tuesday 6, Wednesday 7 May.
    const extended = driver.send('manager', '2025-04-30', 'PUBLICATION_EXTENDED', { days: 3, reason: 'exceptional: linked school report' });
    expect(extended.deadlines.find((d) => d.clock === 'publication')!.due).toBe('2025-05-07');
    expect(overdue(driver.advanceTo('2025-05-07')).map(([clock]) => clock)).toEqual(['draftToCentre']);
    expect(overdue(driver.advanceTo('2025-05-08')).map(([clock]) => clock)).toEqual(['draftToCentre', 'publication']);
    expect(refusal(() => driver.send('inspector', '2025-05-08', 'PUBLICATION_EXTENDED', { days: 1, reason: 'x' }))).toMatchObject({ code: 'forbidden' });
  });

  it('publishes with the grade and asks for the publishReport effect', () => {
    const driver = toFeedback();
    driver.record.takeEffects();
    const view = toPublished(driver).view('2025-04-17');
    expect(view.status).toBe('awaiting_action_plan,complaint_window_open,linked_reports_sent');
    expect(view).toMatchObject({ grade: 'good', facts: { publishedDate: '2025-04-17', reportReceivedDate: '2025-04-17', moreFrequentInspection: false } });
    expect(driver.record.takeEffects().map((e) => e.type)).toEqual(['publishReport']);
    // 2 calendar months from receipt: 17 June 2025.
    expect(driver.deadline('actionPlan', '2025-04-17')).toBe('2025-06-17');
  });

  it("shows the local authority's action plan overdue, over New Year and a short February; a manager escalates only then; the late plan is a breach (¶70)", () => {
    const driver = new PureDriver(definition, '2024-11-25');
    driver.send('manager', '2024-11-25', 'CENTRE_NOTIFIED', { notifiedBy: 'ofsted' });
    driver.send('inspector', '2024-11-25', 'LEAD_INSPECTOR_CONTACTED');
    driver.send('inspector', '2024-11-28', 'INSPECTION_STARTED');
    driver.send('inspector', '2024-11-29', 'FEEDBACK_GIVEN', { judgements: inadequate });
    driver.send('inspector', '2024-12-10', 'DRAFT_SENT');
    driver.send('provider', '2024-12-11', 'COMMENTS_SUBMITTED');
    driver.send('manager', '2024-12-20', 'REPORT_PUBLISHED');
    // The local authority confirms it received the report on Tuesday 31 December 2024: two calendar months
    // later is 31 February, clamped to Friday 28 February 2025.
    const confirmed = driver.send('provider', '2024-12-31', 'REPORT_RECEIPT_CONFIRMED');
    expect(confirmed.facts).toMatchObject({ reportReceivedDate: '2024-12-31', moreFrequentInspection: true, grade: 'good' });
    expect(driver.deadline('actionPlan', '2024-12-31')).toBe('2025-02-28');
    const onTheDay = driver.advanceTo('2025-02-28');
    expect(onTheDay.allowedDecisions.map((d) => d.event)).not.toContain('ACTION_PLAN_ESCALATED');
    expect(refusal(() => driver.send('manager', '2025-02-28', 'ACTION_PLAN_ESCALATED', { reason: 'too soon' }))).toMatchObject({
      code: 'not_allowed_now',
      message: expect.stringContaining('due 2025-02-28, so not before 2025-03-01'),
    });
    const late = driver.advanceTo('2025-03-01');
    expect(late.stage).toContain('afterInspection.report.actionPlanDue');
    expect(overdue(late)).toEqual([['actionPlan', '2025-02-28']]);
    expect(late.allowedDecisions.map((d) => d.event)).toContain('ACTION_PLAN_ESCALATED');
    const escalated = driver.send('manager', '2025-03-03', 'ACTION_PLAN_ESCALATED', { reason: 'no plan two months after receipt' });
    expect(escalated.status).toContain('action_plan_escalated');
    expect(escalated.deadlines.find((d) => d.clock === 'actionPlan')!.due).toBe('2025-02-28');
    const received = driver.send('provider', '2025-03-10', 'ACTION_PLAN_RECEIVED');
    expect(breaches(received)).toEqual([['actionPlan', '2025-02-28', '2025-03-10']]);
    // The complaint window (feedback 29 Nov 2024 + 3 months = 28 Feb 2025) closed already: the inspection is over.
    expect(received).toMatchObject({ status: 'closed', done: true });
  });

  it('takes complaints within 3 months of the inspection and closes the window by itself (¶73)', () => {
    const driver = toPublished();
    const complaint = driver.send('provider', '2025-05-01', 'COMPLAINT_MADE', { summary: 'judgement not supported' });
    expect(complaint.status).toContain('complaint_under_review');
    expect(complaint.deadlines.find((d) => d.clock === 'complaintWindow')).toBeUndefined();
    driver.send('manager', '2025-05-20', 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' });
    driver.send('provider', '2025-06-02', 'ACTION_PLAN_RECEIVED');
    // Feedback 8 April 2025 + 3 calendar months: 8 July 2025.
    expect(driver.advanceTo('2025-07-08')).toMatchObject({ done: false });
    expect(driver.advanceTo('2025-07-09')).toMatchObject({ status: 'closed', done: true, grade: 'good' });
  });

  it('records linked inspections and each linked report sent, and ends only when all are sent (¶12, ¶13)', () => {
    const driver = new PureDriver(definition, '2025-03-31');
    driver.send('manager', '2025-03-31', 'LINKED_INSPECTION_RECORDED', { linkedId: 'EY-1', kind: 'early_years' });
    driver.send('manager', '2025-03-31', 'LINKED_INSPECTION_RECORDED', { linkedId: 'URN-100', kind: 'school' });
    toPublished(toFeedback(good, driver));
    expect(driver.view('2025-04-17').status).toContain('linked_reports_outstanding');
    driver.send('inspector', '2025-04-18', 'LINKED_REPORT_SENT', { linkedId: 'URN-100' });
    // A report already sent, or a linked inspection never recorded, is refused: the guard reads the payload.
    for (const linkedId of ['URN-100', 'NOT-LINKED']) {
      expect(refusal(() => driver.send('inspector', '2025-04-18', 'LINKED_REPORT_SENT', { linkedId }))).toMatchObject({
        code: 'not_allowed_now',
        message: expect.stringContaining('not allowed with these details'),
      });
    }
    driver.send('provider', '2025-05-02', 'ACTION_PLAN_RECEIVED');
    driver.advanceTo('2025-07-09');
    expect(driver.view('2025-07-09')).toMatchObject({ done: false, status: 'action_plan_received,complaint_window_closed,linked_reports_outstanding' });
    const done = driver.send('manager', '2025-07-10', 'LINKED_REPORT_SENT', { linkedId: 'EY-1' });
    expect(done).toMatchObject({ status: 'closed', done: true });
    expect(done.facts.linkedInspections).toEqual([
      { id: 'EY-1', kind: 'early_years', reportSentDate: '2025-07-10' },
      { id: 'URN-100', kind: 'school', reportSentDate: '2025-04-18' },
    ]);
  });

  it('defers back to scheduling or cancels, by a manager only (¶18)', () => {
    const driver = new PureDriver(definition, '2025-03-31');
    driver.send('manager', '2025-04-01', 'CENTRE_NOTIFIED', { notifiedBy: 'ofsted' });
    expect(refusal(() => driver.send('provider', '2025-04-01', 'INSPECTION_DEFERRED', { reason: 'x' }))).toMatchObject({ code: 'forbidden' });
    const deferred = driver.send('manager', '2025-04-02', 'INSPECTION_DEFERRED', { reason: 'centre closed by flooding' });
    expect(deferred).toMatchObject({ status: 'scheduled', deadlines: [], facts: { deferrals: 1, notificationDate: null } });
    expect(driver.send('manager', '2025-04-03', 'INSPECTION_CANCELLED', { reason: 'centre closed' })).toMatchObject({ status: 'cancelled', done: true });
  });

  it('refuses a judgement outside the four-point scale', () => {
    const driver = new PureDriver(definition, '2025-03-31');
    driver.send('inspector', '2025-04-01', 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: 'welfare' });
    const bad = { ...good, overallEffectiveness: 'requires_improvement' };
    expect(refusal(() => driver.send('inspector', '2025-04-01', 'FEEDBACK_GIVEN', { judgements: bad }))).toMatchObject({ code: 'invalid_payload' });
  });
});
