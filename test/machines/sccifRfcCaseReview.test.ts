import { rfcCaseReview2024 as definition } from '../../machines/sccif-rfc/caseReview';
import { PureDriver, breaches, overdue, refusal } from '../support/pureDriver';

/** Inspection judged inadequate, feedback on Wednesday 16 April 2025; Good Friday 18 and Easter Monday 21 April follow. */
const ENDED = '2025-04-16';
const decision = {
  nextInspectionBy: '2025-10-16',
  nextInspectionType: 'full',
  monitoringVisits: { everyWeeks: 2, announced: false },
  complianceNotices: [
    { noticeId: 'CN-1', requirement: 'Regulation 12: protect children from harm', complianceDate: '2025-05-09' },
    { noticeId: 'CN-2', requirement: 'Regulation 17: staffing', complianceDate: '2025-05-16' },
  ],
};
const started = () => new PureDriver(definition, ENDED, { inspectionEndedOn: ENDED });
function toDecided() {
  const driver = started();
  driver.send('inspector', '2025-04-17', 'DEBRIEF_HELD', { recommendation: 'reinspect within 6 months; two compliance notices' });
  driver.send('manager', '2025-04-22', 'CASE_REVIEW_DECIDED', decision);
  return driver;
}

describe('SCCIF RFC inadequate track: debrief, case review, alerts (seed 002 §"Inadequate judgements: next steps")', () => {
  it('starts with the debrief, the case review due within 5 working days of the inspection across Easter, and the 6-month look-back', () => {
    const view = started().view(ENDED);
    expect(view.status).toBe('awaiting_debrief');
    expect(view.allowedDecisions.map((d) => d.event)).toEqual(['DEBRIEF_HELD']);
    // Wed 16 April 2025: Thu 17 (1), Good Friday and Easter Monday skipped, Tue 22 (2), Wed 23 (3), Thu 24 (4), Fri 25 April (5).
    expect(view.deadlines.map((d) => [d.clock, d.due, d.kind])).toEqual([['caseReview', '2025-04-25', 'target']]);
    expect(view.facts).toMatchObject({ inspectionEndedOn: ENDED, alertLookBackFrom: '2024-10-16' });
  });

  it('records the debrief recommendation, then takes the manager\'s decision on time, closing the clock as met', () => {
    const driver = toDecided();
    const view = driver.view('2025-04-22');
    expect(view.allowedDecisions.map((d) => d.event)).toEqual(['LA_ALERTS_SENT']);
    expect(view).toMatchObject({
      status: 'alerting_local_authorities',
      deadlines: [],
      breaches: [],
      facts: { debriefedOn: '2025-04-17', debriefRecommendation: expect.stringContaining('reinspect'), decision, decidedOn: '2025-04-22' },
    });
    const closed = driver.record.takeEntries().find((e) => e.kind === 'deadline.closed');
    expect(closed?.data).toMatchObject({ clock: 'caseReview', due: '2025-04-25', met: true });
  });

  it('shows the case review overdue past its 5 working days, without moving on; the late decision is a breach', () => {
    const driver = started();
    driver.send('inspector', '2025-04-17', 'DEBRIEF_HELD', { recommendation: 'compliance notice' });
    expect(overdue(driver.advanceTo('2025-04-25'))).toEqual([]);
    const late = driver.advanceTo('2025-04-28');
    expect(late).toMatchObject({ status: 'awaiting_case_review', breaches: [] });
    expect(overdue(late)).toEqual([['caseReview', '2025-04-25']]);
    expect(breaches(driver.send('manager', '2025-04-29', 'CASE_REVIEW_DECIDED', decision))).toEqual([['caseReview', '2025-04-25', '2025-04-29']]);
  });

  it('takes the case-review decision from a manager only, after the debrief, with a well-formed payload', () => {
    const driver = started();
    expect(refusal(() => driver.send('manager', '2025-04-17', 'CASE_REVIEW_DECIDED', decision))).toMatchObject({ code: 'not_allowed_now' });
    driver.send('manager', '2025-04-17', 'DEBRIEF_HELD', { recommendation: 'monitoring visits' });
    expect(refusal(() => driver.send('inspector', '2025-04-17', 'CASE_REVIEW_DECIDED', decision))).toMatchObject({ code: 'forbidden' });
    for (const bad of [
      { ...decision, nextInspectionType: 'monitoring' },
      { ...decision, monitoringVisits: { everyWeeks: 0, announced: false } },
      { ...decision, monitoringVisits: { everyWeeks: 1.5, announced: true } },
      { ...decision, complianceNotices: [decision.complianceNotices[0], decision.complianceNotices[0]] },
      { ...decision, complianceNotices: [{ noticeId: 'CN-3', requirement: '', complianceDate: '2025-05-01' }] },
      { ...decision, complianceNotices: [{ noticeId: 'CN-3', requirement: 'x', complianceDate: '2025-02-30' }] },
    ]) {
      expect(refusal(() => driver.send('manager', '2025-04-17', 'CASE_REVIEW_DECIDED', bad))).toMatchObject({ code: 'invalid_payload' });
    }
  });

  it('refuses a decision whose next inspection or compliance date is not after the case review', () => {
    const driver = started();
    expect(driver.send('manager', '2025-04-17', 'DEBRIEF_HELD', { recommendation: 'x' }).allowedDecisions.map((d) => d.event)).toEqual(['CASE_REVIEW_DECIDED']);
    const past = { ...decision, complianceNotices: [{ noticeId: 'CN-1', requirement: 'x', complianceDate: '2025-04-22' }] };
    expect(refusal(() => driver.send('manager', '2025-04-22', 'CASE_REVIEW_DECIDED', past))).toMatchObject({
      code: 'not_allowed_now',
      message: expect.stringContaining('with these details'),
    });
    expect(refusal(() => driver.send('manager', '2025-04-22', 'CASE_REVIEW_DECIDED', { ...decision, nextInspectionBy: '2025-04-22' }))).toMatchObject({ code: 'not_allowed_now' });
    const none = driver.send('manager', '2025-04-22', 'CASE_REVIEW_DECIDED', { ...decision, monitoringVisits: null, complianceNotices: [] });
    expect(none.facts.decision).toEqual({ ...decision, monitoringVisits: null, complianceNotices: [] });
  });

  it('records the alerts sent to placing authorities (current and previous 6 months), then confirmed by phone', () => {
    const driver = toDecided();
    const sent = driver.send('inspector', '2025-04-23', 'LA_ALERTS_SENT', { currentAuthorities: 2, previousSixMonthsAuthorities: 3 });
    expect(sent).toMatchObject({ status: 'awaiting_alert_confirmation', facts: { alertsSentOn: '2025-04-23', currentAuthorities: 2, previousSixMonthsAuthorities: 3 } });
    expect(refusal(() => driver.send('manager', '2025-04-24', 'LA_ALERTS_CONFIRMED'))).toMatchObject({ code: 'forbidden' });
    const done = driver.send('inspector', '2025-04-24', 'LA_ALERTS_CONFIRMED');
    expect(done).toMatchObject({ status: 'alerts_confirmed', done: true, facts: { alertsConfirmedOn: '2025-04-24' } });
  });

  it('ends without phone calls when no family was placed now or in the previous 6 months', () => {
    const driver = toDecided();
    const done = driver.send('inspector', '2025-04-23', 'LA_ALERTS_SENT', { currentAuthorities: 0, previousSixMonthsAuthorities: 0 });
    expect(done).toMatchObject({ status: 'no_authority_to_alert', done: true });
    expect(refusal(() => driver.send('inspector', '2025-04-23', 'LA_ALERTS_SENT', { currentAuthorities: -1, previousSixMonthsAuthorities: 0 }))).toBeDefined();
  });
});
