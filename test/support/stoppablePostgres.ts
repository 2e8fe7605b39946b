/**
 * A throwaway real PostgreSQL cluster that a test can stop and start again on the same data directory and port
 * (database-outage tests). Same provisioning as test/support/postgres.ts (Debian binaries; run as the `postgres`
 * user when we are root), but it keeps the cluster's handle instead of hiding it. Not for TEST_DATABASE_URL: a
 * server someone else runs cannot be stopped by a test.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getFreePort } from '../../devServer/devServerProcess';
import { postgresAvailability } from './postgres';

const run = promisify(execFile);

export interface StoppablePostgres {
  readonly url: string;
  readonly running: boolean;
  /** Stops the server at once (`pg_ctl stop -m immediate`: connections are cut, as in a crash). */
  stop(): Promise<void>;
  /** Starts it again on the same data directory and port. */
  start(): Promise<void>;
  /** Stops it and removes its files. */
  destroy(): Promise<void>;
}

export async function startStoppablePostgres(): Promise<StoppablePostgres> {
  const availability = postgresAvailability({ ...process.env, TEST_DATABASE_URL: '' });
  if (!availability.available || availability.how !== 'cluster') {
    throw new Error(`a stoppable PostgreSQL needs local binaries: ${availability.available ? 'TEST_DATABASE_URL only' : availability.reason}`);
  }
  const { binDir, runAs } = availability;
  const as = async (file: string, args: string[]) => {
    if (runAs === null) await run(file, args);
    else await run('runuser', ['-u', runAs, '--', file, ...args]);
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgstoppable-'));
  if (runAs !== null) {
    const uid = Number((await run('id', ['-u', runAs])).stdout.trim());
    const gid = Number((await run('id', ['-g', runAs])).stdout.trim());
    fs.chownSync(dir, uid, gid);
  }
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const pgCtl = path.join(binDir, 'pg_ctl');
  await as(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8', '--no-locale']);
  const port = await getFreePort();
  let running = false;
  const start = async () => {
    await as(pgCtl, ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, 'start']);
    running = true;
  };
  const stop = async () => {
    await as(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    running = false;
  };
  const onExit = () => {
    try {
      const args = ['-D', dataDir, '-m', 'immediate', 'stop'];
      if (runAs) execFileSync('runuser', ['-u', runAs, '--', pgCtl, ...args], { stdio: 'ignore' });
      else execFileSync(pgCtl, args, { stdio: 'ignore' });
    } catch {
      // already stopped
    }
  };
  process.once('exit', onExit);
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    get running() {
      return running;
    },
    stop,
    start,
    async destroy() {
      process.removeListener('exit', onExit);
      if (running) await stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
