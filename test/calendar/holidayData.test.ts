import rawData from '../../calendar/holidays/england-and-wales.json';
import {
  HOLIDAY_COVERAGE,
  HOLIDAY_DATA_SOURCE,
  HOLIDAY_DATA_VERSION,
  HOLIDAY_DIVISION,
  bankHolidayOn,
  bankHolidaysInYear,
  CalendarRangeError,
  isBankHoliday,
} from '../../calendar';

// Independent oracle: plain Date in UTC, a published Easter table, and the statutory rules.
const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const isoOf = (d: Date): string => d.toISOString().slice(0, 10);
const plusDays = (iso: string, n: number): string => {
  const d = utc(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return isoOf(d);
};
const weekday = (iso: string): number => utc(iso).getUTCDay(); // 0 = Sunday

// Easter Sunday 2010-2030 as published (e.g. Church of England / HM Nautical Almanac Office tables).
const EASTER_SUNDAY: Record<number, string> = {
  2010: '2010-04-04', 2011: '2011-04-24', 2012: '2012-04-08', 2013: '2013-03-31', 2014: '2014-04-20',
  2015: '2015-04-05', 2016: '2016-03-27', 2017: '2017-04-16', 2018: '2018-04-01', 2019: '2019-04-21',
  2020: '2020-04-12', 2021: '2021-04-04', 2022: '2022-04-17', 2023: '2023-04-09', 2024: '2024-03-31',
  2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2028: '2028-04-16', 2029: '2029-04-01',
  2030: '2030-04-21',
};

// Meeus/Jones/Butcher Gregorian computus, to check the table above was typed correctly.
function computeEaster(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function firstMonday(year: number, month: number): string {
  let d = `${year}-${String(month).padStart(2, '0')}-01`;
  while (weekday(d) !== 1) d = plusDays(d, 1);
  return d;
}
function lastMonday(year: number, month: number): string {
  let d = plusDays(`${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
  while (weekday(d) !== 1) d = plusDays(d, -1);
  return d;
}
/** Weekend fixed-date holiday moves to the next weekday not already a holiday. */
function observed(dates: string[]): string[] {
  const out: string[] = [];
  for (const date of dates) {
    let d = date;
    while (weekday(d) === 0 || weekday(d) === 6 || out.includes(d)) d = plusDays(d, 1);
    out.push(d);
  }
  return out;
}

/** Documented replacements of a regular holiday by proclamation. */
const MOVED: Record<string, string> = {
  '2012-05-28': '2012-06-04', // spring bank holiday moved for the Diamond Jubilee
  '2020-05-04': '2020-05-08', // early May moved to VE day (75th anniversary)
  '2022-05-30': '2022-06-02', // spring bank holiday moved for the Platinum Jubilee
};
const EXTRA: Record<number, string[]> = {
  2011: ['2011-04-29'], // royal wedding
  2012: ['2012-06-05'], // Diamond Jubilee
  2022: ['2022-06-03', '2022-09-19'], // Platinum Jubilee; State Funeral of Queen Elizabeth II
  2023: ['2023-05-08'], // coronation of King Charles III
};

function expectedRegular(year: number): string[] {
  const easter = EASTER_SUNDAY[year] as string;
  const [newYear] = observed([`${year}-01-01`]);
  const christmasAndBoxing = observed([`${year}-12-25`, `${year}-12-26`]);
  return [
    newYear as string,
    plusDays(easter, -2),
    plusDays(easter, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    ...christmasAndBoxing,
  ].map((d) => MOVED[d] ?? d);
}


// Transcribed from GOV.UK's own calendar data (alphagov calendars/frontend lib/data/bank-holidays.json,
// england-and-wales, 2012-2023), before the state funeral (2022-09-19) and coronation (2023-05-08)
// were proclaimed.
const GOVUK_2012_2023_BEFORE_SEPT_2022 = [
  '2012-01-02', '2012-04-06', '2012-04-09', '2012-05-07', '2012-06-04', '2012-06-05',
  '2012-08-27', '2012-12-25', '2012-12-26', '2013-01-01', '2013-03-29', '2013-04-01',
  '2013-05-06', '2013-05-27', '2013-08-26', '2013-12-25', '2013-12-26', '2014-01-01',
  '2014-04-18', '2014-04-21', '2014-05-05', '2014-05-26', '2014-08-25', '2014-12-25',
  '2014-12-26', '2015-01-01', '2015-04-03', '2015-04-06', '2015-05-04', '2015-05-25',
  '2015-08-31', '2015-12-25', '2015-12-28', '2016-01-01', '2016-03-25', '2016-03-28',
  '2016-05-02', '2016-05-30', '2016-08-29', '2016-12-26', '2016-12-27', '2017-01-02',
  '2017-04-14', '2017-04-17', '2017-05-01', '2017-05-29', '2017-08-28', '2017-12-25',
  '2017-12-26', '2018-01-01', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28',
  '2018-08-27', '2018-12-25', '2018-12-26', '2019-01-01', '2019-04-19', '2019-04-22',
  '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26', '2020-01-01',
  '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25',
  '2020-12-28', '2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31',
  '2021-08-30', '2021-12-27', '2021-12-28', '2022-01-03', '2022-04-15', '2022-04-18',
  '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-12-26', '2022-12-27',
  '2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-29', '2023-08-28',
  '2023-12-25', '2023-12-26',
];

const YEARS = Array.from({ length: 21 }, (_, i) => 2010 + i);

describe('holiday data file', () => {
  it('is versioned, sourced and for England and Wales, covering 2010-2030', () => {
    expect(HOLIDAY_DATA_VERSION).toMatch(/^(\d{4}-\d{2}-\d{2}|\d+\.\d+\.\d+)$/);
    expect(HOLIDAY_DATA_VERSION).toBe(rawData.version);
    expect(HOLIDAY_DATA_SOURCE).toMatch(/^GOV\.UK bank holidays \(https:\/\/www\.gov\.uk\/bank-holidays\)/);
    expect(HOLIDAY_DIVISION).toBe('england-and-wales');
    expect(HOLIDAY_COVERAGE).toEqual({ firstYear: 2010, lastYear: 2030 });
  });

  it('has the published Easter dates (table agrees with the computus)', () => {
    for (const year of YEARS) expect(computeEaster(year)).toBe(EASTER_SUNDAY[year]);
  });

  it.each(YEARS)('%i has exactly the eight regular holidays (or documented replacements) plus its one-offs', (year) => {
    const expected = [...expectedRegular(year), ...(EXTRA[year] ?? [])].sort();
    expect(bankHolidaysInYear(year).map((h) => h.date)).toEqual(expected);
  });

  it('holds 173 days in all, every one on a weekday, sorted, with a title', () => {
    const dates = rawData.holidays.map((h) => h.date);
    expect(dates).toHaveLength(21 * 8 + 5);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const h of rawData.holidays) {
      expect([1, 2, 3, 4, 5]).toContain(weekday(h.date));
      expect(h.title.length).toBeGreaterThan(3);
    }
  });

  it('has the Good Friday and Easter Monday of several years', () => {
    for (const [gf, em] of [
      ['2019-04-19', '2019-04-22'],
      ['2024-03-29', '2024-04-01'],
      ['2025-04-18', '2025-04-21'],
      ['2016-03-25', '2016-03-28'],
      ['2027-03-26', '2027-03-29'],
    ] as const) {
      expect(bankHolidayOn(gf)?.title).toBe('Good Friday');
      expect(bankHolidayOn(em)?.title).toBe('Easter Monday');
    }
    // A wrong Easter seen in third-party lists: 2027-04-02/05 are ordinary working days.
    expect(isBankHoliday('2027-04-02')).toBe(false);
    expect(isBankHoliday('2027-04-05')).toBe(false);
  });

  it('has the substitute days for Christmas, Boxing Day and New Year on weekends', () => {
    const substitutes = [
      '2010-12-27', '2010-12-28', '2011-01-03', '2011-12-27', '2012-01-02', '2015-12-28', '2016-12-27',
      '2017-01-02', '2020-12-28', '2021-12-27', '2021-12-28', '2022-01-03', '2022-12-27', '2023-01-02',
      '2026-12-28', '2027-12-27', '2027-12-28', '2028-01-03',
    ];
    for (const date of substitutes) expect(bankHolidayOn(date)?.notes).toBe('Substitute day');
    expect(rawData.holidays.filter((h) => h.notes === 'Substitute day').map((h) => h.date)).toEqual(substitutes);
    // Boxing Day itself on Monday after a Sunday Christmas is not a substitute.
    expect(bankHolidayOn('2011-12-26')?.title).toBe('Boxing Day');
    expect(bankHolidayOn('2022-12-26')?.notes).toBeUndefined();
  });

  it('has the one-off and moved days, and not the days they replaced', () => {
    expect(bankHolidayOn('2011-04-29')?.title).toMatch(/royal wedding/i);
    expect(bankHolidayOn('2012-06-04')?.title).toBe('Spring bank holiday');
    expect(bankHolidayOn('2012-06-05')?.title).toMatch(/Diamond Jubilee/);
    expect(bankHolidayOn('2020-05-08')?.title).toMatch(/VE day/);
    expect(bankHolidayOn('2022-06-02')?.title).toBe('Spring bank holiday');
    expect(bankHolidayOn('2022-06-03')?.title).toMatch(/Platinum Jubilee/);
    expect(bankHolidayOn('2022-09-19')?.title).toMatch(/State Funeral of Queen Elizabeth II/);
    expect(bankHolidayOn('2023-05-08')?.title).toMatch(/coronation of King Charles III/i);
    for (const notAHoliday of ['2012-05-28', '2020-05-04', '2022-05-30']) {
      expect(isBankHoliday(notAHoliday)).toBe(false);
    }
  });

  it('matches the GOV.UK published list for 2012-2023, plus the two days proclaimed later', () => {
    const ours = rawData.holidays.map((h) => h.date).filter((d) => d >= '2012' && d < '2024');
    expect(ours).toEqual([...GOVUK_2012_2023_BEFORE_SEPT_2022, '2022-09-19', '2023-05-08'].sort());
  });

  it('gives the years after it by the statutory rules, marked provisional, and refuses years outside both', () => {
    expect(bankHolidaysInYear(2031).map((h) => [h.date, h.provisional])).toEqual(
      ['2031-01-01', '2031-04-11', '2031-04-14', '2031-05-05', '2031-05-26', '2031-08-25', '2031-12-25', '2031-12-26'].map((d) => [d, true]),
    );
    expect(bankHolidaysInYear(2030).every((h) => h.provisional === undefined)).toBe(true);
    expect(() => bankHolidaysInYear(2009)).toThrow(/covers 2010 to 2030, and the statutory rules 2031 to 2199/);
    expect(() => bankHolidaysInYear(2200)).toThrow(CalendarRangeError);
    expect(bankHolidayOn('2150-12-25')).toMatchObject({ title: 'Christmas Day', provisional: true });
  });
});
