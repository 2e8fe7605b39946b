import { z } from 'zod';
import { RULES_LAST_YEAR, HOLIDAY_COVERAGE, calendarSummary, calendarYear, londonDateOf } from '../../calendar';
import { type RouteSpec, route } from '../route';
import { queryInt } from '../schemas';

const holiday = z.object({ date: z.string(), title: z.string(), notes: z.string().nullable(), basis: z.enum(['published', 'rule']) });
const range = z.object({ firstYear: z.number().int(), lastYear: z.number().int(), source: z.string() });

/** The working-day calendar: its data version, its published and provisional years, and a year's holidays with their source. */
export function calendarRoutes(): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/calendar',
      operationId: 'calendar',
      summary: 'The working-day calendar: its version, the years published and the years by rule (provisional), and a year\'s bank holidays with their source',
      tag: 'catalogue',
      access: 'public',
      query: z.strictObject({
        year: queryInt(HOLIDAY_COVERAGE.firstYear, RULES_LAST_YEAR).optional().describe(`a year from ${HOLIDAY_COVERAGE.firstYear} to ${RULES_LAST_YEAR}; default this year`),
      }),
      responses: {
        200: {
          description: 'the calendar and the year asked for',
          schema: z.object({
            division: z.string(),
            version: z.string().describe('the version of the published holiday data'),
            published: range.describe('the years of the published list'),
            provisional: range.describe('the years derived from the statutory rules until they are published'),
            year: z.number().int(),
            basis: z.enum(['published', 'rule']),
            holidays: z.array(holiday),
          }),
        },
      },
      handle: async ({ query }) => ({ json: { ...calendarSummary(), ...calendarYear(query.year ?? Number(londonDateOf(Date.now()).slice(0, 4))) } }),
    }),
  ];
}
