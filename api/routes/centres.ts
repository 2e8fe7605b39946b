import { z } from 'zod';
import { londonDateOf } from '../../calendar';
import { isoDate, note } from '../../machines/kit';
import { ApiError } from '../errors';
import type { InspectionService } from '../inspectionService';
import { managerChange } from '../../machines/sccif-rfc/managerChange';
import { centreCycleState as centreState } from '../../workflows/centreCycleState';
import { type RouteSpec, route } from '../route';
import { emptyQuery, providerId } from '../schemas';

const centreParams = z.strictObject({ providerId });
const reasonBody = z.strictObject({ reason: note });
const bringForwardBody = z.strictObject({ reason: note, by: isoDate.optional().describe('the day it is now due by (default today)') });

/** Residential family centres registered once and left: their cycle workflow schedules every full inspection. */
export function centreRoutes(service: InspectionService): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/centres',
      operationId: 'registerCentre',
      summary: 'Register a residential family centre: its inspections are scheduled for years by the rules of seed 002',
      tag: 'centres',
      access: ['manager'],
      query: emptyQuery,
      body: z.strictObject({ providerId, registeredOn: isoDate }),
      responses: {
        201: { description: 'registered; the first inspection falls due within 12 months', schema: centreState },
        200: { description: 'already registered', schema: centreState },
      },
      async handle({ body }) {
        if (body.registeredOn > londonDateOf(Date.now())) throw new ApiError(400, 'invalid_date', `registeredOn ${body.registeredOn} is in the future`);
        const { state, created } = await service.registerCentre(body.providerId, body.registeredOn);
        return { status: created ? 201 : 200, json: state, headers: { location: `/centres/${body.providerId}` } };
      },
    }),
    route({
      method: 'get',
      path: '/centres/:providerId',
      operationId: 'getCentre',
      summary: "A centre's cycle: its last graded inspection, the window of the next, the inspection under way",
      tag: 'centres',
      access: 'authenticated',
      params: centreParams,
      query: emptyQuery,
      responses: { 200: { description: 'the centre', schema: centreState } },
      async handle({ params, actor }) {
        if (actor.role === 'provider' && actor.providerId !== params.providerId) throw new ApiError(404, 'not_found', `centre ${params.providerId} not found`);
        return { json: await service.centre(params.providerId) };
      },
    }),
    route({
      method: 'post',
      path: '/centres/:providerId/bring-forward',
      operationId: 'bringInspectionForward',
      summary: 'Inspect sooner: concerns, missing regulation 25 reports or a change of manager (seed 002 §"Subsequent inspection activity")',
      description:
        "The window opens today and is due by `by` (default today: inspect now); the full inspection starts at once, scheduled for that day, and its audit trail records the rule. 409 once brought forward or under way; 400 for a `by` before today or after the date it is due by now.",
      tag: 'centres',
      access: ['manager'],
      params: centreParams,
      query: emptyQuery,
      body: bringForwardBody,
      responses: { 200: { description: 'the centre, its window moved and the reason recorded', schema: centreState } },
      async handle({ params, body }) {
        return { json: await service.bringForward(params.providerId, body.reason, body.by) };
      },
    }),
    route({
      method: 'post',
      path: '/centres/:providerId/manager-changes',
      operationId: 'recordManagerChange',
      summary:
        'A change of registered manager (absence of 28 days or more, leaving, appointment, registration): a late notice (28 days before; an emergency within a week) or unsatisfactory interim arrangements bring the inspection forward, and the post feeds the leadership judgement (seed 002 §"Residential family centres with no registered manager")',
      tag: 'centres',
      access: ['manager'],
      params: centreParams,
      query: emptyQuery,
      body: managerChange,
      responses: { 200: { description: 'the centre, with the change judged and the post as it now stands', schema: centreState } },
      async handle({ params, body }) {
        const today = londonDateOf(Date.now());
        if ('notifiedOn' in body && body.notifiedOn > today) throw new ApiError(400, 'invalid_date', `notifiedOn ${body.notifiedOn} is in the future`);
        return { json: await service.recordManagerChange(params.providerId, body) };
      },
    }),
    route({
      method: 'post',
      path: '/centres/:providerId/close',
      operationId: 'closeCentre',
      summary: 'The registration has ended: schedule no further inspections (one under way runs to its end)',
      tag: 'centres',
      access: ['manager'],
      params: centreParams,
      query: emptyQuery,
      body: reasonBody,
      responses: { 200: { description: 'the centre, closing', schema: centreState } },
      async handle({ params, body }) {
        return { json: await service.closeCentre(params.providerId, body.reason) };
      },
    }),
  ];
}
