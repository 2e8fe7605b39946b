import {
  addCalendarDays,
  endOfLondonDay,
  londonDateOf,
  londonOffsetMinutes,
  startOfLondonDay,
} from '../../calendar';

const HOUR = 3_600_000;

// Oracle from the host's tz database (allowed in tests, never in workflow code).
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
function tzdbLondon(instantMs: number): { date: string; offset: number } {
  const parts = Object.fromEntries(formatter.formatToParts(instantMs).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return { date, offset: Math.round((wall - Math.floor(instantMs / 60_000) * 60_000) / 60_000) };
}

describe('londonOffsetMinutes', () => {
  it('switches at 01:00 UTC on the last Sundays of March and October', () => {
    expect(londonOffsetMinutes(Date.UTC(2024, 2, 31, 1, 0) - 1)).toBe(0);
    expect(londonOffsetMinutes(Date.UTC(2024, 2, 31, 1, 0))).toBe(60);
    expect(londonOffsetMinutes(Date.UTC(2024, 9, 27, 1, 0) - 1)).toBe(60);
    expect(londonOffsetMinutes(Date.UTC(2024, 9, 27, 1, 0))).toBe(0);
    expect(londonOffsetMinutes(Date.UTC(2025, 2, 30, 1, 0))).toBe(60);
    expect(londonOffsetMinutes(Date.UTC(2025, 2, 29, 12, 0))).toBe(0);
    expect(londonOffsetMinutes(Date.UTC(2025, 9, 26, 0, 30))).toBe(60);
    expect(londonOffsetMinutes(Date.UTC(2025, 9, 26, 1, 30))).toBe(0);
    expect(londonOffsetMinutes(Date.UTC(2024, 6, 1))).toBe(60);
    expect(londonOffsetMinutes(Date.UTC(2024, 0, 1))).toBe(0);
  });

  it('agrees with the tz database every 3 hours and around every switch, 1996-2040', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(1996, 0, 1); t < Date.UTC(2041, 0, 1); t += 3 * HOUR) {
      const expected = tzdbLondon(t).offset;
      if (londonOffsetMinutes(t) !== expected) mismatches.push(new Date(t).toISOString());
    }
    for (let year = 1996; year <= 2040; year += 1) {
      for (const month of [2, 9]) {
        const last = new Date(Date.UTC(year, month + 1, 0));
        const sunday = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay());
        for (const t of [sunday + HOUR - 1, sunday + HOUR, sunday + HOUR - 60_000, sunday + 2 * HOUR]) {
          if (londonOffsetMinutes(t) !== tzdbLondon(t).offset) mismatches.push(new Date(t).toISOString());
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses instants before the 1996 rule, and non-numbers', () => {
    expect(() => londonOffsetMinutes(Date.UTC(1995, 9, 22))).toThrow(RangeError);
    expect(() => londonOffsetMinutes(Number.NaN)).toThrow(RangeError);
    expect(() => startOfLondonDay('1995-06-01')).toThrow(RangeError);
  });
});

describe('londonDateOf', () => {
  it('is the next day at 23:30 UTC in summer but the same day in winter', () => {
    expect(londonDateOf(Date.UTC(2024, 6, 15, 23, 30))).toBe('2024-07-16');
    expect(londonDateOf(Date.UTC(2024, 6, 15, 22, 59, 59, 999))).toBe('2024-07-15');
    expect(londonDateOf(Date.UTC(2024, 0, 15, 23, 30))).toBe('2024-01-15');
    expect(londonDateOf(Date.UTC(2024, 11, 31, 23, 59, 59, 999))).toBe('2024-12-31');
    expect(londonDateOf(Date.UTC(2024, 9, 26, 23, 30))).toBe('2024-10-27');
    expect(londonDateOf(Date.UTC(2024, 2, 30, 23, 30))).toBe('2024-03-30');
  });

  it('agrees with the tz database at the edges of London days, 2010-2031', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2010, 0, 1, 22, 30); t < Date.UTC(2031, 0, 1); t += 24 * HOUR) {
      for (const instant of [t, t + HOUR, t + HOUR + 29 * 60_000]) {
        if (londonDateOf(instant) !== tzdbLondon(instant).date) mismatches.push(new Date(instant).toISOString());
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('startOfLondonDay / endOfLondonDay', () => {
  it('puts the end of the day before a switch at the right instant', () => {
    // 31 March 2024 (switch day) starts at midnight GMT.
    expect(endOfLondonDay('2024-03-30')).toBe(Date.UTC(2024, 2, 31, 0, 0));
    // 1 April 2024 starts at midnight BST = 23:00 UTC the evening before.
    expect(endOfLondonDay('2024-03-31')).toBe(Date.UTC(2024, 2, 31, 23, 0));
    // 27 October 2024 (switch day) still starts in BST.
    expect(endOfLondonDay('2024-10-26')).toBe(Date.UTC(2024, 9, 26, 23, 0));
    expect(endOfLondonDay('2024-10-27')).toBe(Date.UTC(2024, 9, 28, 0, 0));
    expect(startOfLondonDay('2024-07-16')).toBe(Date.UTC(2024, 6, 15, 23, 0));
    expect(startOfLondonDay('2024-01-16')).toBe(Date.UTC(2024, 0, 16, 0, 0));
  });

  it('makes London days of 23, 24 and 25 hours', () => {
    const length = (d: string): number => (endOfLondonDay(d) - startOfLondonDay(d)) / HOUR;
    expect(length('2024-03-31')).toBe(23);
    expect(length('2024-10-27')).toBe(25);
    expect(length('2024-06-12')).toBe(24);
    expect(length('2024-12-12')).toBe(24);
  });

  it('bounds every day 1996-2040 exactly: its first instant is that day, the instant before is not', () => {
    const bad: string[] = [];
    for (let d = '1996-01-01'; d <= '2040-12-31'; d = addCalendarDays(d, 1)) {
      const start = startOfLondonDay(d);
      if (londonDateOf(start) !== d || tzdbLondon(start).date !== d) bad.push(d);
      if (d > '1996-01-01' && londonDateOf(start - 1) === d) bad.push(`${d} (instant before)`);
      if (endOfLondonDay(d) !== startOfLondonDay(addCalendarDays(d, 1))) bad.push(`${d} (end)`);
    }
    expect(bad).toEqual([]);
  });
});
