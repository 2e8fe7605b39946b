import { z } from 'zod';
import { HOLIDAY_COVERAGE, RULES_LAST_YEAR, calendarSummary, calendarYear, londonDateOf, sameChange, withCalendar } from '../../calendar';
import { isoDate, note } from '../../machines/kit';
import type { CalendarChanges } from '../calendarChanges';
import { type RouteSpec, route } from '../route';
import { emptyQuery, queryInt } from '../schemas';

const holiday = z.object({
  date: z.string(),
  title: z.string(),
  notes: z.string().nullable(),
  basis: z.enum(['published', 'rule', 'proclaimed']),
  source: z.string().optional().describe('a proclaimed day: the proclamation it comes from'),
});
const range = z.object({ firstYear: z.number().int(), lastYear: z.number().int(), source: z.string() });
const change = z.object({ action: z.enum(['add', 'withdraw']), date: z.string(), title: z.string().optional(), source: z.string() });
const published = z.object({ n: z.number().int(), version: z.string(), change, publishedAt: z.string(), publishedBy: z.string(), batchId: z.string().nullable() });
const batchState = z.looseObject({
  batchId: z.string(),
  version: z.string(),
  status: z.enum(['running', 'completed']),
  total: z.number().int(),
  moved: z.number().int(),
  unchanged: z.number().int(),
  alreadyMoved: z.number().int(),
  ended: z.number().int(),
  refused: z.number().int(),
  deadlinesMoved: z.number().int(),
  remaining: z.number().int(),
  refusals: z.array(z.looseObject({ workflowId: z.string(), code: z.string(), message: z.string() })),
});
const changeBody = z.strictObject({
  action: z.enum(['add', 'withdraw']).describe('add a proclaimed day, or withdraw one'),
  date: isoDate,
  title: z.string().trim().min(1).max(200).optional().describe("the holiday's name (to add)"),
  source: note.describe('the proclamation or notice it comes from'),
  dryRun: z.boolean().optional().describe('default true: list every running deadline that would move, change nothing'),
});
const batchParams = z.strictObject({ batchId: z.string().regex(/^calendar-[a-f0-9-]{36}$/, 'not a calendar batch id') });

/** The working-day calendar: its versions, its published and provisional years, a year's holidays, and changes published to it. */
export function calendarRoutes(changes: CalendarChanges): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/calendar',
      operationId: 'calendar',
      summary: "The working-day calendar: its version and the changes published since the shipped list, the years published and by rule (provisional), and a year's bank holidays with their source",
      tag: 'calendar',
      access: 'public',
      query: z.strictObject({
        year: queryInt(HOLIDAY_COVERAGE.firstYear, RULES_LAST_YEAR).optional().describe(`a year from ${HOLIDAY_COVERAGE.firstYear} to ${RULES_LAST_YEAR}; default this year`),
      }),
      responses: {
        200: {
          description: 'the calendar and the year asked for',
          schema: z.object({
            division: z.string(),
            version: z.string().describe('the calendar version new inspections take: the shipped version, +n after n published changes'),
            shippedVersion: z.string().describe('the version of the holiday list the product ships'),
            changes: z.array(published).describe('the changes published since the shipped list, in order'),
            published: range.describe('the years of the published list'),
            provisional: range.describe('the years derived from the statutory rules until they are published'),
            year: z.number().int(),
            basis: z.enum(['published', 'rule']),
            holidays: z.array(holiday),
          }),
        },
      },
      async handle({ query }) {
        const [current, history] = await Promise.all([changes.current(), changes.published()]);
        const year = query.year ?? Number(londonDateOf(Date.now()).slice(0, 4));
        return { json: withCalendar(current, () => ({ ...calendarSummary(), changes: history, ...calendarYear(year) })) };
      },
    }),
    route({
      method: 'post',
      path: '/calendar/changes',
      operationId: 'changeCalendar',
      summary: 'Add a proclaimed bank holiday, or withdraw one: a dry run of every running deadline that moves (the default), or published to every running inspection and cycle',
      description:
        "A dry run (the default) lists each running inspection whose deadlines move (old due → new due, per clock), and any that would refuse the change; it changes nothing. `dryRun: false` publishes the change as the next calendar version and starts a calendar batch (202): a workflow that moves every running inspection and centre cycle to it (an Update each, audited in the inspection's ledger as `calendar.changed` with the change and its source, and a `deadline.set` per moved clock naming the due it replaces and both versions; applied once however often it is retried; the same change published again, as the latest, delivers it again, e.g. when the server was unreachable the first time). A deadline that has already run out is not re-opened; one still running moves. New inspections take the new version. GET /calendar/batches/{batchId} shows the progress.",
      tag: 'calendar',
      access: ['manager'],
      query: emptyQuery,
      body: changeBody,
      responses: {
        200: {
          description: 'the dry run',
          schema: z.object({
            dryRun: z.literal(true),
            from: z.string(),
            to: z.string(),
            change,
            inspectionsRead: z.number().int(),
            moves: z.array(z.object({ inspectionId: z.string(), deadlines: z.array(z.object({ clock: z.string(), label: z.string(), before: z.string(), after: z.string() })) })),
            refusals: z.array(z.object({ inspectionId: z.string(), code: z.string(), message: z.string() })),
          }),
        },
        202: { description: 'published; the batch delivering it started', schema: z.object({ published, batch: batchState, centresNotListed: z.string().optional() }) },
      },
      async handle({ body, actor }) {
        const { dryRun = true, ...asked } = body;
        const holidayChange = { action: asked.action, date: asked.date, ...(asked.action === 'add' && asked.title ? { title: asked.title } : {}), source: asked.source };
        const latest = (await changes.published()).at(-1);
        if (!dryRun && latest && sameChange(latest.change, holidayChange)) {
          const again = await changes.redeliver(latest, actor);
          return { status: 202, json: again, headers: { location: `/calendar/batches/${again.batch.batchId}` } };
        }
        const { current, next } = await changes.next(holidayChange);
        if (dryRun) return { json: { dryRun: true as const, from: current.version, to: next.version, change: holidayChange, ...(await changes.preview(next, asked.date)) } };
        const result = await changes.publish(current, next, actor);
        return { status: 202, json: result, headers: { location: `/calendar/batches/${result.batch.batchId}` } };
      },
    }),
    route({
      method: 'get',
      path: '/calendar/batches/:batchId',
      operationId: 'getCalendarBatch',
      summary: "A calendar batch's progress: moved, unchanged, already moved, ended, refused (with each reason), remaining",
      tag: 'calendar',
      access: ['manager', 'auditor'],
      params: batchParams,
      query: emptyQuery,
      responses: { 200: { description: 'its progress', schema: batchState } },
      handle: async ({ params }) => ({ json: await changes.batch(params.batchId) }),
    }),
  ];
}

