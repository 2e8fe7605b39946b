import { DECISIONS_AFTER, NOTICE_DECISIONS, NOTICE_OUTCOMES, rfcComplianceNotice2024 as definition } from '../../machines/sccif-rfc/complianceNotice';
import { PureDriver, breaches, overdue, refusal } from '../support/pureDriver';

/** Served before Easter 2025 with compliance due Thursday 17 April; Good Friday 18 and Easter Monday 21 April are bank holidays. */
const input = { noticeId: 'CN-1', requirement: 'Regulation 12: protect children from harm', complianceDate: '2025-04-17' };
const served = () => new PureDriver(definition, '2025-04-01', input);

function toCaseReview(outcome: string) {
  const driver = served();
  driver.send('inspector', '2025-04-22', 'FOLLOW_UP_VISITED', { visitId: 'MV-7' });
  driver.send('inspector', '2025-04-22', 'NOTICE_OUTCOME_RECORDED', { outcome });
  return driver;
}

describe('SCCIF RFC compliance notice (seed 002 §"Monitoring compliance notices")', () => {
  it('waits for the compliance date, with the follow-up visit due within 5 working days of it, across Easter', () => {
    const view = served().view('2025-04-01');
    expect(view).toMatchObject({ status: 'awaiting_compliance_date', facts: { ...input, dayBeforeComplianceDate: '2025-04-16' } });
    // Compliance date Thursday 17 April: Tue 22 (1), Wed 23, Thu 24, Fri 25, Mon 28 April (5).
    expect(view.deadlines.map((d) => [d.clock, d.due, d.kind])).toEqual([
      ['complianceDate', '2025-04-17', 'automatic'],
      ['followUpVisit', '2025-04-28', 'target'],
    ]);
    expect(view.allowedDecisions).toEqual([]);
  });

  it('moves to "follow-up due" by itself when the compliance date has passed, and not before', () => {
    const driver = served();
    expect(driver.advanceTo('2025-04-17').status).toBe('awaiting_compliance_date');
    const due = driver.advanceTo('2025-04-18');
    expect(due.status).toBe('follow_up_visit_due');
    expect(due.deadlines.map((d) => [d.clock, d.due])).toEqual([['followUpVisit', '2025-04-28']]);
    expect(due.allowedDecisions.map((d) => d.event)).toEqual(['FOLLOW_UP_VISITED']);
  });

  it('refuses a follow-up visit before the compliance date, and takes one on it (window [date, +5 WD], domain §7.11)', () => {
    const driver = served();
    expect(refusal(() => driver.send('inspector', '2025-04-16', 'FOLLOW_UP_VISITED', { visitId: 'MV-1' }))).toMatchObject({
      code: 'not_allowed_now',
    });
    const visited = driver.send('inspector', '2025-04-17', 'FOLLOW_UP_VISITED', { visitId: 'MV-1' });
    expect(visited).toMatchObject({ status: 'awaiting_outcome', deadlines: [], breaches: [], facts: { visitId: 'MV-1', visitedOn: '2025-04-17' } });
  });

  it('shows the follow-up overdue when no visit is held by the 5th working day, and a breach answered by the late visit', () => {
    const driver = served();
    expect(overdue(driver.advanceTo('2025-04-28'))).toEqual([]);
    const late = driver.advanceTo('2025-04-29');
    expect(late.status).toBe('follow_up_visit_due'); // a target: nothing moves on
    expect(overdue(late)).toEqual([['followUpVisit', '2025-04-28']]);
    const visited = driver.send('inspector', '2025-04-30', 'FOLLOW_UP_VISITED', { visitId: 'MV-2' });
    expect(breaches(visited)).toEqual([['followUpVisit', '2025-04-28', '2025-04-30']]);
  });

  it('takes the follow-up from inspectors only, and the case-review decision from managers only', () => {
    const driver = served();
    expect(refusal(() => driver.send('provider', '2025-04-22', 'FOLLOW_UP_VISITED', { visitId: 'MV-1' }))).toMatchObject({ code: 'forbidden' });
    const review = toCaseReview('met');
    expect(refusal(() => review.send('inspector', '2025-04-23', 'NOTICE_CASE_REVIEW_DECIDED', { decision: 'close' }))).toMatchObject({ code: 'forbidden' });
    expect(refusal(() => review.send('manager', '2025-04-23', 'NOTICE_CASE_REVIEW_DECIDED', { decision: 'ignore' }))).toMatchObject({ code: 'invalid_payload' });
  });

  const matrix = NOTICE_OUTCOMES.flatMap((outcome) => NOTICE_DECISIONS.map((decision) => [outcome, decision] as const));
  const finalStatus: Record<string, string> = {
    close: 'closed',
    further_notice: 'further_notice',
    cancel_registration: 'cancellation_of_registration',
    prosecution_considered: 'prosecution_considered',
  };
  it.each(matrix)('after the outcome "%s", the case review may decide "%s" only where the seed allows it', (outcome, decision) => {
    const driver = toCaseReview(outcome);
    if (DECISIONS_AFTER[outcome].includes(decision)) {
      const done = driver.send('manager', '2025-04-24', 'NOTICE_CASE_REVIEW_DECIDED', { decision });
      expect(done).toMatchObject({ done: true, status: finalStatus[decision], facts: { outcome, decision, decidedOn: '2025-04-24' } });
    } else {
      expect(refusal(() => driver.send('manager', '2025-04-24', 'NOTICE_CASE_REVIEW_DECIDED', { decision }))).toMatchObject({
        code: 'not_allowed_now',
        message: expect.stringContaining('not allowed with these details'),
      });
    }
  });

  it('reads the seed: met closes; not met cancels, serves a further notice or considers prosecution; a new failure is not a failed notice', () => {
    expect(DECISIONS_AFTER).toEqual({
      met: ['close'],
      not_met: ['further_notice', 'cancel_registration', 'prosecution_considered'],
      met_but_new_failure: ['close', 'further_notice'],
    });
  });
});
