import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite as PGliteInstance, Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './types';
import { acquireLock, type HeldLock } from './lockFile';

export const DEFAULT_PGLITE_DIR = 'data/pglite';

type PgliteModule = typeof import('@electric-sql/pglite');
let pgliteModule: PgliteModule | undefined;

/**
 * PGlite's CommonJS build loads `fs`, `node:module` and its WASM with dynamic `import()`, which Jest's
 * module sandbox refuses unless Node runs with --experimental-vm-modules. So we load it with Node's
 * own require (from the real `module` built-in, which Jest does not replace when reached through
 * process.getBuiltinModule). Outside Jest this is exactly a plain `require`.
 */
function loadPglite(): PgliteModule {
  if (!pgliteModule) {
    const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
    const nodeModule = getBuiltin?.call(process, 'node:module') as typeof import('node:module') | undefined;
    const load = nodeModule ? nodeModule.createRequire(__filename) : require;
    pgliteModule = load('@electric-sql/pglite') as PgliteModule;
  }
  return pgliteModule;
}

/**
 * PGlite: PostgreSQL compiled to WASM, running inside this process on one connection.
 *
 * One process only: a PGlite data directory must never be opened by two processes (nor twice in one
 * process) at the same time. We hold `<dataDir>.lock` while it is open and refuse a second opener with
 * `DatabaseLockedError`. To share one database between several workers and the API, use a real
 * PostgreSQL (`DATABASE_URL`).
 *
 * Serialisation: there is one connection, so statements of two transactions must not interleave.
 * PGlite's `transaction()` holds its transaction mutex from BEGIN to COMMIT/ROLLBACK, and its
 * `query()`/`exec()` take the same mutex, so a concurrent caller waits for the whole transaction.
 * A call on the `Database` from inside a transaction callback would wait for itself; we detect it
 * (AsyncLocalStorage) and throw instead.
 */
export async function openPglite(opts: { dataDir?: string; memory?: boolean }): Promise<Database> {
  let lock: HeldLock | null = null;
  const { PGlite } = loadPglite();
  let pg: PGliteInstance;
  if (opts.memory) {
    pg = await PGlite.create();
  } else {
    const dir = path.resolve(opts.dataDir ?? DEFAULT_PGLITE_DIR);
    fs.mkdirSync(dir, { recursive: true });
    lock = acquireLock(`${dir}.lock`);
    try {
      pg = await PGlite.create({ dataDir: dir });
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  return new PgliteDatabase(pg, lock);
}

const insideTransaction = new AsyncLocalStorage<PgliteDatabase>();

class PgliteDatabase implements Database {
  readonly engine = 'pglite' as const;
  private closed = false;

  constructor(
    private readonly pg: PGliteInstance,
    private readonly lock: HeldLock | null,
  ) {}

  private guard(): void {
    if (this.closed) throw new Error('Database is closed');
    if (insideTransaction.getStore() === this) {
      throw new Error(
        'Database used directly inside its own transaction callback: use the `tx` argument (on PGlite this would deadlock)',
      );
    }
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    this.guard();
    const res = await this.pg.query<T>(sql, [...params]);
    return res.rows;
  }

  async exec(sql: string): Promise<void> {
    this.guard();
    await this.pg.exec(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    this.guard();
    return this.pg.transaction((raw: Transaction) =>
      insideTransaction.run(this, () =>
        fn({
          async query<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
            return (await raw.query<R>(sql, [...params])).rows;
          },
          async exec(sql: string): Promise<void> {
            await raw.exec(sql);
          },
        }),
      ),
    );
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.pg.close();
    } finally {
      this.lock?.release();
    }
  }
}
