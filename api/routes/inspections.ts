import { z } from 'zod';
import { inspectionView } from '../../engine/view';
import { UnknownInspectionTypeError, versionInForce } from '../../machines/registry';
import { inspectionSummary, listInspections } from '../../readModel';
import type { Database } from '../../db';
import { ApiError, notFound } from '../errors';
import type { InspectionService } from '../inspectionService';
import { type RouteSpec, route } from '../route';
import {
  createInspectionBody,
  createInspectionBodyDoc,
  decisionBody,
  decisionBodyDoc,
  emptyQuery,
  inspectionIdParams,
  listQuery,
} from '../schemas';
import { parseOr400 } from '../validate';

const idempotencyKey = {
  name: 'Idempotency-Key',
  description: 'A retried request with the same key returns the first answer and does nothing twice.',
  schema: z.string().regex(/^[\w.:-]{1,200}$/),
};

export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header !== undefined && !idempotencyKey.schema.safeParse(header).success) {
    throw new ApiError(400, 'invalid_request', 'Idempotency-Key: 1 to 200 letters, digits, or . _ : -');
  }
  return header;
}

export function inspectionRoutes(service: InspectionService, db: Database, frameworkDate: () => string): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/inspections',
      operationId: 'startInspection',
      summary: 'Start an inspection of a type, for a provider',
      description: 'The version in force today is used, and kept for the life of the inspection.',
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
        const { type, providerId, ...input } = body;
        const definition = definitionInForce(type, frameworkDate());
        const machineInput = parseOr400(definition.inputSchema, input, `input for ${type}`);
        const key = idempotencyKeyOf(req.get('idempotency-key'));
        const { view, created } = await service.start(definition, providerId, machineInput, actor, key);
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
      bodyDoc: decisionBodyDoc,
      headers: [idempotencyKey],
      responses: { 200: { description: 'accepted: the new state', schema: inspectionView } },
      async handle({ params, body, actor, req }) {
        const { event, ...fields } = body;
        const key = idempotencyKeyOf(req.get('idempotency-key'));
        return { json: await service.decide(params.id, { event, ...fields }, actor, key) };
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

function definitionInForce(type: string, today: string) {
  try {
    return versionInForce(type, today);
  } catch (error) {
    if (error instanceof UnknownInspectionTypeError) throw new ApiError(400, 'unknown_type', error.message);
    throw error;
  }
}
