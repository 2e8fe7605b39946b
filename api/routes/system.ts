import { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { Database } from '../../db';
import { catalogue, machineChart } from '../catalogue';
import { type RouteSpec, route } from '../route';
import { emptyQuery } from '../schemas';
import type { ApiMetrics } from '../metrics';

export function systemRoutes(deps: { client: Client; db: Database; metrics: ApiMetrics; openApi: () => unknown }): RouteSpec[] {
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
      summary: 'Temporal and the database are reachable',
      tag: 'operations',
      access: 'public',
      query: emptyQuery,
      responses: {
        200: { description: 'ready', schema: z.object({ temporal: z.string(), database: z.string() }) },
        503: { description: 'not ready: says which is unavailable', schema: z.object({ temporal: z.string(), database: z.string() }) },
      },
      async handle() {
        const checks = await Promise.allSettled([deps.client.connection.workflowService.getSystemInfo({}), deps.db.ping()]);
        const [temporal, database] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : `unavailable: ${String(c.reason)}`));
        return { status: checks.every((c) => c.status === 'fulfilled') ? 200 : 503, json: { temporal, database } };
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
      handle: async () => ({ text: deps.metrics.render(), contentType: 'text/plain; version=0.0.4; charset=utf-8' }),
    }),
    route({
      method: 'get',
      path: '/types',
      operationId: 'listTypes',
      summary: 'The type catalogue: every inspection type with its version, stages, clocks, decisions, roles and sources',
      tag: 'catalogue',
      access: 'public',
      query: emptyQuery,
      responses: {
        200: {
          description: 'every type and version',
          schema: z.object({
            types: z.array(
              z.looseObject({
                type: z.string(),
                version: z.number().int(),
                title: z.string(),
                clocks: z.array(z.looseObject({ id: z.string(), source: z.string() })),
                decisions: z.array(z.looseObject({ event: z.string(), roles: z.array(z.string()) })),
                chart: machineChart.describe("the machine's states and transitions, walked from the machine itself, for drawing it"),
              }),
            ),
          }),
        },
      },
      handle: async () => ({ json: { types: catalogue() } }),
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
