/**
 * The one interface the rest of the code uses to reach PostgreSQL, whichever engine serves it.
 *
 * Both engines return rows as plain objects with the same JS types: int2/int4/int8 as `number`,
 * numeric as `string`, timestamptz as `Date`, json/jsonb parsed. (node-postgres returns int8 as a
 * string by default; our pool overrides that so both engines agree.)
 */
export interface Queryable {
  /** One statement, `$1`-style parameters. Returns the rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements separated by `;` (simple protocol), no parameters. For migrations and scripts. */
  exec(sql: string): Promise<void>;
}

export type Engine = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly engine: Engine;
  /**
   * Runs `fn` in one transaction (BEGIN ... COMMIT, ROLLBACK if `fn` throws). Inside `fn` use only `tx`:
   * on PGlite a call on the `Database` itself from inside the callback would wait for the transaction
   * to end, so it is refused with an error instead of deadlocking.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** Closes the pool or the PGlite instance (and releases the PGlite directory lock). Idempotent. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection URL: use a real server through a `pg.Pool`. Wins over the PGlite options. */
  url?: string;
  /** PGlite data directory (created if missing). Default `data/pglite`, relative to the working directory. */
  dataDir?: string;
  /** PGlite in memory (nothing persisted): for tests. */
  memory?: boolean;
  /** Apply pending migrations on open. Default true. */
  migrate?: boolean;
  /** Pool size for a real PostgreSQL. Default 10. */
  poolSize?: number;
}
