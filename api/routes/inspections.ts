import { z } from 'zod';
import { inspectionView } from '../../engine/view';
import { londonDateOf } from '../../calendar';
import { UnknownInspectionTypeError, versionInForce } from '../../machines/registry';
import { inspectionSummary, listInspections } from '../../readModel';
import type { Database } from '../../db';
import { ApiError, notFound } from '../errors';
import type { InspectionService } from '../inspectionService';
import { type RouteSpec, route } from '../route';
import {
  correctionBody,
  createInspectionBody,
  createInspectionBodyDoc,
  decisionBody,
  decisionBodyDoc,
  emptyQuery,
  inspectionIdParams,
  listQuery,
  missedDeadlineBody,
} from '../schemas';
import { parseOr400 } from '../validate';
import { claimIdempotencyKey } from '../idempotency';
import type { Request } from 'express';
import type { Actor } from '../../machines/kit';

const idempotencyKey = {
  name: 'Idempotency-Key',
  description: 'A retried request with the same key returns the first answer and does nothing twice.',
  schema: z.string().regex(/^[\w.:-]{1,200}$/),
};

/** The request's Idempotency-Key, checked and claimed for this request (422 when first sent with another), if any. */
async function idempotencyKeyOf(db: Database, req: Request, actor: Actor, target: string, body: unknown): Promise<string | undefined> {
  const header = req.get('idempotency-key');
  if (header === undefined) return undefined;
  if (!idempotencyKey.schema.safeParse(header).success) throw new ApiError(400, 'invalid_request', 'Idempotency-Key: 1 to 200 letters, digits, or . _ : -');
  await claimIdempotencyKey(db, actor.id, header, { route: req.route?.path ?? req.path, target, body });
  return header;
}

export function inspectionRoutes(service: InspectionService, db: Database, frameworkDate: () => string): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/inspections',
      operationId: 'startInspection',
      summary: 'Start an inspection of a type, for a provider',
      description:
        'The version in force on the day it was opened (`at`, default today) is used, and kept for the life of the inspection. `at` lets an inspection that began before it was entered be recorded from its own first day: no step may be dated before it.',
      tag: 'inspections',
      access: ['manager'],
      query: emptyQuery,
      body: createInspectionBody,
      bodyDoc: createInspectionBodyDoc,
      headers: [idempotencyKey],
      responses: {
        201: { description: 'started', schema: inspectionView },
        200: { description: 'already started by an earlier request with the same Idempotency-Key', schema: inspectionView },
      },
      async handle({ body, actor, req }) {
        const { type, providerId, at, ...input } = body;
        const today = londonDateOf(Date.now());
        if (at !== undefined && at > today) throw new ApiError(400, 'invalid_date', `at ${at} is in the future (today is ${today})`);
        const definition = definitionInForce(type, at ?? frameworkDate());
        const machineInput = parseOr400(definition.inputSchema, input, `input for ${type}`);
        const key = await idempotencyKeyOf(db, req, actor, 'inspections', body);
        const { view, created } = await service.start(definition, providerId, machineInput, actor, at ?? today, key);
        return { status: created ? 201 : 200, json: view, headers: { location: `/inspections/${view.inspectionId}` } };
      },
    }),
    route({
      method: 'get',
      path: '/inspections',
      operationId: 'listInspections',
      summary: 'List inspections, with filters and pagination (a provider sees its own)',
      tag: 'inspections',
      access: 'authenticated',
      query: listQuery,
      responses: {
        200: {
          description: 'a page',
          schema: z.object({ items: z.array(inspectionSummary), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
        },
      },
      async handle({ query, actor }) {
        if (actor.role === 'provider' && query.providerId && query.providerId !== actor.providerId) {
          throw new ApiError(403, 'forbidden', 'a provider may list only its own inspections');
        }
        const providerId = actor.role === 'provider' ? actor.providerId : query.providerId;
        const page = await listInspections(db, { ...query, ...(providerId ? { providerId } : {}), now: new Date() });
        return { json: { ...page, limit: query.limit, offset: query.offset } };
      },
    }),
    route({
      method: 'get',
      path: '/inspections/:id',
      operationId: 'getInspection',
      summary: 'One inspection: status, stage, deadlines, breaches and the decisions possible now',
      tag: 'inspections',
      access: 'authenticated',
      params: inspectionIdParams,
      query: emptyQuery,
      responses: { 200: { description: 'the inspection', schema: inspectionView } },
      async handle({ params, actor }) {
        return { json: await readableView(service, params.id, actor) };
      },
    }),
    route({
      method: 'post',
      path: '/inspections/:id/decisions',
      operationId: 'decide',
      summary: 'Send a decision or fact: `{ event, ...its fields }`',
      description:
        'Who may send each event, and what it carries, come from the inspection type (see GET /types). Refused: 400 bad payload or date, 403 role, 409 not allowed at this stage (with the events that are).',
      tag: 'inspections',
      access: 'authenticated',
      params: inspectionIdParams,
      query: emptyQuery,
      body: decisionBody,
      bodyDoc: decisionBodyDoc(),
      headers: [idempotencyKey],
      responses: { 200: { description: 'accepted: the new state', schema: inspectionView } },
      async handle({ params, body, actor, req }) {
        const { event, ...fields } = body;
        if (actor.role === 'provider') await readableView(service, params.id, actor); // another provider's: 404, as if it did not exist
        const key = await idempotencyKeyOf(db, req, actor, params.id, body);
        return { json: await service.decide(params.id, { event, ...fields }, actor, key) };
      },
    }),
    route({
      method: 'post',
      path: '/inspections/:id/corrections',
      operationId: 'correct',
      summary: 'Correct a recorded step: amend its date or fields, or withdraw it, with a reason',
      description:
        "Everything derived follows (stage, deadlines, breaches, grade, timeline); the ledger keeps the original step and adds the correction. Who may correct a step is the inspection type's to say (a manager by default). Refused: 400 bad correction or date, 403 role, 404 no such step, 409 a history the rules do not allow or that would undo an effect already carried out.",
      tag: 'inspections',
      access: 'authenticated',
      params: inspectionIdParams,
      query: emptyQuery,
      body: correctionBody,
      headers: [idempotencyKey],
      responses: { 200: { description: 'corrected: the new state', schema: inspectionView } },
      async handle({ params, body, actor, req }) {
        if (actor.role === 'provider') await readableView(service, params.id, actor);
        const key = await idempotencyKeyOf(db, req, actor, params.id, body);
        return { json: await service.correct(params.id, body, actor, key) };
      },
    }),
    route({
      method: 'post',
      path: '/inspections/:id/missed-deadlines',
      operationId: 'confirmMissedDeadline',
      summary: 'Confirm that an overdue target was missed: a breach now, before the step that answers it is recorded',
      description: 'An overdue target is awaiting the record until the step that answers it is dated; a manager who knows it was missed says so here. 409 when that target is not running or not yet due.',
      tag: 'inspections',
      access: ['manager'],
      params: inspectionIdParams,
      query: emptyQuery,
      body: missedDeadlineBody,
      responses: { 200: { description: 'the breach recorded: the new state', schema: inspectionView } },
      async handle({ params, body, actor }) {
        return { json: await service.confirmMissed(params.id, body.clock, body.reason, actor) };
      },
    }),
  ];
}

/** A provider reading another provider's inspection is told it does not exist. */
export async function readableView(service: InspectionService, id: string, actor: { role: string; providerId?: string }) {
  const view = await service.view(id);
  if (actor.role === 'provider' && view.providerId !== actor.providerId) throw notFound(`inspection ${id}`);
  return view;
}

function definitionInForce(type: string, onDate: string) {
  try {
    return versionInForce(type, onDate);
  } catch (error) {
    if (error instanceof UnknownInspectionTypeError) throw new ApiError(400, 'unknown_type', error.message);
    throw error;
  }
}
