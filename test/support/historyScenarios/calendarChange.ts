/**
 * A bank holiday proclaimed while an inspection runs (calendar/holidayCalendar.ts): one inspection moved to the new
 * calendar version by its Update, one started on it. The day is ten days ahead of the server's, inside the report
 * clocks that feedback starts.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { SHIPPED_CALENDAR, addCalendarDays, withChange, workingDayOnOrAfter } from '../../../calendar';
import { changeCalendarUpdate } from '../../../workflows/messages';
import { type InspectionHandle, goodJudgements } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { serverDay, skipToDay } from '../serverClock';
import type { Scenario } from './scenario';

async function proclamation(env: TestWorkflowEnvironment) {
  const date = workingDayOnOrAfter(addCalendarDays(await serverDay(env), 10));
  return { date, calendar: withChange(SHIPPED_CALENDAR, { action: 'add', date, title: 'A proclaimed bank holiday', source: 'Royal Proclamation, ten days before the day' }) };
}

async function fedBackThenPast(env: TestWorkflowEnvironment, i: InspectionHandle, day: string, between?: () => Promise<unknown>) {
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
  await between?.();
  await skipToDay(env, addCalendarDays(day, 1));
  await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
  return i;
}

export const calendarScenarios: Scenario[] = [
  {
    path: 'calendar-changed',
    async run({ env, start }) {
      const { date, calendar } = await proclamation(env);
      const i = await start();
      return fedBackThenPast(env, i, date, () => i.handle.executeUpdate(changeCalendarUpdate, { args: [{ calendar, actor: actors.manager }], updateId: `calendar-${calendar.version}` }));
    },
  },
  {
    path: 'calendar-pinned',
    async run({ env, start }) {
      const { date, calendar } = await proclamation(env);
      return fedBackThenPast(env, await start(undefined, { calendar }), date);
    },
  },
];
