import { createHash } from 'node:crypto';
import { type CalendarVersion, HOLIDAY_DATA_VERSION, SHIPPED_CALENDAR, addWorkingDays, bankHolidayOn, calendarYear, dueAcrossCalendars, endOfLondonDay, holidayCalendarOf, withCalendar, withCalendars, withChange } from '../../calendar';
import { SHIPPED_HOLIDAYS } from '../../calendar/bankHolidays';
import { middayOn } from '../support/pureDriver';

/**
 * Calendar versions (calendar/holidayCalendar.ts): the shipped list, and each change published after it. The state
 * funeral of 19 September 2022 serves as the proclaimed day, from the list as it stood before it (the shipped list with
 * the day withdrawn).
 */
const FUNERAL = '2022-09-19';
const beforeProclamation: CalendarVersion = withChange(SHIPPED_CALENDAR, { action: 'withdraw', date: FUNERAL, source: 'The list as it stood on 1 September 2022' });
const proclaimed: CalendarVersion = withChange(beforeProclamation, { action: 'add', date: FUNERAL, title: 'Bank Holiday for the State Funeral of Queen Elizabeth II', source: 'Royal Proclamation' });
const PROCLAIMED_ON = middayOn('2022-09-09');

describe('the shipped list', () => {
  /**
   * An inspection started without a calendar version counts its working days with these days, and replays with them:
   * they never change. A day proclaimed or withdrawn after they shipped is published as a calendar change instead
   * (POST /calendar/changes), which running inspections take deliberately, audited. Titles, notes and the published
   * range may be corrected; the days may not.
   */
  it(`has the days it shipped with as version ${HOLIDAY_DATA_VERSION}, published and by rule`, () => {
    const days = SHIPPED_HOLIDAYS.map((h) => h.date).join('\n');
    expect({ version: HOLIDAY_DATA_VERSION, days: SHIPPED_HOLIDAYS.length, sha256: createHash('sha256').update(days).digest('hex') }).toEqual({
      version: '2026-11-22',
      days: 1525,
      sha256: 'c900d1033a4e1399a77d51d5b69295d7e52bc68216adc0b4c938f121418e3140',
    });
  });
});

describe('calendar versions', () => {
  it('are named by the shipped version and the number of changes after it, and refuse a change that cannot be made', () => {
    expect(beforeProclamation.version).toBe(`${SHIPPED_CALENDAR.version}+1`);
    expect(proclaimed.version).toBe(`${SHIPPED_CALENDAR.version}+2`);
    expect(withCalendar(beforeProclamation, () => addWorkingDays('2022-09-05', 10))).toBe('2022-09-19');
    expect(withCalendar(proclaimed, () => addWorkingDays('2022-09-05', 10))).toBe('2022-09-20');
    expect(addWorkingDays('2022-09-05', 10)).toBe('2022-09-20');
    expect(() => withChange(proclaimed, { action: 'add', date: FUNERAL, title: 'again', source: 'x' })).toThrow(/already a bank holiday/);
    expect(() => withChange(proclaimed, { action: 'add', date: '2022-09-17', title: 'a Saturday', source: 'x' })).toThrow(/weekend/);
    expect(() => withChange(proclaimed, { action: 'withdraw', date: '2022-09-20', source: 'x' })).toThrow(/not a bank holiday/);
    expect(() => withChange(proclaimed, { action: 'add', date: '2230-01-02', title: 'far', source: 'x' })).toThrow(/No England-and-Wales working-day calendar/);
    expect(() => withChange(proclaimed, { action: 'add', date: '2027-06-07', title: 'a day', source: ' ' })).toThrow(/source/);
    expect(() => holidayCalendarOf({ version: 'made-up', changes: proclaimed.changes })).toThrow(/does not match/);
  });

  it('keep a due that ran out before a later version came into force, and move one still running', () => {
    const eras = [
      { calendar: holidayCalendarOf(beforeProclamation), from: -Infinity },
      { calendar: holidayCalendarOf(proclaimed), from: PROCLAIMED_ON },
    ];
    const due = (anchor: string, asOf?: number) => withCalendars(eras, () => dueAcrossCalendars(() => addWorkingDays(anchor, 10), endOfLondonDay, asOf));
    expect(due('2022-09-05')).toBe('2022-09-20');
    // A clock stopped before the proclamation keeps the due it had then.
    expect(due('2022-09-05', middayOn('2022-09-08'))).toBe('2022-09-19');
    // Withdrawing a day already past: a clock that had run out by then is not re-opened.
    const withdrawn = withChange(proclaimed, { action: 'withdraw', date: '2022-08-29', source: 'a correction' });
    const later = [...eras, { calendar: holidayCalendarOf(withdrawn), from: middayOn('2022-09-12') }];
    expect(withCalendars(later, () => dueAcrossCalendars(() => addWorkingDays('2022-08-15', 10), endOfLondonDay))).toBe('2022-08-30');
    expect(withCalendars(later, () => dueAcrossCalendars(() => addWorkingDays('2022-09-01', 10), endOfLondonDay))).toBe('2022-09-15');
  });
});

describe('a calendar version answers every calendar question while it is in force', () => {
  it('names a proclaimed day with its source, and leaves the shipped calendar as it was', () => {
    withCalendar(proclaimed, () => {
      expect(bankHolidayOn(FUNERAL)).toMatchObject({ title: 'Bank Holiday for the State Funeral of Queen Elizabeth II', proclaimed: 'Royal Proclamation' });
      expect(calendarYear(2022).holidays.find((h) => h.date === FUNERAL)).toMatchObject({ basis: 'proclaimed', source: 'Royal Proclamation' });
    });
    withCalendar(beforeProclamation, () => expect(bankHolidayOn(FUNERAL)).toBeUndefined());
    expect(bankHolidayOn(FUNERAL)).toMatchObject({ title: expect.stringMatching(/State Funeral/) });
    expect(bankHolidayOn(FUNERAL)!.proclaimed).toBeUndefined();
  });

  it('is restored after a call that throws', () => {
    expect(() => withCalendar(beforeProclamation, () => addWorkingDays('2300-01-01', 1))).toThrow(RangeError);
    expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20');
  });
});
