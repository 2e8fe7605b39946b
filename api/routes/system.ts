import { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { Database } from '../../db';
import type { ReadingSettings } from '../../machines/readings';
import { catalogue, machineChart } from '../catalogue';
import { type RouteSpec, route } from '../route';
import { emptyQuery } from '../schemas';
import type { ApiMetrics } from '../metrics';
import { listRecordLags } from '../../readModel';

const readiness = z.object({
  status: z.enum(['ready', 'degraded', 'unavailable']).describe('degraded: some inspection records lag their workflow past the bound'),
  temporal: z.string(),
  database: z.string(),
  records: z.string().describe('ok, or how many inspection records lag their workflow past the bound, and which first'),
  lagging: z.array(z.object({ inspectionId: z.string(), revision: z.number().int(), attempts: z.number().int(), firstFailedAt: z.string(), lastError: z.string() })),
});

export function systemRoutes(deps: { client: Client; db: Database; metrics: ApiMetrics; lagBoundSeconds: number; readings: ReadingSettings; openApi: () => unknown }): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/healthz',
      operationId: 'health',
      summary: 'The process is up',
      tag: 'operations',
      access: 'public',
      query: emptyQuery,
      responses: { 200: { description: 'alive', schema: z.object({ ok: z.literal(true) }) } },
      handle: async () => ({ json: { ok: true } }),
    }),
    route({
      method: 'get',
      path: '/readyz',
      operationId: 'ready',
      summary: 'Temporal and the database are reachable, and every inspection record keeps up with its workflow',
      description: `Degraded (still 200) when an inspection's ledger has lagged its workflow for longer than the bound (RECORD_LAG_BOUND_SECONDS, default 60): a write failing, retried.`,
      tag: 'operations',
      access: 'public',
      query: emptyQuery,
      responses: {
        200: { description: 'ready, or degraded: says which records lag', schema: readiness },
        503: { description: 'not ready: says which is unavailable', schema: readiness },
      },
      async handle() {
        const [temporalCheck, databaseCheck] = await Promise.allSettled([deps.client.connection.workflowService.getSystemInfo({}), deps.db.ping()]);
        const [temporal, database] = [temporalCheck, databaseCheck].map((c) => (c.status === 'fulfilled' ? 'ok' : `unavailable: ${String(c.reason)}`));
        const lags = databaseCheck.status === 'fulfilled' ? await listRecordLags(deps.db, deps.lagBoundSeconds, 10).catch(() => null) : null;
        const lagging = lags?.items ?? [];
        const records = lags === null ? 'unknown' : lags.total === 0 ? 'ok' : `lagging: ${lags.total} inspection record(s) behind their workflow for over ${deps.lagBoundSeconds} s, the first ${lagging[0]!.inspectionId} since ${lagging[0]!.firstFailedAt}`;
        const up = temporal === 'ok' && database === 'ok';
        const status = !up ? 'unavailable' : lagging.length > 0 ? 'degraded' : 'ready';
        return { status: up ? 200 : 503, json: { status, temporal, database, records, lagging: lagging.map(({ lastFailedAt: _l, ...lag }) => lag) } };
      },
    }),
    route({
      method: 'get',
      path: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics',
      tag: 'operations',
      access: 'public',
      query: emptyQuery,
      responses: { 200: { description: 'text exposition format', contentType: 'text/plain', schema: z.string() } },
      handle: async () => ({ text: await deps.metrics.render(), contentType: deps.metrics.contentType }),
    }),
    route({
      method: 'get',
      path: '/types',
      operationId: 'listTypes',
      summary: 'The type catalogue: every inspection type with its framework version, machine revision, stages, clocks, decisions, roles and sources',
      tag: 'catalogue',
      access: 'public',
      query: emptyQuery,
      responses: {
        200: {
          description: 'every type, framework version and machine revision',
          schema: z.object({
            types: z.array(
              z.looseObject({
                type: z.string(),
                version: z.number().int().describe('the framework version: the law, in force from inForceFrom'),
                machineRevision: z.number().int().describe('the revision of our machine for that framework version'),
                revisionNote: z.string().nullable().describe('what this revision changed from the one before'),
                latestRevision: z.boolean().describe('new inspections of this framework version start on this revision'),
                inForceFrom: z.string(),
                title: z.string(),
                clocks: z.array(
                  z.looseObject({
                    id: z.string(),
                    source: z.string(),
                    basis: z.enum(['rule', 'reading']).describe('a rule the seed states, or a reading we chose where it gives no length or unit (why: `reading`)'),
                    chose: z.enum(['length', 'unit', 'length and unit']).optional().describe('for a reading: what the seed left to us'),
                    configured: z
                      .object({ length: z.number().int(), unit: z.string() })
                      .nullable()
                      .optional()
                      .describe('for a reading: the value an operator set (READINGS_FILE) for inspections started from now on; null: the reading as shown'),
                  }),
                ),
                decisions: z.array(z.looseObject({ event: z.string(), roles: z.array(z.string()) })),
                chart: machineChart.describe("the machine's states and transitions, walked from the machine itself, for drawing it"),
              }),
            ),
          }),
        },
      },
      handle: async () => ({ json: { types: catalogue(deps.readings) } }),
    }),
    route({
      method: 'get',
      path: '/openapi.json',
      operationId: 'openApi',
      summary: 'This document',
      tag: 'operations',
      access: 'public',
      query: emptyQuery,
      responses: { 200: { description: 'OpenAPI 3.1', schema: z.looseObject({ openapi: z.string() }) } },
      handle: async () => ({ json: deps.openApi() }),
    }),
  ];
}
