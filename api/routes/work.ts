import { z } from 'zod';
import type { Database } from '../../db';
import { breachView, deadlineView } from '../../engine/view';
import { listBreaches, listDeadlines, listInbox } from '../../readModel';
import type { Actor } from '../../machines/kit';
import { ApiError } from '../errors';
import { type RouteSpec, route } from '../route';
import { breachesQuery, deadlinesQuery, inboxQuery } from '../schemas';

const where = { inspectionId: z.string(), type: z.string(), providerId: z.string().nullable() };
const pageOf = (item: z.ZodType) => z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

/** A provider sees only its own inspections in every list. */
const scope = (actor: Actor) => (actor.role === 'provider' && actor.providerId ? { providerId: actor.providerId } : {});

export function workRoutes(db: Database): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/inbox',
      operationId: 'getInbox',
      summary: 'The decisions waiting for a role across all open inspections, soonest due first',
      description: 'Each item says what the decision is, the clock it answers (why it is due), and whether that is overdue.',
      tag: 'work',
      access: 'authenticated',
      query: inboxQuery,
      responses: {
        200: {
          description: 'a page of waiting decisions',
          schema: pageOf(
            z.object({
              ...where,
              status: z.string(),
              event: z.string(),
              label: z.string(),
              roles: z.array(z.string()),
              source: z.string(),
              answers: deadlineView.nullable(),
              due: z.string().nullable(),
              overdue: z.boolean(),
            }),
          ),
        },
      },
      async handle({ query, actor }) {
        const role = query.role ?? actor.role;
        if (actor.role === 'provider' && role !== 'provider') throw new ApiError(403, 'forbidden', "a provider sees only the provider's inbox");
        const page = await listInbox(db, { role, now: new Date(), limit: query.limit, offset: query.offset, ...scope(actor) });
        return { json: { ...page, limit: query.limit, offset: query.offset } };
      },
    }),
    route({
      method: 'get',
      path: '/deadlines',
      operationId: 'listDeadlines',
      summary: 'Running statutory clocks across inspections: overdue, due soon, or all; soonest first',
      tag: 'work',
      access: 'authenticated',
      query: deadlinesQuery,
      responses: { 200: { description: 'a page of deadlines', schema: pageOf(deadlineView.extend({ ...where, status: z.string() })) } },
      async handle({ query, actor }) {
        const page = await listDeadlines(db, {
          now: new Date(),
          limit: query.limit,
          offset: query.offset,
          ...(query.overdue ? { overdue: true } : {}),
          ...(query.dueWithinDays !== undefined ? { withinDays: query.dueWithinDays } : {}),
          ...scope(actor),
        });
        return { json: { ...page, limit: query.limit, offset: query.offset } };
      },
    }),
    route({
      method: 'get',
      path: '/breaches',
      operationId: 'listBreaches',
      summary: 'Every missed statutory target, with its rule and source; newest first',
      tag: 'work',
      access: 'authenticated',
      query: breachesQuery,
      responses: { 200: { description: 'a page of breaches', schema: pageOf(breachView.extend(where)) } },
      async handle({ query, actor }) {
        const page = await listBreaches(db, { limit: query.limit, offset: query.offset, ...(query.open ? { open: true } : {}), ...scope(actor) });
        return { json: { ...page, limit: query.limit, offset: query.offset } };
      },
    }),
  ];
}
