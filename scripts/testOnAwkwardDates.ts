/**
 * `npm run test:dates`: the workflow tests on the time-skipping server, run again as if begun on each awkward date
 * ahead (TEST_START_DATE, test/support/serverClock.ts): just before Christmas and the New Year, just before Easter,
 * just before the spring bank holiday, just before a leap day, and before any one-off bank holiday the list holds
 * ahead. A test that counts calendar days for working days passes in a quiet month and fails here.
 *
 * The time-skipping server's clock only moves forward, so past dates (the one-off days of 2020, 2022 and 2023) are
 * checked without a server, by test/engine/awkwardDates.test.ts.
 *
 *   npm run test:dates                        every date, every workflow test file
 *   npm run test:dates -- 2027-03-24          one date
 *   npm run test:dates -- --list              the dates and why, nothing run
 *   npm run test:dates -- --results DIR       also jest's JSON results, one file per date (DIR/jest-dates-DATE.json)
 *   npm run test:dates -- --jest FILE...      other test files instead of test/workflows
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { addCalendarDays, bankHolidaysInYear, HOLIDAY_COVERAGE, isLeapYear, londonDateOf } from '../calendar';
import { TEST_START_DATE } from '../test/support/serverClock';


interface AwkwardDate {
  date: string;
  why: string;
}

function holidaysAhead(today: string) {
  const year = Number(today.slice(0, 4));
  const years = [year, year + 1, year + 2].filter((y) => y <= HOLIDAY_COVERAGE.lastYear);
  return years.flatMap((y) => bankHolidaysInYear(y)).filter((h) => h.date > addCalendarDays(today, 1));
}

/** The awkward dates from `today` on, soonest first, each at most once. */
export function awkwardDates(today: string): AwkwardDate[] {
  const ahead = holidaysAhead(today);
  const next = (title: string) => ahead.find((h) => h.title === title)?.date;
  const dates: AwkwardDate[] = [];
  const add = (date: string | undefined, why: string) => {
    if (date && date > today) dates.push({ date, why });
  };
  // The list names a substitute day by the holiday it stands for, so the year is taken from it, the day fixed.
  const christmas = next('Christmas Day');
  add(christmas && `${christmas.slice(0, 4)}-12-22`, `the week of Christmas (Christmas Day's bank holiday ${christmas})`);
  const newYear = next("New Year's Day");
  add(newYear && `${Number(newYear.slice(0, 4)) - 1}-12-30`, `the turn of the year (New Year's Day's bank holiday ${newYear})`);
  const goodFriday = next('Good Friday');
  add(goodFriday && addCalendarDays(goodFriday, -2), `two days before Good Friday ${goodFriday}`);
  const spring = next('Spring bank holiday');
  add(spring && addCalendarDays(spring, -3), `the Friday before the spring bank holiday ${spring}`);
  const leapYear = [0, 1, 2, 3, 4].map((n) => Number(today.slice(0, 4)) + n).find((y) => isLeapYear(y) && `${y}-02-29` > today);
  add(leapYear === undefined ? undefined : `${leapYear}-02-27`, `two days before the leap day ${leapYear}-02-29`);
  for (const oneOff of ahead.filter((h) => /extra|moved/i.test(h.notes ?? ''))) add(addCalendarDays(oneOff.date, -2), `two days before ${oneOff.title} ${oneOff.date} (${oneOff.notes})`);
  const seen = new Set<string>();
  return dates.filter((d) => !seen.has(d.date) && seen.add(d.date)).sort((a, b) => a.date.localeCompare(b.date));
}

function main(args: string[]): number {
  const jestAt = args.indexOf('--jest');
  const own = jestAt === -1 ? args : args.slice(0, jestAt);
  const files = jestAt === -1 ? ['test/workflows'] : args.slice(jestAt + 1);
  const resultsAt = own.indexOf('--results');
  const resultsDir = resultsAt === -1 ? undefined : own[resultsAt + 1];
  const chosen = own.filter((a) => /^\d{4}-\d{2}-\d{2}$/.test(a));
  const dates = chosen.length ? chosen.map((date) => ({ date, why: 'given' })) : awkwardDates(londonDateOf(Date.now()));
  if (own.includes('--list')) {
    for (const { date, why } of dates) console.log(`${date}  ${why}`);
    return 0;
  }
  const failed: string[] = [];
  for (const { date, why } of dates) {
    console.log(`\n[test:dates] ${date}: ${why}`);
    const results = resultsDir ? ['--json', `--outputFile=${path.join(resultsDir, `jest-dates-${date}.json`)}`] : [];
    const run = spawnSync('npx', ['jest', ...files, ...results], { stdio: 'inherit', env: { ...process.env, [TEST_START_DATE]: date } });
    if (run.status !== 0) failed.push(date);
  }
  console.log(failed.length ? `\n[test:dates] failed on ${failed.join(', ')}` : `\n[test:dates] passed on ${dates.map((d) => d.date).join(', ')}`);
  return failed.length ? 1 : 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
