import { rfcMonitoringVisit2024 as definition } from '../../machines/sccif-rfc/monitoringVisit';
import { rfcMonitoringVisit2024v2 } from '../../machines/sccif-rfc/monitoringVisitV2';
import { rfcMonitoringVisit2024v3 } from '../../machines/sccif-rfc/monitoringVisitV3';
import { PureDriver, overdue, refusal } from '../support/pureDriver';

const ri = { overallExperiencesAndProgress: 'requires_improvement', helpAndProtection: 'requires_improvement', leadershipAndManagement: 'requires_improvement' };
const rd = { decidedBy: 'regional_director' };

/** Visit on Tuesday 10 December 2024, feedback (the end of the visit) on Wednesday 11: every report clock crosses Christmas and New Year. */
function toFeedback(judgements?: Record<string, string>, driver = new PureDriver(definition, '2024-12-02', { kind: 'progress_after_inadequate' })) {
  driver.send('inspector', '2024-12-10', 'VISIT_STARTED', { purpose: 'progress since the inadequate inspection in June' });
  driver.send('inspector', '2024-12-11', 'FEEDBACK_GIVEN', judgements ? { judgements } : {});
  return driver;
}
/** Draft on its last day (Thursday 9 January 2025), no comments, final on its last day (Monday 27 January). */
function toFinal(driver = toFeedback(ri)) {
  driver.send('inspector', '2025-01-09', 'DRAFT_REPORT_SENT');
  driver.send('inspector', '2025-01-27', 'FINAL_REPORT_SENT');
  return driver;
}

describe('SCCIF RFC monitoring visit (seed 002 §"Monitoring visits")', () => {
  it('starts planned, unannounced unless the input says so, with the kind of visit recorded', () => {
    const view = new PureDriver(definition, '2024-12-02', { kind: 'compliance_or_enforcement' }).view('2024-12-02');
    expect(view).toMatchObject({ status: 'planned', deadlines: [], grade: null, facts: { kind: 'compliance_or_enforcement', announced: false, jointVisit: null } });
    expect(view.allowedDecisions.map((d) => d.event)).toEqual(['JOINT_VISIT_AUTHORISED', 'VISIT_STARTED']);
    expect(new PureDriver(definition, '2024-12-02', { kind: 'specific_concern', announced: true }).view('2024-12-02').facts.announced).toBe(true);
    expect(definition.inputSchema.safeParse({ kind: 'routine' }).success).toBe(false);
  });

  it("takes a joint visit only as the regional director's authorisation, once, with the legal services view recorded", () => {
    const driver = new PureDriver(definition, '2024-12-02', { kind: 'specific_concern' });
    const joint = { agency: 'police', legalServicesView: 'no legal objection; roles agreed in advance' };
    expect(refusal(() => driver.send('inspector', '2024-12-03', 'JOINT_VISIT_AUTHORISED', { ...rd, ...joint }))).toMatchObject({ code: 'forbidden' });
    expect(refusal(() => driver.send('manager', '2024-12-03', 'JOINT_VISIT_AUTHORISED', { decidedBy: 'rim', ...joint }))).toMatchObject({ code: 'invalid_payload' });
    expect(refusal(() => driver.send('manager', '2024-12-03', 'JOINT_VISIT_AUTHORISED', { ...rd, agency: 'police' }))).toMatchObject({ code: 'invalid_payload' });
    const view = driver.send('manager', '2024-12-03', 'JOINT_VISIT_AUTHORISED', { ...rd, ...joint });
    expect(view.facts.jointVisit).toEqual({ ...joint, authorisedOn: '2024-12-03', decidedBy: 'regional_director' });
    expect(refusal(() => driver.send('manager', '2024-12-04', 'JOINT_VISIT_AUTHORISED', { ...rd, ...joint }))).toMatchObject({ code: 'not_allowed_now' });
  });

  it('re-grades when the visit makes a new judgement at feedback, and keeps the grade empty when it does not', () => {
    const regraded = toFeedback(ri).view('2024-12-11');
    expect(regraded).toMatchObject({ status: 'manager_review', grade: 'requires_improvement', facts: { feedbackDate: '2024-12-11', judgements: ri, purpose: expect.any(String) } });
    expect(toFeedback().view('2024-12-11')).toMatchObject({ grade: null, facts: { judgements: null } });
    const driver = new PureDriver(definition, '2024-12-02', { kind: 'progress_after_inadequate' });
    driver.send('inspector', '2024-12-10', 'VISIT_STARTED', { purpose: 'progress' });
    // Limiting judgement: help and protection inadequate makes overall inadequate.
    const broken = { ...ri, helpAndProtection: 'inadequate' };
    expect(refusal(() => driver.send('inspector', '2024-12-11', 'FEEDBACK_GIVEN', { judgements: broken }))).toMatchObject({ code: 'invalid_payload' });
  });

  it('sets the draft (18 WD) and final (30 WD) targets from the end of the visit, across Christmas and New Year', () => {
    const view = toFeedback(ri).view('2024-12-11');
    // 11 Dec 2024 + 18 WD, skipping 25, 26 Dec and 1 Jan: Thursday 9 January; + 30 WD: Monday 27 January 2025.
    expect(view.deadlines.map((d) => [d.clock, d.due, d.kind])).toEqual([
      ['draftReport', '2025-01-09', 'target'],
      ['finalReport', '2025-01-27', 'target'],
    ]);
  });

  it('shows the draft overdue when it is late, without moving on', () => {
    const driver = toFeedback(ri);
    expect(overdue(driver.advanceTo('2025-01-09'))).toEqual([]);
    const late = driver.advanceTo('2025-01-10');
    expect(late).toMatchObject({ status: 'manager_review', breaches: [] });
    expect(overdue(late)).toEqual([['draftReport', '2025-01-09']]);
  });

  it("closes the provider's 5 working-day comment window by itself", () => {
    const driver = toFeedback(ri);
    driver.send('inspector', '2025-01-09', 'DRAFT_REPORT_SENT');
    // Thursday 9 January + 5 WD: 10, 13, 14, 15, 16 January.
    expect(driver.deadline('commentWindow', '2025-01-09')).toBe('2025-01-16');
    expect(driver.advanceTo('2025-01-16').status).toBe('awaiting_provider_comments');
    expect(driver.advanceTo('2025-01-17')).toMatchObject({ status: 'finalising_report', facts: { commentsReceived: false } });
  });

  it('publishes by itself 5 working days after the final report, with the new grade, asking for publishReport', () => {
    const driver = toFinal();
    driver.record.takeEffects();
    // Monday 27 January + 5 WD: 28, 29, 30, 31 January, Monday 3 February 2025.
    expect(driver.view('2025-01-27').deadlines.map((d) => [d.clock, d.due, d.kind])).toEqual([['publication', '2025-02-03', 'automatic']]);
    expect(driver.advanceTo('2025-02-03').status).toBe('awaiting_publication');
    const published = driver.advanceTo('2025-02-04');
    expect(published).toMatchObject({ status: 'published', done: true, grade: 'requires_improvement', breaches: [], facts: { publishedDate: '2025-02-03' } });
    expect(driver.record.takeEffects().map((e) => e.type)).toEqual(['publishReport']);
  });

  it('ends not published when the regional director so decides before publication, with reasons: the clock stops', () => {
    const driver = toFinal();
    driver.record.takeEffects();
    expect(refusal(() => driver.send('inspector', '2025-01-28', 'PUBLICATION_WITHHELD', { ...rd, reasons: 'x' }))).toMatchObject({ code: 'forbidden' });
    expect(refusal(() => driver.send('manager', '2025-01-28', 'PUBLICATION_WITHHELD', rd))).toMatchObject({ code: 'invalid_payload' });
    const withheld = driver.send('manager', '2025-01-28', 'PUBLICATION_WITHHELD', { ...rd, reasons: 'a police investigation would be prejudiced' });
    expect(withheld).toMatchObject({
      status: 'not_published',
      done: true,
      deadlines: [],
      grade: 'requires_improvement',
      facts: { publishedDate: null, publicationWithheld: { reasons: 'a police investigation would be prejudiced', decidedOn: '2025-01-28', decidedBy: 'regional_director' } },
    });
    expect(driver.advanceTo('2025-02-10').status).toBe('not_published');
    expect(driver.record.takeEffects()).toEqual([]);
  });

  it('takes the decision not to publish during reporting too: the final report then ends the visit, no publication clock ever set', () => {
    const driver = toFeedback(ri);
    driver.send('manager', '2024-12-20', 'PUBLICATION_WITHHELD', { ...rd, reasons: 'exceptional: linked court proceedings' });
    expect(refusal(() => driver.send('manager', '2024-12-20', 'PUBLICATION_WITHHELD', { ...rd, reasons: 'again' }))).toMatchObject({ code: 'not_allowed_now' });
    driver.send('inspector', '2025-01-06', 'DRAFT_REPORT_SENT');
    driver.send('provider', '2025-01-07', 'COMMENTS_SUBMITTED');
    const final = driver.send('manager', '2025-01-08', 'FINAL_REPORT_SENT');
    expect(final).toMatchObject({ status: 'not_published', done: true, deadlines: [], facts: { finalReportSentDate: '2025-01-08', commentsReceived: true } });
    const set = driver.record.takeEntries().filter((e) => e.kind === 'deadline.set').map((e) => e.data.clock);
    expect(set).not.toContain('publication');
    expect(driver.record.takeEffects()).toEqual([]);
  });
});

describe('SCCIF RFC monitoring visit revision 3: the formal complaint on the draft (seed 002 §"Review of the monitoring report and evidence base"; §"Annex for figures" steps 4–6)', () => {
  const drafted = (judgements?: Record<string, string>) => {
    const driver = toFeedback(judgements, new PureDriver(rfcMonitoringVisit2024v3, '2024-12-02', { kind: 'progress_after_inadequate' }));
    driver.send('inspector', '2025-01-09', 'DRAFT_REPORT_SENT');
    return driver;
  };

  it('takes a complaint within the comment window; the final report clock stops while it is open and is extended by the working days it took', () => {
    const driver = drafted(ri);
    expect(driver.send('provider', '2025-01-13', 'COMPLAINT_MADE', { summary: 'the re-grade ignores the new manager' })).toMatchObject({ status: 'complaint_under_review', deadlines: [] });
    // Open from Monday 13 to Monday 20 January: 5 working days, so the final report is due 5 working days after 27 January.
    const answered = driver.send('manager', '2025-01-20', 'COMPLAINT_RESPONDED', { outcome: 'partly_upheld', judgements: { ...ri, leadershipAndManagement: 'good' } });
    expect(answered).toMatchObject({ status: 'finalising_report', grade: 'requires_improvement', facts: { complaintOutcome: 'partly_upheld', complaintWorkingDays: 5 } });
    expect(answered.deadlines.map((d) => [d.clock, d.due])).toEqual([['finalReport', '2025-02-03']]);
  });

  it('refuses a new judgement in answer to a complaint about a visit that made none, saying why, and changes nothing', () => {
    const driver = drafted();
    driver.send('provider', '2025-01-13', 'COMPLAINT_MADE', { summary: 'the report misstates the visit' });
    const refused = refusal(() => driver.send('manager', '2025-01-20', 'COMPLAINT_RESPONDED', { outcome: 'upheld', judgements: ri }));
    expect(refused.message).toMatch(/made no new judgement/);
    expect(driver.view('2025-01-20')).toMatchObject({ status: 'complaint_under_review', grade: null });
    expect(driver.send('manager', '2025-01-20', 'COMPLAINT_RESPONDED', { outcome: 'upheld' }).status).toBe('finalising_report');
  });

  it('takes no complaint after the window, nor at any point in revision 2', () => {
    const late = drafted(ri);
    late.advanceTo('2025-01-17');
    expect(refusal(() => late.send('provider', '2025-01-17', 'COMPLAINT_MADE', { summary: 'late' })).code).toBe('not_allowed_now');
    expect(rfcMonitoringVisit2024v2.events.COMPLAINT_MADE).toBeUndefined();
  });
});
