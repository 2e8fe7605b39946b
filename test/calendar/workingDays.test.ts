import rawData from '../../calendar/holidays/england-and-wales.json';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDayOnOrAfter,
  workingDaysBetween,
} from '../../calendar';

// Naive oracle, independent of the library: Date in UTC and the raw holiday list.
const HOLIDAYS = new Set(rawData.holidays.map((h) => h.date));
const plusDays = (iso: string, n: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const naiveIsWorking = (iso: string): boolean => {
  const wd = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !HOLIDAYS.has(iso);
};
const naiveAdd = (iso: string, n: number): string => {
  let d = iso;
  let left = Math.abs(n);
  while (left > 0) {
    d = plusDays(d, Math.sign(n));
    if (naiveIsWorking(d)) left -= 1;
  }
  return d;
};

describe('isWorkingDay', () => {
  it('is Monday to Friday less bank holidays', () => {
    expect(isWorkingDay('2024-06-03')).toBe(true); // Monday
    expect(isWorkingDay('2024-06-07')).toBe(true); // Friday
    expect(isWorkingDay('2024-06-08')).toBe(false); // Saturday
    expect(isWorkingDay('2024-06-09')).toBe(false); // Sunday
    expect(isWorkingDay('2024-05-27')).toBe(false); // Spring bank holiday
    expect(isWorkingDay('2022-09-19')).toBe(false); // State funeral
    expect(isWorkingDay('2012-05-28')).toBe(true); // spring holiday moved away in 2012
    expect(isWorkingDay('2022-05-30')).toBe(true); // and in 2022
    expect(isWorkingDay('2020-05-04')).toBe(true); // early May moved to VE day
    expect(isWorkingDay('2020-05-08')).toBe(false);
  });

  it('agrees with the naive oracle on every day 2010-2030', () => {
    let mismatches = 0;
    let working = 0;
    for (let d = '2010-01-01'; d <= '2030-12-31'; d = plusDays(d, 1)) {
      if (isWorkingDay(d) !== naiveIsWorking(d)) mismatches += 1;
      if (naiveIsWorking(d)) working += 1;
    }
    expect(mismatches).toBe(0);
    // 1 January 2010 is itself a holiday, so the half-open count covers every working day.
    expect(naiveIsWorking('2010-01-01')).toBe(false);
    expect(workingDaysBetween('2010-01-01', '2030-12-31')).toBe(working);
  });
});

describe('addWorkingDays (anchor is day 0)', () => {
  it('skips the 2022 state funeral and the 2023 coronation', () => {
    expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20');
    expect(addWorkingDays('2023-05-05', 1)).toBe('2023-05-09');
    expect(addWorkingDays('2023-05-04', 2)).toBe('2023-05-09');
  });

  it('skips the 2012 and 2022 jubilee days but not the Mondays they replaced', () => {
    expect(addWorkingDays('2012-05-25', 1)).toBe('2012-05-28');
    expect(addWorkingDays('2012-06-01', 1)).toBe('2012-06-06');
    expect(addWorkingDays('2022-05-27', 1)).toBe('2022-05-30');
    expect(addWorkingDays('2022-06-01', 1)).toBe('2022-06-06');
  });

  it('skips the 2020 VE day holiday but not 4 May 2020, and the 2011 royal wedding', () => {
    expect(addWorkingDays('2020-05-01', 1)).toBe('2020-05-04');
    expect(addWorkingDays('2020-05-07', 1)).toBe('2020-05-11');
    expect(addWorkingDays('2011-04-28', 1)).toBe('2011-05-03'); // 29 Apr wedding, 2 May early May
  });

  it('skips Good Friday and Easter Monday', () => {
    expect(addWorkingDays('2019-04-18', 1)).toBe('2019-04-23');
    expect(addWorkingDays('2024-03-28', 1)).toBe('2024-04-02');
    expect(addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
    expect(addWorkingDays('2013-03-28', 1)).toBe('2013-04-02');
  });

  it('skips Christmas substitute days', () => {
    expect(addWorkingDays('2010-12-24', 1)).toBe('2010-12-29');
    expect(addWorkingDays('2011-12-23', 1)).toBe('2011-12-28');
    expect(addWorkingDays('2015-12-24', 1)).toBe('2015-12-29');
    expect(addWorkingDays('2016-12-23', 1)).toBe('2016-12-28');
    expect(addWorkingDays('2020-12-24', 1)).toBe('2020-12-29');
    expect(addWorkingDays('2021-12-24', 1)).toBe('2021-12-29');
    expect(addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
    expect(addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
    expect(addWorkingDays('2021-12-31', 1)).toBe('2022-01-04'); // New Year substitute 3 Jan
  });

  it('counts 18 working days across Christmas and New Year', () => {
    expect(addWorkingDays('2021-12-10', 18)).toBe('2022-01-10');
    expect(addWorkingDays('2010-12-20', 18)).toBe('2011-01-18');
    expect(addWorkingDays('2024-12-13', 18)).toBe('2025-01-13');
  });

  it('returns the anchor for n = 0 even when it is not a working day', () => {
    expect(addWorkingDays('2024-06-08', 0)).toBe('2024-06-08');
    expect(addWorkingDays('2022-09-19', 0)).toBe('2022-09-19');
    expect(addWorkingDays('2024-06-08', 5)).toBe('2024-06-14'); // Sat + 5 = next Fri
    expect(addWorkingDays('2024-06-07', 5)).toBe('2024-06-14'); // Fri + 5 = next Fri
  });

  it('counts backwards for negative n', () => {
    expect(addWorkingDays('2022-09-20', -1)).toBe('2022-09-16');
    expect(addWorkingDays('2022-12-28', -1)).toBe('2022-12-23');
    expect(addWorkingDays('2024-04-02', -2)).toBe('2024-03-27');
    expect(previousWorkingDay('2024-06-10')).toBe('2024-06-07');
  });

  it('rejects fractional counts and malformed dates', () => {
    expect(() => addWorkingDays('2024-06-03', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-06-31', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('03/06/2024', 1)).toThrow(RangeError);
  });

  it('agrees with the naive oracle over many anchors and counts', () => {
    for (let a = '2010-01-01'; a <= '2030-08-31'; a = plusDays(a, 5)) {
      for (const n of [0, 1, 2, 3, 5, 10, 15, 20, 28, 40, 65]) {
        const got = addWorkingDays(a, n);
        if (got !== naiveAdd(a, n)) throw new Error(`addWorkingDays(${a}, ${n}) = ${got}, expected ${naiveAdd(a, n)}`);
      }
    }
    for (let a = '2010-03-01'; a <= '2030-12-31'; a = plusDays(a, 7)) {
      for (const n of [-1, -5, -20]) {
        const got = addWorkingDays(a, n);
        if (got !== naiveAdd(a, n)) throw new Error(`addWorkingDays(${a}, ${n}) = ${got}, expected ${naiveAdd(a, n)}`);
      }
    }
  });
});

describe('nextWorkingDay / workingDayOnOrAfter', () => {
  it('moves strictly forward, or stays on a working day', () => {
    expect(nextWorkingDay('2024-06-07')).toBe('2024-06-10');
    expect(nextWorkingDay('2024-06-04')).toBe('2024-06-05');
    expect(nextWorkingDay('2023-12-22')).toBe('2023-12-27');
    expect(workingDayOnOrAfter('2024-06-04')).toBe('2024-06-04');
    expect(workingDayOnOrAfter('2024-12-25')).toBe('2024-12-27');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days d with from < d <= to', () => {
    expect(workingDaysBetween('2022-12-23', '2022-12-28')).toBe(1);
    expect(workingDaysBetween('2024-06-03', '2024-06-03')).toBe(0);
    expect(workingDaysBetween('2024-06-07', '2024-06-10')).toBe(1);
    expect(workingDaysBetween('2024-06-08', '2024-06-09')).toBe(0);
    expect(workingDaysBetween('2021-12-10', '2022-01-10')).toBe(18);
  });

  it('gives the well-known working-day totals of whole years', () => {
    expect(workingDaysBetween('2023-12-31', '2024-12-31')).toBe(254);
    expect(workingDaysBetween('2021-12-31', '2022-12-31')).toBe(250);
    // 2023: 260 weekdays less 9 weekday holidays (coronation included).
    expect(workingDaysBetween('2022-12-31', '2023-12-31')).toBe(251);
  });

  it('is negative, antisymmetric and additive when to is before from', () => {
    expect(workingDaysBetween('2022-12-28', '2022-12-23')).toBe(-1);
    // [a, b, c, workingDaysBetween(a, b)]
    for (const [a, b, c, ab] of [
      ['2022-09-19', '2022-09-12', '2012-06-05', -4], // 13-16 Sep; 19th is the state funeral
      ['2023-05-09', '2023-04-28', '2023-05-08', -5], // 2-5 and 9 May; 1st and 8th are holidays
      ['2010-02-06', '2016-12-27', '2030-12-31', undefined],
    ] as const) {
      if (ab !== undefined) expect(workingDaysBetween(a, b)).toBe(ab);
      expect(workingDaysBetween(b, a) + workingDaysBetween(a, b)).toBe(0);
      expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c));
    }
  });

  it('inverts addWorkingDays: workingDaysBetween(a, addWorkingDays(a, n)) === n', () => {
    let checked = 0;
    for (let a = '2010-01-01'; a <= '2030-09-30'; a = plusDays(a, 3)) {
      for (const n of [0, 1, 2, 4, 7, 10, 19, 33, 60]) {
        const b = addWorkingDays(a, n);
        const between = workingDaysBetween(a, b);
        if (between !== n) throw new Error(`workingDaysBetween(${a}, ${b}) = ${between}, expected ${n}`);
        checked += 1;
      }
      if (a >= '2010-02-01' && isWorkingDay(a)) {
        const back = addWorkingDays(a, -7);
        if (workingDaysBetween(a, back) !== -7) throw new Error(`backwards from ${a}`);
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  });
});

describe('outside the covered years (2010-2030)', () => {
  it('throws a RangeError naming the covered years instead of assuming no holidays', () => {
    expect(() => isWorkingDay('2200-01-02')).toThrow(RangeError);
    expect(() => isWorkingDay('2200-01-02')).toThrow(/2010 to 2030, and the statutory rules 2031 to 2199/);
    expect(() => isWorkingDay('2009-12-31')).toThrow(/2010 to 2030/);
    expect(() => addWorkingDays('2199-12-30', 5)).toThrow(/2199/);
    expect(() => addWorkingDays('2010-01-05', -5)).toThrow(RangeError);
    expect(() => workingDaysBetween('2009-01-01', '2011-01-01')).toThrow(/2010 to 2030/);
  });

  it('goes on past the published list by the statutory rules, provisionally', () => {
    expect(isWorkingDay('2031-01-01')).toBe(false); // New Year's Day by rule
    expect(isWorkingDay('2031-01-02')).toBe(true);
    expect(addWorkingDays('2030-12-30', 5)).toBe('2031-01-07'); // past New Year's Day 2031
    expect(workingDaysBetween('2029-01-01', '2031-01-01')).toBe(506); // 253 in each year, and New Year's Day 2031 is a holiday
    expect(addWorkingDays('2150-03-02', 20)).toEqual(expect.stringMatching(/^2150-03-/));
  });

  it('works right up to the edges', () => {
    expect(addWorkingDays('2030-12-27', 1)).toBe('2030-12-30');
    expect(addWorkingDays('2030-12-27', 2)).toBe('2030-12-31');
    expect(addWorkingDays('2010-01-05', -1)).toBe('2010-01-04');
    // 1 January 2010 is a holiday, so the second working day back would be in 2009.
    expect(() => addWorkingDays('2010-01-05', -2)).toThrow(/2010 to 2030/);
  });
});
