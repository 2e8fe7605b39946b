/**
 * A migration batch of 1,000 running inspections on the dev server (sccif-rfc-full revision 1 → 3), with the worker
 * process killed (SIGKILL) once mid-way and started again at once. The batch picks up where it was; an activity the
 * dead worker had under way is retried, and finds its inspection already migrated or migrates it: every inspection
 * is migrated exactly once (one `inspection.migrated` entry in its ledger), none is refused, none is left behind.
 */
import { randomUUID } from 'node:crypto';
import { MigrationBatches } from '../../api/migrationBatches';
import type { MigrationBatchState } from '../../workflows/migrationMessages';
import { eventually } from '../support/eventually';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { actors } from '../support/pureDriver';
import { type Database, type Rig, openDatabase, recordFigures, startRfcInspections, startRig } from '../support/reliabilityRig';
import { type WorkerProcess, startWorkerProcess } from '../support/workerProcess';

const INSPECTIONS = 1_000;
const KILL_AFTER = 250; // inspections done before the worker is killed

let rig: Rig | undefined;
let pg: TestPostgres | undefined;
let db: Database | undefined;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  [rig, pg] = await Promise.all([startRig('migration-batch'), startTestPostgres()]);
  db = await openDatabase({ url: pg.url });
}, 180_000);

afterAll(async () => {
  await worker?.kill().catch(() => undefined);
  await db?.close();
  await rig?.close();
  await pg?.stop();
});

test('1,000 inspections migrated by one batch, the worker killed once mid-way: each migrated exactly once', async () => {
  const { client, server, bundlePath } = rig!;
  const taskQueue = `migration-${randomUUID()}`;
  const startWorker = () => startWorkerProcess({ temporalAddress: server.address, databaseUrl: pg!.url, taskQueue, bundlePath });
  worker = startWorker();
  await worker.ready;

  const t0 = Date.now();
  const ids = await startRfcInspections(client, taskQueue, INSPECTIONS);
  const started = Date.now();
  // Each started inspection has written its first ledger entries: it is running on revision 1.
  await eventually(async () => ((await count(`SELECT count(*) FROM inspections WHERE id = ANY($1) AND machine_revision = 1`, [ids])) === INSPECTIONS ? true : undefined), 300_000);

  const batches = new MigrationBatches({ client, taskQueue });
  const batch = await batches.start({ type: 'sccif-rfc-full', version: 1, fromRevision: 1, toRevision: 3, reason: 'the concerns ladder for every 2024 inspection', actor: actors.manager, inspectionIds: ids });
  const migrationStarted = Date.now();
  const progress = (s: MigrationBatchState) => s.migrated + s.alreadyMigrated + s.refused;
  const atKill = await eventually(async () => {
    const s = await batches.read(batch.batchId);
    return progress(s) >= KILL_AFTER ? s : undefined;
  }, 300_000);
  const killed = await worker.kill('SIGKILL');
  worker = startWorker();
  await worker.ready;

  const done = await eventually(async () => {
    const s = await batches.read(batch.batchId);
    return s.status === 'completed' ? s : undefined;
  }, 600_000);
  expect(done).toMatchObject({ total: INSPECTIONS, refused: 0, remaining: 0, refusals: [] });
  expect(done.migrated + done.alreadyMigrated).toBe(INSPECTIONS);

  // Exactly one migration in every inspection's ledger, and every one on revision 3 in the read model.
  const migrations = await eventually(async () => {
    const rows = await db!.query<{ inspection_id: string; n: string }>(
      `SELECT inspection_id, count(*) AS n FROM ledger_entries WHERE kind = 'inspection.migrated' AND inspection_id = ANY($1) GROUP BY inspection_id`,
      [ids],
    );
    return rows.length === INSPECTIONS ? rows : undefined;
  }, 300_000);
  expect(migrations.filter((r) => Number(r.n) !== 1)).toEqual([]);
  await eventually(async () => ((await count(`SELECT count(*) FROM inspections WHERE id = ANY($1) AND machine_revision = 3`, [ids])) === INSPECTIONS ? true : undefined), 300_000);

  recordFigures('migrationBatch', {
    inspections: INSPECTIONS,
    startSeconds: Math.round((started - t0) / 1000),
    migrationSeconds: Math.round((Date.now() - migrationStarted) / 1000),
    killedAfter: progress(atKill),
    killSignal: killed.signal,
    migrated: done.migrated,
    alreadyMigratedOnRetry: done.alreadyMigrated,
  });
}, 1_500_000);

async function count(sql: string, params: unknown[]): Promise<number> {
  const rows = await db!.query<{ count: string }>(sql, params);
  return Number(rows[0]!.count);
}
