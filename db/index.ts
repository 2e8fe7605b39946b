import { openPglite, DEFAULT_PGLITE_DIR } from './pglite';
import { openPostgres } from './postgres';
import { migrate } from './migrations';
import type { Database, DatabaseOptions } from './types';

export type { Database, DatabaseOptions, Engine, Queryable } from './types';
export { migrate, migrations, MigrationChecksumError, type Migration } from './migrations';
export { DatabaseLockedError } from './lockFile';
export { DEFAULT_PGLITE_DIR } from './pglite';

/**
 * Opens the database: a real PostgreSQL when `url` is given, otherwise PGlite (in memory with
 * `memory: true`, else persisted in `dataDir`, default `data/pglite`). Applies pending migrations
 * unless `migrate: false`.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const db = options.url
    ? await openPostgres({ url: options.url, poolSize: options.poolSize })
    : await openPglite({ dataDir: options.dataDir, memory: options.memory });
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
  }
  return db;
}

/** `DATABASE_URL` selects a real PostgreSQL; otherwise PGlite in `PGLITE_DATA_DIR` (default `data/pglite`). */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: env.PGLITE_DATA_DIR || DEFAULT_PGLITE_DIR };
}
