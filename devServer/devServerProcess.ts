/**
 * The real Temporal dev server (`temporal server start-dev`) as a child process on a SQLite file: started by
 * `npm start`, and by the durability tests, which stop it and start it again on the same file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { type SearchAttributeType, TypedSearchAttributes } from '@temporalio/common';
import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes';
import { temporalCliPath } from '../config/temporalBinaries';
import { INSPECTION_STATUS, INSPECTION_TYPE, NEXT_DEADLINE } from '../workflows/searchAttributes';

export type AnySearchAttributeKey = SearchAttributeKey<SearchAttributeType>;

/** The search attributes the inspection workflow keeps up to date; registered on every server we start. */
export const INSPECTION_SEARCH_ATTRIBUTES: readonly AnySearchAttributeKey[] = [INSPECTION_TYPE, INSPECTION_STATUS, NEXT_DEADLINE];

export interface DevServerProcessOptions {
  /** SQLite file holding the server's state; reused across stop()/start(). */
  dbFile: string;
  /** gRPC frontend port (default: a free port, kept across restarts). */
  port?: number;
  /** Web UI port; when omitted the server runs with `--headless` (no UI). */
  uiPort?: number;
  /** Force `--headless` even when uiPort is given (default: uiPort === undefined). */
  headless?: boolean;
  /** Bind address (default 127.0.0.1). */
  ip?: string;
  /** Namespace to create and wait for (default "default", which always exists). */
  namespace?: string;
  /** Search attributes registered with `--search-attribute` (default: INSPECTION_SEARCH_ATTRIBUTES). */
  searchAttributes?: readonly AnySearchAttributeKey[];
  /**
   * SQLite pragmas for the server's file (default SQLITE_PRAGMAS). `{}` leaves SQLite's own defaults (a rollback
   * journal, a sync on every commit).
   */
  sqlitePragmas?: Readonly<Record<string, string>>;
  /** Extra `temporal server start-dev` arguments. */
  extraArgs?: string[];
  /** How long to wait for the gRPC port to serve (default 60 s). */
  startTimeoutMs?: number;
  /** Append the server's stdout/stderr to this file. */
  logFile?: string;
  /** CLI binary (default: temporalCliPath()). */
  executable?: string;
}

export interface StopResult {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface DevServerProcess {
  /** `host:port` of the gRPC frontend, for Connection.connect / NativeConnection.connect. */
  readonly address: string;
  readonly port: number;
  readonly uiPort: number | undefined;
  readonly dbFile: string;
  readonly namespace: string;
  /** PID of the current server process, undefined while stopped. */
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Full command line of the server process. */
  readonly args: readonly string[];
  /** Stop the server (SIGTERM by default; SIGKILL after timeoutMs, default 20 s) and wait for it to exit. */
  stop(opts?: { signal?: NodeJS.Signals; timeoutMs?: number }): Promise<StopResult>;
  /** Start the server again on the same file and ports; resolves once it serves gRPC. */
  start(): Promise<void>;
  /** stop() then start(). */
  restart(): Promise<void>;
  /** The last lines the server printed (for diagnostics). */
  recentOutput(): string;
}

const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;
function trackChild(child: ChildProcess): void {
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Never leave a dev server behind when the test process dies.
    process.once('exit', () => {
      for (const c of liveChildren) c.kill('SIGKILL');
    });
  }
}

/** A TCP port that was free a moment ago. */
export function getFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Spawn `temporal server start-dev --db-filename <dbFile> --port <port> [--ui-port <p> | --headless]` and wait
 * until it serves gRPC (namespace described successfully). Call `stop()` in afterAll/finally.
 */
/**
 * Write-ahead logging with a sync at checkpoints: measured here (docs/PERFORMANCE.md, "Open inspections"), 800
 * inspections started 32 at a time took 38–43 s with it against 113–126 s with SQLite's defaults, the server's single
 * writer being the limit. What it costs: a commit survives the server being killed, but the last commits before a
 * power cut or an operating-system crash may be lost (never a corrupted file). Production runs a Temporal cluster on
 * PostgreSQL (docs/DEPLOYMENT.md), not this file.
 */
export const SQLITE_PRAGMAS: Readonly<Record<string, string>> = { journal_mode: 'wal', synchronous: 'normal' };

export async function startDevServerProcess(opts: DevServerProcessOptions): Promise<DevServerProcess> {
  const executable = opts.executable ?? temporalCliPath();
  if (!executable) {
    throw new Error(
      'Temporal CLI not found: run `node scripts/install-temporal-binaries.js` (npm postinstall) ' +
        'or set TEMPORAL_CLI_PATH.',
    );
  }
  const ip = opts.ip ?? '127.0.0.1';
  const port = opts.port ?? (await getFreePort(ip));
  const headless = opts.headless ?? opts.uiPort === undefined;
  const namespace = opts.namespace ?? 'default';
  const dbFile = path.resolve(opts.dbFile);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });

  const args = ['server', 'start-dev', '--db-filename', dbFile, '--ip', ip, '--port', String(port)];
  if (headless) args.push('--headless');
  else if (opts.uiPort !== undefined) args.push('--ui-port', String(opts.uiPort));
  if (namespace !== 'default') args.push('--namespace', namespace);
  for (const k of opts.searchAttributes ?? INSPECTION_SEARCH_ATTRIBUTES) {
    args.push('--search-attribute', `${k.name}=${TypedSearchAttributes.toMetadataType(k.type)}`);
  }
  for (const [pragma, value] of Object.entries(opts.sqlitePragmas ?? SQLITE_PRAGMAS)) args.push('--sqlite-pragma', `${pragma}=${value}`);
  args.push('--log-level', 'warn', ...(opts.extraArgs ?? []));

  const address = `${ip}:${port}`;
  const startTimeoutMs = opts.startTimeoutMs ?? 60_000;
  let child: ChildProcess | undefined;
  let exitInfo: StopResult | undefined;
  let exited: Promise<StopResult> | undefined;
  let output: string[] = [];

  const record = (chunk: Buffer) => {
    const text = chunk.toString();
    if (opts.logFile) fs.appendFileSync(opts.logFile, text);
    output.push(...text.split('\n').filter(Boolean));
    if (output.length > 200) output = output.slice(-200);
  };

  const start = async (): Promise<void> => {
    if (child) throw new Error(`dev server already running (pid ${child.pid})`);
    exitInfo = undefined;
    const c = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    trackChild(c);
    c.stdout?.on('data', record);
    c.stderr?.on('data', record);
    exited = new Promise<StopResult>((resolve) => {
      c.once('exit', (code, signal) => {
        exitInfo = { code, signal };
        if (child === c) child = undefined;
        resolve(exitInfo);
      });
    });
    const spawnError = new Promise<Error>((resolve) => c.once('error', resolve));

    const deadline = Date.now() + startTimeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
      if (exitInfo) {
        throw new Error(
          `temporal dev server exited during start-up (${JSON.stringify(exitInfo)}):\n${output.slice(-30).join('\n')}`,
        );
      }
      const err = await Promise.race([spawnError, sleep(0).then(() => undefined)]);
      if (err) throw new Error(`could not spawn ${executable}: ${err.message}`);
      let connection: Connection | undefined;
      try {
        connection = await Connection.connect({ address, connectTimeout: 1_000 });
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } catch (e) {
        lastError = e;
      } finally {
        await connection?.close().catch(() => undefined);
      }
      await sleep(250);
    }
    await stop({ signal: 'SIGKILL' });
    throw new Error(
      `temporal dev server did not serve ${address} within ${startTimeoutMs} ms (${String(lastError)}):\n` +
        output.slice(-30).join('\n'),
    );
  };

  const stop = async ({ signal = 'SIGTERM', timeoutMs = 20_000 }: { signal?: NodeJS.Signals; timeoutMs?: number } = {}) => {
    const c = child;
    if (!c || !exited) return exitInfo ?? { code: null, signal: null };
    const done = exited;
    c.kill(signal);
    const timer = setTimeout(() => c.kill('SIGKILL'), timeoutMs);
    try {
      return await done;
    } finally {
      clearTimeout(timer);
    }
  };

  const handle: DevServerProcess = {
    address,
    port,
    uiPort: headless ? undefined : (opts.uiPort ?? port + 1000),
    dbFile,
    namespace,
    get pid() {
      return child?.pid;
    },
    get running() {
      return child !== undefined;
    },
    args: [executable, ...args],
    stop,
    start,
    restart: async () => {
      await stop();
      await start();
    },
    recentOutput: () => output.join('\n'),
  };
  await start();
  return handle;
}

