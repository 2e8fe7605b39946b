import { z } from 'zod';
import { londonDateOf, withCalendar } from '../../calendar';
import { projectTimeline } from '../../engine';
import { timelineToIcs } from '../../engine/ics';
import { timeline } from '../../engine/timelineSchema';
import { getDefinition } from '../../machines/registry';
import type { CalendarChanges } from '../calendarChanges';
import type { InspectionService } from '../inspectionService';
import { type RouteSpec, route } from '../route';
import { emptyQuery, inspectionIdParams } from '../schemas';
import { readableView } from './inspections';

export function timelineRoutes(service: InspectionService, calendar: CalendarChanges): RouteSpec[] {
  /** Projected with the calendar version the inspection counts its working days with. */
  async function project(id: string, actor: { role: string; providerId?: string }) {
    const view = await readableView(service, id, actor);
    const definition = getDefinition(view.type, view.version, view.machineRevision);
    const version = await calendar.named(view.calendar);
    return { view, timeline: withCalendar(version, () => projectTimeline({ definition, stage: view.stage, facts: view.facts, done: view.done }, londonDateOf(Date.now()))) };
  }
  return [
    route({
      method: 'get',
      path: '/inspections/:id/timeline',
      operationId: 'getTimeline',
      summary: 'Every future statutory date of the inspection, simulated from its current state (each step on its due date)',
      tag: 'inspections',
      access: 'authenticated',
      params: inspectionIdParams,
      query: emptyQuery,
      responses: { 200: { description: 'the projected dates, soonest first', schema: timeline.extend({ inspectionId: z.string() }) } },
      async handle({ params, actor }) {
        return { json: { inspectionId: params.id, ...(await project(params.id, actor)).timeline } };
      },
    }),
    route({
      method: 'get',
      path: '/inspections/:id/timeline.ics',
      operationId: 'getTimelineCalendar',
      summary: 'The same dates as an iCalendar feed a manager can subscribe to',
      tag: 'inspections',
      access: 'authenticated',
      params: inspectionIdParams,
      query: emptyQuery,
      responses: { 200: { description: 'text/calendar', contentType: 'text/calendar', schema: z.string() } },
      async handle({ params, actor }) {
        const { view, timeline: projected } = await project(params.id, actor);
        const text = timelineToIcs(projected.entries, { inspectionId: params.id, stamp: Date.now(), calendarName: `${view.title} (${params.id})` });
        return { text, contentType: 'text/calendar; charset=utf-8', headers: { 'content-disposition': `inline; filename="${params.id}.ics"` } };
      },
    }),
  ];
}
