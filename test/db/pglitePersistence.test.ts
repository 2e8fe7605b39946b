import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseLockedError, migrations, openDatabase } from '../../db';
import { appendEntries, verifyChain } from '../../ledger';
import { getInspectionSummary, upsertInspectionSummary } from '../../readModel';

describe('PGlite persisted to a directory', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-test-'));
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('survives close and reopen, and re-runs migrations as a no-op', async () => {
    const dataDir = path.join(root, 'db1');
    const first = await openDatabase({ dataDir });
    expect(first.engine).toBe('pglite');
    await appendEntries(first, 'insp-1', [
      { seq: 1, kind: 'started', at: '2024-01-08T09:00:00Z', actor: 'system', role: 'system', data: { a: 1 }, source: null },
    ]);
    await upsertInspectionSummary(first, {
      id: 'insp-1',
      type: 'rfc-full',
      version: 1,
      machineRevision: 1,
      status: 'notice',
      stage: 'notice',
      providerId: 'p-1',
      nextDeadlineAt: '2024-01-10T17:00:00Z',
      nextDeadlineClock: 'notice',
      openBreaches: 0,
      grade: null,
      revision: 1,
    });
    await first.close();
    await first.close(); // idempotent
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);

    const second = await openDatabase({ dataDir });
    try {
      expect(await verifyChain(second, 'insp-1')).toMatchObject({ ok: true, entries: 1 });
      expect(await getInspectionSummary(second, 'insp-1')).toMatchObject({ id: 'insp-1', nextDeadlineAt: '2024-01-10T17:00:00.000Z' });
      expect(await second.query('SELECT count(*) AS n FROM schema_migrations')).toEqual([{ n: migrations.length }]);
      await appendEntries(second, 'insp-1', [
        { seq: 2, kind: 'next', at: '2024-01-08T10:00:00Z', actor: 'system', role: 'system', data: {}, source: null },
      ]);
    } finally {
      await second.close();
    }
    const third = await openDatabase({ dataDir });
    try {
      expect(await verifyChain(third, 'insp-1')).toMatchObject({ ok: true, entries: 2 });
    } finally {
      await third.close();
    }
  });

  it('refuses a second opener of the same directory while it is open', async () => {
    const dataDir = path.join(root, 'db2');
    const db = await openDatabase({ dataDir });
    try {
      await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DatabaseLockedError);
      await db.ping(); // the first handle is unharmed
    } finally {
      await db.close();
    }
    const again = await openDatabase({ dataDir });
    await again.close();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dataDir = path.join(root, 'db3');
    fs.mkdirSync(root, { recursive: true });
    // pid 2^22+1 is above Linux's pid_max default, so no process has it.
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: 4194305, host: os.hostname(), since: 'then' }));
    const db = await openDatabase({ dataDir });
    await db.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('refuses a lock held by a live process', async () => {
    const dataDir = path.join(root, 'db4');
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: process.ppid, host: os.hostname(), since: 'now' }));
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use/);
    fs.rmSync(`${dataDir}.lock`);
  });

  it('in-memory databases are independent of each other', async () => {
    const [a, b] = await Promise.all([openDatabase({ memory: true }), openDatabase({ memory: true })]);
    try {
      await a.exec('CREATE TABLE only_in_a (x int)');
      expect(await b.query("SELECT to_regclass('only_in_a') AS t")).toEqual([{ t: null }]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
