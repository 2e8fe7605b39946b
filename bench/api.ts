import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { createApp } from '../api/app';
import { createAuthenticator } from '../api/auth';
import type { Database } from '../db';
import { DECISIONS, PROVIDER_ID, actors } from './sides';

const AUTH = { secret: 'bench-secret-not-for-production-0123456789', issuer: 'urn:bench:issuer', audience: 'urn:bench:api' };

export type BenchApi = Awaited<ReturnType<typeof startBenchApi>>;

/** The product's Express app on a loopback port, as `npm start` serves it, with the rate limit out of the way. */
export async function startBenchApi(client: Client, db: Database, taskQueue: string) {
  const auth = createAuthenticator(AUTH);
  const app = createApp({ client, db, taskQueue, auth, searchAttributes: true, rateLimitPerMinute: 1e9, log: () => {} });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens: Record<string, string> = {};
  for (const [role, actor] of Object.entries(actors)) {
    tokens[role] = await auth.issue({ id: actor.id, role: actor.role, ...(role === 'provider' ? { providerId: PROVIDER_ID } : {}) } as Parameters<typeof auth.issue>[0]);
  }
  async function call(method: string, path: string, role: string, body?: unknown) {
    const response = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${tokens[role]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }
  return {
    decide: (id: string, step: (typeof DECISIONS)[number]) => call('POST', `/inspections/${id}/decisions`, step.role, { event: step.event, ...step.fields }),
    overdue: async () => (await call('GET', '/deadlines?overdue=true&limit=50', 'manager')) as { total: number },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
