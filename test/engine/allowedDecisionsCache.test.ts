import type { AnyMachineSnapshot } from 'xstate';
import { londonDateOf } from '../../calendar';
import { type InspectionRecord, allowedEvents, clocksAnswered } from '../../engine';
import { rfcFullInspection2024 as definition } from '../../machines/sccif-rfc/fullInspection';
import { PureDriver, middayOn } from '../support/pureDriver';

/** What the view's allowed decisions were before they were kept per snapshot and day: worked out afresh. */
function freshAnswers(record: InspectionRecord, now: number) {
  const snapshot = (record as unknown as { fold: { snapshot: AnyMachineSnapshot } }).fold.snapshot;
  return allowedEvents(definition, snapshot).map((event) => ({
    event,
    answers: clocksAnswered(definition, snapshot, event, londonDateOf(now))[0]?.spec.id ?? null,
  }));
}

const shown = (record: InspectionRecord, now: number) =>
  record.view(now).allowedDecisions.map((d) => ({ event: d.event, answers: d.answers?.clock ?? null }));

describe('allowed decisions, kept per snapshot and day (engine/inspectionRecord.ts)', () => {
  it('match a fresh computation after every decision, a missed target, a window closing by itself, and on later days', () => {
    const driver = new PureDriver(definition, '2024-12-02');
    const { record } = driver;
    const check = (date: string) => {
      const now = middayOn(date);
      const first = shown(record, now);
      expect(first).toEqual(freshAnswers(record, now));
      expect(shown(record, now)).toEqual(first); // asked again: the same answer
    };
    check('2024-12-02');
    driver.send('inspector', '2024-12-11', 'INSPECTION_STARTED');
    check('2024-12-11');
    check('2024-12-12');
    driver.send('inspector', '2024-12-13', 'FEEDBACK_GIVEN', {
      judgements: { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' },
    });
    check('2024-12-13');
    driver.advanceTo('2025-02-03'); // the draft report's target runs out: overdue, the stage unchanged
    check('2025-02-03');
    driver.send('inspector', '2025-02-04', 'DRAFT_REPORT_SENT');
    check('2025-02-04');
    driver.advanceTo('2025-03-03'); // the provider's comment window closes by itself
    check('2025-03-03');
    expect(record.view(middayOn('2025-03-03')).allowedDecisions.length).toBeGreaterThan(0);
  });
});
