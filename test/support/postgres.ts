/**
 * A real PostgreSQL for tests, found in this order:
 *
 * 1. `TEST_DATABASE_URL`: a server you run. Each test file gets a fresh database on it
 *    (CREATE DATABASE, dropped afterwards) or, if the role may not create databases, a fresh schema
 *    (selected through the connection's search_path), so runs and files never collide.
 * 2. Debian's PostgreSQL binaries (`/usr/lib/postgresql/<version>/bin/initdb`, package `postgresql`):
 *    a throwaway cluster in a temp dir on a free loopback port, trust auth, started for the test file
 *    and removed after it. As root, initdb/pg_ctl run as the `postgres` user (runuser), in a temp dir
 *    owned by it, since PostgreSQL refuses to run as root.
 * 3. Neither: the real-PostgreSQL suites are skipped with a console.warn saying why, or, when
 *    `REQUIRE_POSTGRES=1`, they fail.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { openDatabase, type Database, type Engine } from '../../db';

const run = promisify(execFile);

export type PostgresAvailability =
  | { available: true; how: 'url'; url: string }
  | { available: true; how: 'cluster'; binDir: string; runAs: string | null }
  | { available: false; reason: string };

/** A database provisioned for one test file. */
export interface TestPostgres {
  /** Connection URL of the fresh database (or schema) for this file. */
  readonly url: string;
  /** Human description: where the server came from. */
  readonly description: string;
  /** Drops the database/schema, stops a cluster we started, removes its files. */
  stop(): Promise<void>;
}

function findDebianBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  let versions: string[];
  try {
    versions = fs.readdirSync(root);
  } catch {
    return null;
  }
  const candidates = versions
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')) && fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return candidates[0] ? path.join(root, candidates[0], 'bin') : null;
}

function userExists(name: string): boolean {
  try {
    return fs
      .readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .some((line) => line.split(':')[0] === name);
  } catch {
    return false;
  }
}

/** Decides, without side effects, whether and how a real PostgreSQL can be had. */
export function postgresAvailability(env: NodeJS.ProcessEnv = process.env): PostgresAvailability {
  if (env.TEST_DATABASE_URL) return { available: true, how: 'url', url: env.TEST_DATABASE_URL };
  const binDir = findDebianBinDir();
  if (!binDir) {
    return {
      available: false,
      reason:
        'TEST_DATABASE_URL is not set and no PostgreSQL binaries were found in /usr/lib/postgresql/*/bin ' +
        '(install Debian package "postgresql", or point TEST_DATABASE_URL at a server)',
    };
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) return { available: true, how: 'cluster', binDir, runAs: null };
  if (!userExists('postgres')) {
    return {
      available: false,
      reason: `running as root and there is no "postgres" user to run ${binDir}/initdb as (PostgreSQL refuses root)`,
    };
  }
  return { available: true, how: 'cluster', binDir, runAs: 'postgres' };
}

const uniqueName = (prefix: string) =>
  `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** A fresh database on the server at `adminUrl`, or a fresh schema if the role may not create one. */
async function provisionOn(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const dbName = uniqueName('test');
    try {
      await admin.query(`CREATE DATABASE "${dbName}"`);
      return {
        url: withDatabase(adminUrl, dbName),
        async drop() {
          const c = new Client({ connectionString: adminUrl });
          await c.connect();
          try {
            await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
          } finally {
            await c.end();
          }
        },
      };
    } catch (err) {
      if ((err as { code?: string }).code !== '42501') throw err; // insufficient_privilege: use a schema
    }
    const schema = uniqueName('test');
    await admin.query(`CREATE SCHEMA "${schema}"`);
    return {
      url: withSearchPath(adminUrl, schema),
      async drop() {
        const c = new Client({ connectionString: adminUrl });
        await c.connect();
        try {
          await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        } finally {
          await c.end();
        }
      },
    };
  } finally {
    await admin.end();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function runAsUser(runAs: string | null, file: string, args: string[]): Promise<void> {
  if (runAs === null) await run(file, args);
  else await run('runuser', ['-u', runAs, '--', file, ...args]);
}

async function uidGid(user: string): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run('id', ['-u', user])).stdout.trim());
  const gid = Number((await run('id', ['-g', user])).stdout.trim());
  return { uid, gid };
}

async function startCluster(binDir: string, runAs: string | null): Promise<TestPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgtest-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  if (runAs !== null) {
    const { uid, gid } = await uidGid(runAs);
    fs.chownSync(dir, uid, gid);
  }
  const pgCtl = path.join(binDir, 'pg_ctl');
  let started = false;
  const cleanup = async () => {
    if (started) {
      await runAsUser(runAs, pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      started = false;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await runAsUser(runAs, path.join(binDir, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '--encoding=UTF8',
      '--no-locale',
    ]);
    let port = 0;
    let lastError: unknown;
    // The free port may be taken between our probe and the server's bind: try a few.
    for (let attempt = 0; attempt < 3 && !started; attempt++) {
      port = await freePort();
      try {
        await runAsUser(runAs, pgCtl, [
          '-D',
          dataDir,
          '-l',
          logFile,
          '-w',
          '-t',
          '60',
          '-o',
          `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
          'start',
        ]);
        started = true;
      } catch (err) {
        lastError = err;
      }
    }
    if (!started) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(`could not start a throwaway PostgreSQL cluster: ${String(lastError)}\n${log}`);
    }
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    const onExit = () => {
      // The test runner died without afterAll: do not leave a server behind.
      try {
        const args = ['-D', dataDir, '-m', 'immediate', 'stop'];
        if (runAs) execFileSync('runuser', ['-u', runAs, '--', pgCtl, ...args], { stdio: 'ignore' });
        else execFileSync(pgCtl, args, { stdio: 'ignore' });
      } catch {
        // already stopped
      }
    };
    process.once('exit', onExit);
    return {
      url,
      description: `throwaway cluster (${binDir}, port ${port}, ${dir})`,
      async stop() {
        process.removeListener('exit', onExit);
        await cleanup();
      },
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** Provisions a fresh database for one test file. Throws if no PostgreSQL can be had. */
export async function startTestPostgres(availability = postgresAvailability()): Promise<TestPostgres> {
  if (!availability.available) throw new Error(`real PostgreSQL not available: ${availability.reason}`);
  if (availability.how === 'url') {
    const fresh = await provisionOn(availability.url);
    return { url: fresh.url, description: 'TEST_DATABASE_URL', stop: () => fresh.drop() };
  }
  const cluster = await startCluster(availability.binDir, availability.runAs);
  try {
    const fresh = await provisionOn(cluster.url);
    return {
      url: fresh.url,
      description: cluster.description,
      async stop() {
        await cluster.stop();
      },
    };
  } catch (err) {
    await cluster.stop();
    throw err;
  }
}

/** What a suite body gets: the engine, the open database, and (real PostgreSQL) more handles on it. */
export interface EngineContext {
  readonly engine: Engine;
  /** Open and migrated before the suite's tests run; closed after them. */
  readonly db: Database;
  /**
   * Another handle on the same database, as a second process would have (real PostgreSQL only; an
   * in-memory PGlite is private to its instance). Closed with the suite if not before.
   */
  openAnother(options?: { migrate?: boolean }): Promise<Database>;
  /** The real server's URL (undefined on PGlite). */
  readonly url: string | undefined;
}

/**
 * Declares the same suite twice: on PGlite in memory and on a real PostgreSQL. When no real PostgreSQL
 * can be had, the second is skipped with a warning, or fails if REQUIRE_POSTGRES=1.
 */
export function describeEachEngine(title: string, body: (ctx: EngineContext) => void): void {
  describe(`${title} [pglite]`, () => {
    const ctx = makeContext('pglite');
    beforeAll(async () => {
      ctx.set(await openDatabase({ memory: true }));
    });
    afterAll(async () => {
      await ctx.close();
    });
    body(ctx.public);
  });

  const availability = postgresAvailability();
  if (!availability.available) {
    if (process.env.REQUIRE_POSTGRES === '1') {
      describe(`${title} [postgres]`, () => {
        it('needs a real PostgreSQL (REQUIRE_POSTGRES=1)', () => {
          throw new Error(`REQUIRE_POSTGRES=1 but no real PostgreSQL: ${availability.reason}`);
        });
      });
    } else {
      console.warn(`[test] "${title}" NOT run against a real PostgreSQL: ${availability.reason}`);
      describe.skip(`${title} [postgres] (skipped: ${availability.reason})`, () => {
        body(makeContext('postgres').public);
      });
    }
    return;
  }

  describe(`${title} [postgres]`, () => {
    const ctx = makeContext('postgres');
    let server: TestPostgres | undefined;
    beforeAll(async () => {
      server = await startTestPostgres(availability);
      ctx.setUrl(server.url);
      ctx.set(await openDatabase({ url: server.url }));
    });
    afterAll(async () => {
      await ctx.close();
      await server?.stop();
    });
    body(ctx.public);
  });
}

function makeContext(engine: Engine) {
  let db: Database | undefined;
  let url: string | undefined;
  const extra: Database[] = [];
  const pub: EngineContext = {
    engine,
    get db(): Database {
      if (!db) throw new Error('database not open yet (use ctx.db inside tests or hooks)');
      return db;
    },
    get url() {
      return url;
    },
    async openAnother(options) {
      if (!url) throw new Error('openAnother needs a real PostgreSQL');
      const other = await openDatabase({ url, migrate: options?.migrate });
      extra.push(other);
      return other;
    },
  };
  return {
    public: pub,
    set(d: Database) {
      db = d;
    },
    setUrl(u: string) {
      url = u;
    },
    async close() {
      for (const d of extra.splice(0)) await d.close();
      await db?.close();
      db = undefined;
    },
  };
}
