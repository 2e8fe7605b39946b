import { Pool, types as pgTypes, type PoolClient } from 'pg';
import type { Database, Queryable } from './types';

const INT8_OID = 20;

/**
 * int8 (bigint, count(*)) as a JS number, like PGlite returns it, so code behaves the same on both
 * engines. Values beyond 2^53 would lose precision: we keep none that large.
 */
const typeOverrides = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pgTypes.getTypeParser(oid, format as 'text')) as typeof pgTypes.getTypeParser,
};

/** A real PostgreSQL through a `pg.Pool`. Any number of processes may share it. */
export async function openPostgres(opts: { url: string; poolSize?: number }): Promise<Database> {
  const pool = new Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, types: typeOverrides });
  // An idle client losing its connection emits on the pool; without a listener that kills the process.
  pool.on('error', (err) => {
    console.error('[db] idle PostgreSQL connection error:', err.message);
  });
  const db = new PostgresDatabase(pool);
  try {
    await db.ping();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return db;
}

function clientQueryable(client: PoolClient, isOpen: () => boolean): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      if (!isOpen()) throw new Error('Transaction is closed');
      const res = await client.query(sql, [...params]);
      return res.rows as T[];
    },
    async exec(sql: string): Promise<void> {
      if (!isOpen()) throw new Error('Transaction is closed');
      await client.query(sql);
    },
  };
}

class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  private closed = false;

  constructor(private readonly pool: Pool) {}

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const res = await this.pool.query(sql, [...params]);
    return res.rows as T[];
  }

  async exec(sql: string): Promise<void> {
    // No parameters: node-postgres sends it with the simple protocol, so several statements are allowed.
    const client = await this.pool.connect();
    try {
      await client.query(sql);
    } finally {
      client.release();
    }
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let open = true;
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(clientQueryable(client, () => open));
      await client.query('COMMIT');
      open = false;
      return result;
    } catch (err) {
      if (open) {
        open = false;
        try {
          await client.query('ROLLBACK');
        } catch (rollbackErr) {
          // The connection is in an unknown state: discard it rather than return it to the pool.
          broken = rollbackErr as Error;
        }
      }
      throw err;
    } finally {
      open = false;
      client.release(broken);
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
