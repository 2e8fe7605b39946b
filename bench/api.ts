import { Agent, type Server, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { createApp } from '../api/app';
import { createAuthenticator } from '../api/auth';
import type { Database } from '../db';
import { DECISIONS, PROVIDER_ID, actors } from './sides';
import { nowMs } from './stats';

const AUTH = { secret: 'bench-secret-not-for-production-0123456789', issuer: 'urn:bench:issuer', audience: 'urn:bench:api' };

export type BenchApi = Awaited<ReturnType<typeof startBenchApi>>;

/**
 * The product's Express app on a loopback port, as `npm start` serves it, with the rate limit out of the way. The
 * Temporal client it is given times each Update it sends, so the time a request spends outside Temporal is
 * measured within that same request (`lastUpdate`), not only as a difference of two noisy distributions.
 */
export async function startBenchApi(client: Client, db: Database, taskQueue: string) {
  const auth = createAuthenticator(AUTH);
  let lastUpdate = { startedAt: NaN, endedAt: NaN };
  const timed = timingUpdates(client, (span) => (lastUpdate = span));
  const app = createApp({ client: timed, db, taskQueue, auth, searchAttributes: true, rateLimitPerMinute: 1e9, log: () => {} });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens: Record<string, string> = {};
  for (const [role, actor] of Object.entries(actors)) {
    tokens[role] = await auth.issue({ id: actor.id, role: actor.role, ...(role === 'provider' ? { providerId: PROVIDER_ID } : {}) } as Parameters<typeof auth.issue>[0]);
  }
  // node:http with a keep-alive agent rather than fetch: undici's fetch adds ~0.7 ms of its own per request on this
  // machine (measured against the same app answering at once), which would be counted as the API's.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  function call(method: string, path: string, role: string, body?: unknown): Promise<Record<string, unknown>> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { authorization: `Bearer ${tokens[role]}` };
      if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
      const req = request(base + path, { method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 299) reject(new Error(`${method} ${path}: ${status} ${text}`));
          else resolve(JSON.parse(text) as Record<string, unknown>);
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }
  return {
    decide: (id: string, step: (typeof DECISIONS)[number]) => call('POST', `/inspections/${id}/decisions`, step.role, { event: step.event, ...step.fields }),
    /** When the Update of the last decision began and ended inside the API (the Temporal client's `executeUpdate`). */
    lastUpdate: () => lastUpdate,
    overdue: async () => (await call('GET', '/deadlines?overdue=true&limit=50', 'manager')) as { total: number },
    close: () => {
      agent.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** The same client, except that `workflow.getHandle(id).executeUpdate` reports when it began and ended. */
function timingUpdates(client: Client, report: (span: { startedAt: number; endedAt: number }) => void): Client {
  const bound = (target: object, prop: PropertyKey) => {
    const value = Reflect.get(target, prop) as unknown;
    return typeof value === 'function' ? value.bind(target) : value;
  };
  const timedHandle = (handle: ReturnType<Client['workflow']['getHandle']>) =>
    new Proxy(handle, {
      get(target, prop) {
        if (prop !== 'executeUpdate') return bound(target, prop);
        return async (...args: Parameters<typeof target.executeUpdate>) => {
          const t0 = nowMs();
          try {
            return await target.executeUpdate(...args);
          } finally {
            report({ startedAt: t0, endedAt: nowMs() });
          }
        };
      },
    });
  const workflow = new Proxy(client.workflow, {
    get(target, prop) {
      if (prop !== 'getHandle') return bound(target, prop);
      return (...args: Parameters<typeof target.getHandle>) => timedHandle(target.getHandle(...args));
    },
  });
  return new Proxy(client, { get: (target, prop) => (prop === 'workflow' ? workflow : bound(target, prop)) });
}
