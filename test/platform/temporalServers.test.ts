/**
 * Proves the Temporal binaries installed by scripts/install-temporal-binaries.js work on this machine:
 *  - the time-skipping test server starts and skips 30 days of workflow time in seconds;
 *  - the CLI dev server (SDK-managed) starts with the inspection search attributes registered;
 *  - the real `temporal server start-dev` on a SQLite file survives SIGTERM + restart, and a workflow
 *    started before the stop keeps running and completes on a durable timer that fires after the restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { temporalCliPath, temporalTestServerPath } from '../../config/temporalBinaries';
import {
  createLocalEnv,
  createTimeSkippingEnv,
  getFreePort,
  INSPECTION_SEARCH_ATTRIBUTES,
  InspectionStatusKey,
  InspectionTypeKey,
  NextDeadlineKey,
  startDevServerProcess,
  type DevServerProcess,
} from '../support/temporal';
import type { sleeper } from './fixtures/workflows';
import { eventually } from '../support/eventually';

const DAY_MS = 24 * 60 * 60 * 1000;

let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  // Worker state changes are logged at INFO; keep test output to warnings and errors.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  workflowBundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('./fixtures/workflows'),
    logger: quietLogger,
  });
}, 60_000);

test('local binaries are installed (tools/ or env)', () => {
  // Not strictly required (the SDK could download them), but on this project's machines they must be local.
  expect(temporalCliPath()).toBeDefined();
  expect(temporalTestServerPath()).toBeDefined();
});

describe('time-skipping test server', () => {
  let env: TestWorkflowEnvironment | undefined;
  afterAll(async () => env?.teardown());

  test('starts, registers the search attributes and skips 30 days of timers in seconds', async () => {
    const t0 = Date.now();
    env = await createTimeSkippingEnv();
    expect(env.supportsTimeSkipping).toBe(true);
    const taskQueue = `ts-${randomUUID()}`;

    // The test server validates search attributes: unknown ones are rejected, ours were registered.
    const unregistered = defineSearchAttributeKey('NotRegisteredAnywhere', SearchAttributeType.KEYWORD);
    await expect(
      env.client.workflow.start<typeof sleeper>('sleeper', {
        taskQueue,
        workflowId: `rejected-${randomUUID()}`,
        args: [1],
        typedSearchAttributes: [{ key: unregistered, value: 'x' }],
      }),
    ).rejects.toThrow();

    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle });
    const deadline = new Date('2031-01-01T00:00:00Z');
    const handle = await env.client.workflow.start<typeof sleeper>('sleeper', {
      taskQueue,
      workflowId: `sleeper-${randomUUID()}`,
      args: ['30 days'],
      typedSearchAttributes: [
        { key: InspectionTypeKey, value: 'gas-safety' },
        { key: InspectionStatusKey, value: 'scheduled' },
        { key: NextDeadlineKey, value: deadline },
      ],
    });
    const result = await worker.runUntil(handle.result());
    expect(result.finishedAt - result.startedAt).toBeGreaterThanOrEqual(30 * DAY_MS);
    const description = await handle.describe();
    expect(description.typedSearchAttributes.get(InspectionTypeKey)).toBe('gas-safety');
    expect(description.typedSearchAttributes.get(NextDeadlineKey)?.toISOString()).toBe(deadline.toISOString());
    expect(Date.now() - t0).toBeLessThan(30_000);
  });
});

describe('dev server (SDK-managed, local binary)', () => {
  let env: TestWorkflowEnvironment | undefined;
  afterAll(async () => env?.teardown());

  test('starts with the inspection search attributes and runs a workflow that uses them', async () => {
    env = await createLocalEnv();
    expect(env.supportsTimeSkipping).toBe(false);
    await expectSearchAttributesRegistered(env.connection, env.namespace ?? 'default');

    const taskQueue = `local-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle });
    const deadline = new Date('2031-01-01T00:00:00Z');
    const handle = await env.client.workflow.start<typeof sleeper>('sleeper', {
      taskQueue,
      workflowId: `sleeper-${randomUUID()}`,
      args: [500],
      typedSearchAttributes: [
        { key: InspectionTypeKey, value: 'lift-thorough-examination' },
        { key: InspectionStatusKey, value: 'scheduled' },
        { key: NextDeadlineKey, value: deadline },
      ],
    });
    const result = await worker.runUntil(handle.result());
    expect(result.finishedAt - result.startedAt).toBeGreaterThanOrEqual(500);

    const description = await handle.describe();
    expect(description.typedSearchAttributes.get(InspectionTypeKey)).toBe('lift-thorough-examination');
    expect(description.typedSearchAttributes.get(InspectionStatusKey)).toBe('scheduled');
    expect(description.typedSearchAttributes.get(NextDeadlineKey)?.toISOString()).toBe(deadline.toISOString());

    // Visibility queries on the custom attributes work too (eventually consistent: poll briefly).
    const query = `InspectionType = "lift-thorough-examination" AND NextDeadline > "2030-12-31T00:00:00Z"`;
    const found = await eventually(async () => {
      const ids: string[] = [];
      for await (const wf of env!.client.workflow.list({ query })) ids.push(wf.workflowId);
      return ids.includes(handle.workflowId) ? ids : undefined;
    }, 10_000);
    expect(found).toContain(handle.workflowId);
  });
});

describe('dev server child process on a SQLite file', () => {
  let tmpDir: string;
  let server: DevServerProcess | undefined;
  beforeAll(() => {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-restart-'));
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  });

  test('a workflow started before SIGTERM completes on a timer that fires after the restart', async () => {
    const dbFile = path.join(tmpDir, 'temporal.db');
    const uiPort = await getFreePort();
    server = await startDevServerProcess({ dbFile, uiPort });
    const firstPid = server.pid;
    expect(fs.existsSync(dbFile)).toBe(true);
    // The UI was asked for: it serves on the given port.
    const ui = await fetch(`http://127.0.0.1:${uiPort}/`);
    expect(ui.status).toBe(200);

    const taskQueue = `restart-${randomUUID()}`;
    const workflowId = `sleeper-${randomUUID()}`;
    let handle: WorkflowHandle<typeof sleeper>;

    // --- before the stop: start the workflow and wait until its durable timer is scheduled
    await withClientAndWorker(server.address, taskQueue, async (client, worker) => {
      handle = await client.workflow.start<typeof sleeper>('sleeper', { taskQueue, workflowId, args: ['8s'] });
      await worker.runUntil(
        eventually(async () => ((await handle.fetchHistory()).events?.some((e) => e.timerStartedEventAttributes) || undefined), 15_000),
      );
    });

    // The file is in write-ahead-log mode (devServer/devServerProcess.ts SQLITE_PRAGMAS): SQLite keeps the log beside it.
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(true);

    // --- stop with SIGTERM (graceful) and start again on the same file and port
    const stoppedAt = Date.now();
    const stopped = await server.stop();
    expect(stopped.signal === 'SIGTERM' || stopped.code === 0).toBe(true);
    expect(server.running).toBe(false);
    await server.start();
    expect(server.pid).toBeDefined();
    expect(server.pid).not.toBe(firstPid);

    // --- after the restart: the same execution is still there and still running; a new worker finishes it
    await withClientAndWorker(server.address, taskQueue, async (client, worker) => {
      const after = client.workflow.getHandle<typeof sleeper>(workflowId);
      expect((await after.describe()).status.name).toBe('RUNNING');
      const result = await worker.runUntil(after.result());
      expect(result.finishedAt - result.startedAt).toBeGreaterThanOrEqual(8_000);

      const history = await after.fetchHistory();
      const fired = history.events?.find((e) => e.timerFiredEventAttributes);
      expect(fired).toBeDefined();
      const firedAtMs = Number(fired!.eventTime!.seconds) * 1000 + Math.floor((fired!.eventTime!.nanos ?? 0) / 1e6);
      expect(firedAtMs).toBeGreaterThan(stoppedAt);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (m: string, meta?: unknown) => console.warn(m, meta ?? ''),
  error: (m: string, meta?: unknown) => console.error(m, meta ?? ''),
};

async function expectSearchAttributesRegistered(connection: Connection, namespace: string): Promise<void> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const expected = Object.fromEntries(
    INSPECTION_SEARCH_ATTRIBUTES.map((k) => [k.name, encodeSearchAttributeIndexedValueType(k.type)]),
  );
  expect(customAttributes).toMatchObject(expected);
}


async function withClientAndWorker(
  address: string,
  taskQueue: string,
  fn: (client: Client, worker: Worker) => Promise<void>,
): Promise<void> {
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  try {
    const client = new Client({ connection });
    const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle });
    await fn(client, worker);
  } finally {
    await nativeConnection.close();
    await connection.close();
  }
}
