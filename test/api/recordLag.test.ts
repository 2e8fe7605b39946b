import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Database, type Queryable, openDatabase } from '../../db';
import { startApi } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { startWorker } from '../support/inspectionHarness';
import { PROVIDER_ID } from '../support/pureDriver';
import { createLocalEnv } from '../support/temporal';

/**
 * The lag detector: the ledger made to fail for one inspection (its writes refused, as a database that cannot take
 * them would) shows at once in /readyz (degraded), the Prometheus gauges, the inspection's own view and its audit check;
 * another inspection is untouched; and all of it recovers when the fault is removed, the ledger whole.
 */
const FAULT = 'ledger write refused (fault injected by the test)';
let env: TestWorkflowEnvironment;
let db: Database;
let worker: Awaited<ReturnType<typeof startWorker>>;
let api: Awaited<ReturnType<typeof startApi>>;
const fault = { inspectionId: null as string | null };

/** The database, with ledger writes for `fault.inspectionId` refused. */
function faulty(inner: Database): Database {
  const guard = (sql: string, params?: readonly unknown[]) => {
    if (fault.inspectionId && /^\s*INSERT INTO ledger_entries\b/i.test(sql) && params?.[0] === fault.inspectionId) throw new Error(FAULT);
  };
  const wrap = (q: Queryable): Queryable => ({
    async query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      guard(sql, params);
      return q.query<T>(sql, params);
    },
    exec: (sql: string) => q.exec(sql),
  });
  return { ...wrap(inner), engine: inner.engine, transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))), ping: () => inner.ping(), close: async () => undefined };
}

beforeAll(async () => {
  env = await createLocalEnv();
  db = await openDatabase({ memory: true });
  worker = await startWorker(env.nativeConnection, faulty(db));
  api = await startApi(env.client, db, worker.taskQueue, undefined, { recordLagBoundSeconds: 1 });
}, 180_000);

afterAll(async () => {
  await api?.close();
  await worker?.stop();
  await env?.teardown();
  await db?.close();
});

const start = async () => (await api.call('POST', '/inspections', { role: 'manager', body: { type: 'sccif-rfc-full', providerId: PROVIDER_ID } })).body.inspectionId as string;
const gauge = async (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(await (await fetch(`${api.base}/metrics`)).text())?.[1]);

it('a ledger failing for one inspection shows in /readyz, the gauges, its view and its audit check, and recovers when the fault is removed', async () => {
  const [stuck, fine] = [await start(), await start()];
  await eventually(async () => ((await api.call('GET', '/readyz')).body.records === 'ok' ? true : undefined));
  fault.inspectionId = stuck;
  expect((await api.call('POST', `/inspections/${stuck}/decisions`, { role: 'inspector', body: { event: 'INSPECTION_STARTED' } })).status).toBe(200);
  expect((await api.call('POST', `/inspections/${fine}/decisions`, { role: 'inspector', body: { event: 'INSPECTION_STARTED' } })).status).toBe(200);

  const degraded = await eventually(async () => {
    const res = await api.call('GET', '/readyz');
    return res.body.status === 'degraded' ? res : undefined;
  }, 30_000);
  expect(degraded.status).toBe(200); // one lagging record does not take the API out of service
  expect(degraded.body.lagging).toEqual([expect.objectContaining({ inspectionId: stuck, lastError: expect.stringContaining(FAULT) })]);
  expect(degraded.body.records).toContain(stuck);
  expect(await gauge('inspections_record_lagging')).toBe(1);
  expect(await gauge('inspections_record_lag_seconds')).toBeGreaterThan(0);
  const view = (await api.call('GET', `/inspections/${stuck}`, { role: 'manager' })).body;
  expect(view.unrecordedSince).toEqual(expect.any(String));
  expect((await api.call('GET', `/inspections/${fine}`, { role: 'manager' })).body.unrecordedSince).toBeNull();
  const check = (await api.call('GET', `/inspections/${stuck}/audit/verify`, { role: 'auditor' })).body;
  expect(check).toMatchObject({ ok: false, reason: expect.stringContaining('the ledger lags the workflow'), record: { pendingSince: view.unrecordedSince, lag: { inspectionId: stuck } } });
  expect((await api.call('GET', `/inspections/${fine}/audit/verify`, { role: 'auditor' })).body).toMatchObject({ ok: true, record: { pendingSince: null, lag: null } });

  fault.inspectionId = null;
  await eventually(async () => ((await api.call('GET', '/readyz')).body.status === 'ready' ? true : undefined), 90_000);
  expect(await gauge('inspections_record_lagging')).toBe(0);
  expect((await api.call('GET', `/inspections/${stuck}`, { role: 'manager' })).body.unrecordedSince).toBeNull();
  const whole = (await api.call('GET', `/inspections/${stuck}/audit/verify`, { role: 'auditor' })).body;
  expect(whole).toMatchObject({ ok: true, record: { pendingSince: null, lag: null } });
  expect(whole.entries).toBe(whole.record.workflowEntries);
}, 180_000);
