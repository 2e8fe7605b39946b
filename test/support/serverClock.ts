/**
 * Moving the time-skipping server's clock in business terms. A test never sleeps a number of calendar days to
 * reach a deadline: how many calendar days hold N working days depends on the month (Christmas, Easter, one-off
 * bank holidays). It skips to the deadline the inspection itself shows, or to a named day.
 *
 * `TEST_START_DATE` (YYYY-MM-DD) starts every time-skipping server's clock on that day instead of today, so the
 * same tests can be run as if begun on an awkward date (`npm run test:dates`, scripts/testOnAwkwardDates.ts).
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addCalendarDays, isIsoDate, londonDateOf, startOfLondonDay } from '../../calendar';
import type { InspectionView } from '../../engine';

type Clocked = Pick<TestWorkflowEnvironment, 'sleep' | 'currentTimeMs'>;

export const TEST_START_DATE = 'TEST_START_DATE';

/** The hour of the London day a skip to a named day lands on: inside office hours, clear of midnight. */
const MORNING_MS = 10 * 3_600_000;

/** Lets the server's clock run to `ms`, or not at all when it is already there (the server only moves forward). */
export async function skipToInstant(env: Clocked, ms: number): Promise<void> {
  const now = await env.currentTimeMs();
  if (ms > now) await env.sleep(ms - now);
}

/** Just past a due instant (an ISO timestamp, as `deadlines[].dueAt` gives it): the clock has run out and fired. */
export async function skipPast(env: Clocked, dueAt: string): Promise<void> {
  await skipToInstant(env, Date.parse(dueAt) + 60_000);
}

/** Just past the instant a clock the view shows runs out; fails when the view has no such clock. */
export async function skipPastClock(env: Clocked, view: InspectionView, clock: string): Promise<void> {
  const dueAt = view.deadlines.find((d) => d.clock === clock)?.dueAt;
  if (!dueAt) throw new Error(`no ${clock} deadline in ${view.inspectionId} at stage ${view.stage}`);
  await skipPast(env, dueAt);
}

/** To the morning of a London date (a no-op when the server is already past it). */
export async function skipToDay(env: Clocked, date: string): Promise<void> {
  await skipToInstant(env, startOfLondonDay(date) + MORNING_MS);
}

/** To the morning of the day so many calendar days ahead of the server's today: for steps that happen "later", not for deadlines. */
export async function skipDays(env: Clocked, days: number): Promise<void> {
  await skipToDay(env, addCalendarDays(await serverDay(env), days));
}

/** Today on the server's clock (a London date), or a day so many calendar days from it. */
export async function serverDay(env: Clocked, plusDays = 0): Promise<string> {
  return addCalendarDays(londonDateOf(await env.currentTimeMs()), plusDays);
}

/** The day `TEST_START_DATE` names, checked; undefined when it is not set. */
export function testStartDate(): string | undefined {
  const date = process.env[TEST_START_DATE];
  if (!date) return undefined;
  if (!isIsoDate(date)) throw new Error(`${TEST_START_DATE}=${date} is not a YYYY-MM-DD date`);
  if (startOfLondonDay(date) + MORNING_MS < Date.now()) throw new Error(`${TEST_START_DATE}=${date} is in the past: the time-skipping server's clock only moves forward`);
  return date;
}
