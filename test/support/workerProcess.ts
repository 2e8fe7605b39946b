/**
 * Workers as separate OS processes (test/support/workerEntry.ts under tsx), so a test can kill one with SIGKILL
 * exactly as a crash or an OOM kill would: no shutdown hook runs, in-flight activities and workflow tasks are
 * abandoned and must be recovered by Temporal's timeouts and retries.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflows } from '../../worker/workflowBundle';

const ROOT = path.join(__dirname, '..', '..');

/** Builds the workflow bundle once and writes it to `file`, for workers started with WORKFLOW_BUNDLE_PATH. */
export async function writeWorkflowBundle(file: string): Promise<string> {
  const { code } = await bundleWorkflows();
  fs.writeFileSync(file, code);
  return file;
}

export interface WorkerProcessOptions {
  temporalAddress: string;
  databaseUrl: string;
  taskQueue: string;
  bundlePath?: string;
  logFile?: string;
}

export interface WorkerProcess {
  readonly pid: number;
  /** Resolves once the worker polls its task queue. */
  readonly ready: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const live = new Set<ChildProcess>();
let hooked = false;

export function startWorkerProcess(opts: WorkerProcessOptions): WorkerProcess {
  // `node --import tsx`, not the `tsx` CLI: the CLI runs the script in a child node process, so a SIGKILL sent to
  // the CLI would leave the real worker running.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'workerEntry.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: opts.temporalAddress,
      TEMPORAL_TASK_QUEUE: opts.taskQueue,
      DATABASE_URL: opts.databaseUrl,
      ...(opts.bundlePath ? { WORKFLOW_BUNDLE_PATH: opts.bundlePath } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    }),
  );
  let output = '';
  const log = opts.logFile ? fs.createWriteStream(opts.logFile, { flags: 'a' }) : undefined;
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      log?.write(chunk);
      if (output.includes('worker ready')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code, signal }) => reject(new Error(`worker process exited before ready (code ${code}, signal ${signal}):\n${output.slice(-3000)}`)));
    setTimeout(() => reject(new Error(`worker process not ready within 60 s:\n${output.slice(-3000)}`)), 60_000).unref();
  });
  ready.catch(() => undefined);
  return {
    pid: child.pid!,
    ready,
    exited,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
