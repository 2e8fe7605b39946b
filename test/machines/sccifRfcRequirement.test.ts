import { rfcRecommendation2024 as recommendation } from '../../machines/sccif-rfc/recommendation';
import { rfcRequirement2024 as requirement } from '../../machines/sccif-rfc/requirement';
import { PureDriver, overdue, refusal } from '../support/pureDriver';

/** Made at feedback on Wednesday 16 April 2025, due Tuesday 22 April: before any report, across Good Friday and Easter Monday. */
const made = () => new PureDriver(requirement, '2025-04-16', { requirementId: 'R-1', regulation: 'Regulation 12(2)(a)', dueDate: '2025-04-22' });

describe('SCCIF RFC requirement (seed 002 §"Requirements")', () => {
  it('runs a due clock to the end of the due date set at feedback, which may fall before the report', () => {
    const driver = made();
    expect(driver.view('2025-04-16')).toMatchObject({ status: 'open', facts: { dueDate: '2025-04-22', dayBeforeDueDate: '2025-04-21' } });
    expect(driver.view('2025-04-16').deadlines.map((d) => [d.clock, d.due, d.kind])).toEqual([['dueDate', '2025-04-22', 'automatic']]);
    expect(driver.advanceTo('2025-04-22').status).toBe('open');
    expect(driver.advanceTo('2025-04-23')).toMatchObject({ status: 'awaiting_check', deadlines: [] });
  });

  it('can be found met before its date, but not "not met" until the date has passed', () => {
    const early = made();
    expect(refusal(() => early.send('inspector', '2025-04-17', 'REQUIREMENT_CHECKED', { outcome: 'not_met' }))).toMatchObject({ code: 'not_allowed_now' });
    expect(early.send('inspector', '2025-04-17', 'REQUIREMENT_CHECKED', { outcome: 'met' })).toMatchObject({ status: 'met', done: true, facts: { checkedOn: '2025-04-17' } });
  });

  it('is met after its date, or not met and escalated to enforcement by a manager with the chosen action', () => {
    const met = made();
    expect(met.send('inspector', '2025-04-24', 'REQUIREMENT_CHECKED', { outcome: 'met' }).status).toBe('met');
    const driver = made();
    expect(driver.send('inspector', '2025-04-24', 'REQUIREMENT_CHECKED', { outcome: 'not_met' }).status).toBe('not_met');
    expect(refusal(() => driver.send('inspector', '2025-04-25', 'ESCALATED_TO_ENFORCEMENT', { action: 'compliance_notice' }))).toMatchObject({ code: 'forbidden' });
    expect(refusal(() => driver.send('manager', '2025-04-25', 'ESCALATED_TO_ENFORCEMENT', { action: 'suspension' }))).toMatchObject({ code: 'invalid_payload' });
    const done = driver.send('manager', '2025-04-25', 'ESCALATED_TO_ENFORCEMENT', { action: 'compliance_notice', details: 'notice CN-4 served' });
    expect(done).toMatchObject({ status: 'enforcement', done: true, facts: { outcome: 'not_met', enforcementAction: 'compliance_notice', enforcementDetails: 'notice CN-4 served', escalatedOn: '2025-04-25' } });
  });
});

describe('SCCIF RFC recommendation (seed 002 §"Recommendations")', () => {
  const input = { recommendationId: 'REC-1', standard: 'NMS 5: assessment of parenting capacity', nextInspectionDueBy: '2025-12-25' };

  it('waits for the next inspection, overdue if still unchecked after the date it was due by', () => {
    const driver = new PureDriver(recommendation, '2025-04-16', input);
    // Due by Christmas Day 2025: a calendar date, overdue at the end of it whatever the holiday.
    expect(driver.view('2025-04-16').deadlines.map((d) => [d.clock, d.due, d.kind])).toEqual([['nextInspection', '2025-12-25', 'target']]);
    expect(overdue(driver.advanceTo('2025-12-25'))).toEqual([]);
    expect(overdue(driver.advanceTo('2025-12-26'))).toEqual([['nextInspection', '2025-12-25']]);
    expect(new PureDriver(recommendation, '2025-04-16', { recommendationId: 'REC-2', standard: 'NMS 5' }).view('2025-04-16').deadlines).toEqual([]);
  });

  it('is met, not met, or turned into a requirement with its due date and regulation', () => {
    const met = new PureDriver(recommendation, '2025-04-16', input);
    expect(met.send('inspector', '2025-10-01', 'RECOMMENDATION_CHECKED', { outcome: 'met' })).toMatchObject({ status: 'met', done: true });
    const notMet = new PureDriver(recommendation, '2025-04-16', input);
    expect(notMet.send('inspector', '2025-10-01', 'RECOMMENDATION_CHECKED', { outcome: 'not_met' }).status).toBe('not_met');
    const turned = new PureDriver(recommendation, '2025-04-16', input);
    expect(refusal(() => turned.send('inspector', '2025-10-01', 'RECOMMENDATION_CHECKED', { outcome: 'turned_into_requirement' }))).toMatchObject({ code: 'invalid_payload' });
    expect(refusal(() => turned.send('inspector', '2025-10-01', 'RECOMMENDATION_CHECKED', { outcome: 'met', requirementDueDate: '2025-11-01' }))).toMatchObject({ code: 'invalid_payload' });
    expect(refusal(() => turned.send('manager', '2025-10-01', 'RECOMMENDATION_CHECKED', { outcome: 'met' }))).toMatchObject({ code: 'forbidden' });
    const view = turned.send('inspector', '2025-10-01', 'RECOMMENDATION_CHECKED', { outcome: 'turned_into_requirement', requirementDueDate: '2025-11-03', regulation: 'Regulation 12' });
    expect(view).toMatchObject({ status: 'turned_into_requirement', done: true, facts: { requirementDueDate: '2025-11-03', regulation: 'Regulation 12', checkedOn: '2025-10-01' } });
  });
});
