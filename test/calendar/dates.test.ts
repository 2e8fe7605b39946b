import {
  addCalendarDays,
  addCalendarMonths,
  addCalendarYears,
  calendarDaysBetween,
  compareDates,
  formatIsoDate,
  fromEpochDay,
  isAfter,
  isBefore,
  isIsoDate,
  isoWeekday,
  parseIsoDate,
  toEpochDay,
} from '../../calendar';

describe('ISO dates', () => {
  it('accepts real days only, in the strict YYYY-MM-DD form', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-00-10')).toBe(false);
    expect(isIsoDate('2024-1-05')).toBe(false);
    expect(isIsoDate('2024-01-05T00:00:00Z')).toBe(false);
    expect(isIsoDate(20240105)).toBe(false);
    expect(() => parseIsoDate('2023-02-29')).toThrow(RangeError);
    expect(parseIsoDate('2024-07-09')).toEqual({ year: 2024, month: 7, day: 9 });
    expect(formatIsoDate({ year: 987, month: 3, day: 4 })).toBe('0987-03-04');
  });

  it('numbers days exactly as Date.UTC does, and names weekdays, over 1990-2040', () => {
    const start = Date.UTC(1990, 0, 1) / 86_400_000;
    const end = Date.UTC(2040, 11, 31) / 86_400_000;
    for (let day = start; day <= end; day += 1) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(fromEpochDay(day)).toBe(iso);
      if (toEpochDay(iso) !== day) throw new Error(`toEpochDay(${iso}) = ${toEpochDay(iso)}, not ${day}`);
    }
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(fromEpochDay(-1)).toBe('1969-12-31');
    expect(isoWeekday('2024-06-03')).toBe(1); // Monday
    expect(isoWeekday('2024-06-08')).toBe(6);
    expect(isoWeekday('2024-06-09')).toBe(7);
    expect(isoWeekday('1969-12-31')).toBe(3);
  });

  it('compares dates', () => {
    expect(compareDates('2024-01-31', '2024-02-01')).toBe(-1);
    expect(compareDates('2024-02-01', '2024-01-31')).toBe(1);
    expect(compareDates('2024-02-01', '2024-02-01')).toBe(0);
    expect(['2024-03-01', '2023-12-31', '2024-02-29'].sort(compareDates)).toEqual([
      '2023-12-31',
      '2024-02-29',
      '2024-03-01',
    ]);
    expect(isBefore('2023-12-31', '2024-01-01')).toBe(true);
    expect(isAfter('2023-12-31', '2024-01-01')).toBe(false);
    expect(() => compareDates('2024-02-30', '2024-03-01')).toThrow(RangeError);
  });
});

describe('calendar days, months and years', () => {
  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addCalendarDays('2024-01-15', 0)).toBe('2024-01-15');
    expect(addCalendarDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(calendarDaysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(calendarDaysBetween('2025-01-01', '2024-01-01')).toBe(-366);
    // No holiday data is needed for calendar days, so any year works.
    expect(addCalendarDays('2035-06-30', 1)).toBe('2035-07-01');
    expect(() => addCalendarDays('2024-01-01', 1.5)).toThrow(RangeError);
  });

  it('clamps to the end of a shorter month', () => {
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addCalendarMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(addCalendarMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-01-15', 0)).toBe('2024-01-15');
    // Clamping does not carry over: Jan 31 + 2 months is Mar 31, not Mar 29.
    expect(addCalendarMonths('2024-01-31', 2)).toBe('2024-03-31');
  });

  it('crosses year boundaries both ways', () => {
    expect(addCalendarMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addCalendarMonths('2024-02-15', -3)).toBe('2023-11-15');
    expect(addCalendarMonths('2024-01-10', -1)).toBe('2023-12-10');
    expect(addCalendarMonths('2024-12-10', 1)).toBe('2025-01-10');
    expect(addCalendarMonths('2024-06-30', 30)).toBe('2026-12-30');
  });

  it('adds years as twelve months, so 29 February becomes 28 February', () => {
    expect(addCalendarYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addCalendarYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addCalendarYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addCalendarYears('2023-09-01', 3)).toBe('2026-09-01');
    expect(() => addCalendarYears('2023-09-01', 0.5)).toThrow(RangeError);
  });
});
