import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type AppDeps, createApp } from '../../api/app';
import { createAuthenticator } from '../../api/auth';
import type { Database } from '../../db';
import type { Role } from '../../machines/kit';
import { startWorker } from './inspectionHarness';
import { PROVIDER_ID } from './pureDriver';
import { createLocalEnv } from './temporal';

export const TEST_AUTH = { secret: 'test-secret-not-for-production-0123456789', issuer: 'urn:test:issuer', audience: 'urn:test:api' };

/**
 * New inspections take the framework versions in force on this date, so that what these tests assert does not
 * change when a later version comes into force (sccif-rfc-full v2 from 2027-04-01).
 */
export const TEST_FRAMEWORK_DATE = '2026-11-22';

/** The real Express app on a loopback port, with a token for each role; new inspections take the versions in force on `frameworkDate`. */
export async function startApi(client: Client, db: Database, taskQueue: string, frameworkDate = TEST_FRAMEWORK_DATE, options: Partial<AppDeps> = {}) {
  const auth = createAuthenticator(TEST_AUTH);
  const logs: Record<string, unknown>[] = [];
  const app = createApp({ client, db, taskQueue, auth, searchAttributes: true, log: (line) => logs.push(line), frameworkDate: () => frameworkDate, ...options });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = {} as Record<Role, string>;
  for (const role of ['manager', 'inspector', 'provider', 'auditor'] as const) {
    tokens[role] = await auth.issue({ id: `${role}-1`, role, ...(role === 'provider' ? { providerId: PROVIDER_ID } : {}) });
  }
  async function call(method: string, path: string, options: { role?: Role; token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token ?? (options.role ? tokens[options.role] : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(base + path, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    return { status: response.status, body: json, headers: response.headers };
  }
  return { base, auth, tokens, logs, call, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** What `useApiStack` holds for a test file; read its fields inside tests and hooks (they are set in `beforeAll`). */
export interface ApiStack {
  readonly env: TestWorkflowEnvironment;
  readonly worker: Awaited<ReturnType<typeof startWorker>>;
  readonly api: Awaited<ReturnType<typeof startApi>>;
}

/**
 * The real dev server, a worker and the API for the test file (or describe block) that calls it: started in a
 * `beforeAll`, stopped in an `afterAll`. A file's own `beforeAll` declared after the call runs after them.
 */
export function useApiStack(options: Partial<AppDeps> = {}): ApiStack {
  let env: ApiStack['env'] | undefined;
  let worker: ApiStack['worker'] | undefined;
  let api: ApiStack['api'] | undefined;
  beforeAll(async () => {
    env = await createLocalEnv();
    worker = await startWorker(env.nativeConnection);
    api = await startApi(env.client, worker.db, worker.taskQueue, TEST_FRAMEWORK_DATE, options);
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await worker?.stop();
    await env?.teardown();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useApiStack: read its fields inside tests or hooks, after its beforeAll');
    return value;
  };
  return {
    get env() {
      return started(env);
    },
    get worker() {
      return started(worker);
    },
    get api() {
      return started(api);
    },
  };
}
