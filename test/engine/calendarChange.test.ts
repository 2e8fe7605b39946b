import { type CalendarVersion, SHIPPED_CALENDAR, addWorkingDays, withChange } from '../../calendar';
import { DecisionRefusedError, InspectionRecord } from '../../engine';
import { getDefinition } from '../../machines/registry';
import { goodJudgements2014 } from '../support/historyScenarios/rfc2014Full';
import { PROVIDER_ID, actors, middayOn } from '../support/pureDriver';

/**
 * A bank holiday proclaimed while inspections run: the state funeral of 19 September 2022, proclaimed ten days before.
 * The shipped list already has the day, so the scenario starts from the list as it stood before: the shipped list with
 * that day withdrawn.
 */
const FUNERAL = '2022-09-19';
const beforeProclamation: CalendarVersion = withChange(SHIPPED_CALENDAR, {
  action: 'withdraw',
  date: FUNERAL,
  source: 'The list as it stood on 1 September 2022, before the state funeral was proclaimed',
});
const proclaimed: CalendarVersion = withChange(beforeProclamation, {
  action: 'add',
  date: FUNERAL,
  title: 'Bank Holiday for the State Funeral of Queen Elizabeth II',
  source: 'Royal Proclamation of a bank holiday for the State Funeral of Queen Elizabeth II (GOV.UK, September 2022)',
});
const PROCLAIMED_ON = middayOn('2022-09-09');

const rfc2014 = getDefinition('sccif-rfc-full', 0, 1);

/** A 2014 residential family centre inspection under the list before the proclamation, fed back on `feedbackOn`. */
function inspectionFedBackOn(id: string, feedbackOn: string, calendar: CalendarVersion = beforeProclamation) {
  const startedOn = addWorkingDays(feedbackOn, -1);
  const record = InspectionRecord.start(rfc2014, { inspectionId: id, providerId: PROVIDER_ID, input: {}, actor: actors.manager, now: middayOn(startedOn), calendar });
  record.decide({ event: 'INSPECTION_STARTED', at: startedOn }, actors.inspector, middayOn(startedOn));
  record.decide({ event: 'FEEDBACK_GIVEN', at: feedbackOn, judgements: goodJudgements2014 }, actors.inspector, middayOn(feedbackOn));
  return record;
}

const dues = (record: InspectionRecord, now: number) => Object.fromEntries(record.view(now).deadlines.map((d) => [d.clock, d.due]));

describe('a bank holiday proclaimed under running inspections (the state funeral of 2022)', () => {
  it('moves the running deadlines that span the new day by one working day, audits each move, and leaves the rest', () => {
    const spanning = inspectionFedBackOn('spanning', '2022-09-05');
    const finished = inspectionFedBackOn('clear', '2022-08-15');
    finished.decide({ event: 'DRAFT_REPORT_SENT', at: '2022-08-26' }, actors.inspector, middayOn('2022-08-26'));
    finished.fireDueClocks(PROCLAIMED_ON);
    finished.takeEntries();
    spanning.takeEntries();
    expect(dues(spanning, PROCLAIMED_ON)).toEqual({ draftReport: '2022-09-19', publication: '2022-10-03' });
    expect(dues(finished, PROCLAIMED_ON)).toEqual({ publication: '2022-09-13' });

    const preview = spanning.previewCalendarChange(proclaimed, PROCLAIMED_ON);
    expect(preview.ok && preview.preview.deadlines).toEqual([
      { clock: 'draftReport', label: expect.any(String), before: '2022-09-19', after: '2022-09-20' },
      { clock: 'publication', label: expect.any(String), before: '2022-10-03', after: '2022-10-04' },
    ]);
    const clear = finished.previewCalendarChange(proclaimed, PROCLAIMED_ON);
    expect(clear.ok && clear.preview.deadlines).toEqual([]);

    const view = spanning.changeCalendar(proclaimed, actors.manager, PROCLAIMED_ON);
    expect(view.calendar).toBe(proclaimed.version);
    expect(dues(spanning, PROCLAIMED_ON)).toEqual({ draftReport: '2022-09-20', publication: '2022-10-04' });
    const entries = spanning.takeEntries();
    expect(entries.map((e) => e.kind)).toEqual(['calendar.changed', 'deadline.set', 'deadline.set']);
    expect(entries[0]!.data).toMatchObject({ from: beforeProclamation.version, to: proclaimed.version, changes: [proclaimed.changes[1]] });
    expect(entries[0]!.source).toBe(proclaimed.changes[1]!.source);
    expect(entries.slice(1).map((e) => e.data)).toEqual([
      { clock: 'draftReport', due: '2022-09-20', replaces: '2022-09-19', calendar: { from: beforeProclamation.version, to: proclaimed.version, source: proclaimed.changes[1]!.source } },
      { clock: 'publication', due: '2022-10-04', replaces: '2022-10-03', calendar: { from: beforeProclamation.version, to: proclaimed.version, source: proclaimed.changes[1]!.source } },
    ]);

    finished.changeCalendar(proclaimed, actors.manager, PROCLAIMED_ON);
    expect(finished.takeEntries().map((e) => e.kind)).toEqual(['calendar.changed']);
    expect(dues(finished, PROCLAIMED_ON)).toEqual({ publication: '2022-09-13' });

    // The draft sent on the old due date is on time under the new one; sent on the new one, it is on time too.
    spanning.decide({ event: 'DRAFT_REPORT_SENT', at: '2022-09-20' }, actors.inspector, middayOn('2022-09-20'));
    expect(spanning.view(middayOn('2022-09-20')).breaches).toEqual([]);
  });

  it('is applied once, only forward, and not to an inspection read in arrival order', () => {
    const record = inspectionFedBackOn('once', '2022-09-05');
    record.changeCalendar(proclaimed, actors.manager, PROCLAIMED_ON);
    const again = record.previewCalendarChange(proclaimed, PROCLAIMED_ON);
    expect(!again.ok && again.message).toMatch(/already counts working days with calendar/);
    const back = record.previewCalendarChange(beforeProclamation, PROCLAIMED_ON);
    expect(!back.ok && back.message).toMatch(/only moves forward/);
    const arrival = InspectionRecord.start(rfc2014, { inspectionId: 'arrival', providerId: PROVIDER_ID, input: {}, actor: actors.manager, now: middayOn('2022-09-01'), engineRevision: 1, calendar: beforeProclamation });
    expect(() => arrival.changeCalendar(proclaimed, actors.manager, PROCLAIMED_ON)).toThrow(DecisionRefusedError);
  });

  it('does not re-open a deadline that ran out before the change', () => {
    const record = inspectionFedBackOn('overdue', '2022-08-15', beforeProclamation);
    const late = middayOn('2022-09-14');
    record.fireDueClocks(late);
    expect(record.view(late).deadlines.find((d) => d.clock === 'draftReport')).toMatchObject({ due: '2022-08-30', overdue: true });
    const withdrawn = withChange(beforeProclamation, { action: 'withdraw', date: '2022-08-29', source: 'a correction' });
    const preview = record.previewCalendarChange(withdrawn, late);
    expect(preview.ok && preview.preview.deadlines).toEqual([]);
  });
});
