/**
 * Test helpers for running workflows against real Temporal servers, using the binaries installed by
 * `scripts/install-temporal-binaries.js` (see config/temporalBinaries.ts). When no local binary is found the
 * SDK environments fall back to the SDK's own download (needs internet access).
 *
 *   createTimeSkippingEnv()    Java time-skipping test server (timers complete instantly when a result is awaited)
 *   createLocalEnv()           Temporal CLI dev server in-process-managed by the SDK (real time, in-memory by default)
 *   startDevServerProcess()    the real `temporal server start-dev` as a child process on a SQLite file,
 *                              stoppable with SIGTERM and restartable on the same file (durability tests)
 */
import { type Connection, isGrpcServiceError } from '@temporalio/client';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import {
  TestWorkflowEnvironment,
  type LocalTestWorkflowEnvironmentOptions,
  type TimeSkippingTestWorkflowEnvironmentOptions,
} from '@temporalio/testing';
import { devServerExecutable, testServerExecutable } from '../../config/temporalBinaries';
import { type AnySearchAttributeKey, INSPECTION_SEARCH_ATTRIBUTES } from '../../devServer/devServerProcess';
import { INSPECTION_STATUS, INSPECTION_TYPE, NEXT_DEADLINE } from '../../workflows/searchAttributes';
import { skipToDay, testStartDate } from './serverClock';

export {
  type AnySearchAttributeKey,
  type DevServerProcess,
  type DevServerProcessOptions,
  INSPECTION_SEARCH_ATTRIBUTES,
  getFreePort,
  startDevServerProcess,
} from '../../devServer/devServerProcess';

/**
 * The product's search-attribute keys (workflows/searchAttributes.ts), re-exported under the names the platform
 * tests use; they are the same objects, so a server registered here is one the workflow can upsert to.
 */
export { INSPECTION_TYPE as InspectionTypeKey, INSPECTION_STATUS as InspectionStatusKey, NEXT_DEADLINE as NextDeadlineKey };


// ---------------------------------------------------------------------------------------------------------------
// SDK-managed environments
// ---------------------------------------------------------------------------------------------------------------

export interface TimeSkippingEnvOptions {
  /** Search attributes to register (default: INSPECTION_SEARCH_ATTRIBUTES). Pass [] for none. */
  searchAttributes?: readonly AnySearchAttributeKey[];
  /** Extra options merged into the SDK options (`server.executable` is filled in unless given). */
  sdk?: TimeSkippingTestWorkflowEnvironmentOptions;
}

/**
 * Start the time-skipping test server (Java SDK test server, native build) with the local binary.
 * The test server has no start-up flag for search attributes, so they are registered through the
 * OperatorService once it is up. Its clock starts now, or on the morning of `TEST_START_DATE` (serverClock.ts).
 */
export async function createTimeSkippingEnv(opts: TimeSkippingEnvOptions = {}): Promise<TestWorkflowEnvironment> {
  const executable = opts.sdk?.server?.executable ?? testServerExecutable();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    ...opts.sdk,
    server: { ...opts.sdk?.server, ...(executable ? { executable } : {}) },
  });
  try {
    await registerSearchAttributes(env.connection, env.namespace ?? 'default', opts.searchAttributes ?? INSPECTION_SEARCH_ATTRIBUTES);
    const startOn = testStartDate();
    if (startOn) await skipToDay(env, startOn);
  } catch (err) {
    await env.teardown();
    throw err;
  }
  return env;
}

export interface LocalEnvOptions {
  /** Search attributes to register (default: INSPECTION_SEARCH_ATTRIBUTES). Pass [] for none. */
  searchAttributes?: readonly AnySearchAttributeKey[];
  /** SQLite file to persist to; in-memory when omitted. */
  dbFilename?: string;
  /** Namespace created at start-up (default "default"). */
  namespace?: string;
  /** Extra `temporal server start-dev` arguments. */
  extraArgs?: string[];
  /** Extra options merged into the SDK options (`server.executable` is filled in unless given). */
  sdk?: LocalTestWorkflowEnvironmentOptions;
}

/** Start the Temporal CLI dev server (real time, full server) managed by the SDK, with the local binary. */
export async function createLocalEnv(opts: LocalEnvOptions = {}): Promise<TestWorkflowEnvironment> {
  const executable = opts.sdk?.server?.executable ?? devServerExecutable();
  return TestWorkflowEnvironment.createLocal({
    ...opts.sdk,
    server: {
      ...opts.sdk?.server,
      ...(executable ? { executable } : {}),
      ...(opts.dbFilename !== undefined ? { dbFilename: opts.dbFilename } : {}),
      ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
      searchAttributes: [...(opts.searchAttributes ?? INSPECTION_SEARCH_ATTRIBUTES)],
      extraArgs: [...(opts.sdk?.server?.extraArgs ?? []), ...(opts.extraArgs ?? [])],
    },
  });
}

const GRPC_ALREADY_EXISTS = 6;
const GRPC_UNIMPLEMENTED = 12;

/**
 * Register search attributes through the OperatorService. Works on the dev server (which can also list them,
 * so a type clash with an existing attribute is reported) and on the time-skipping test server (which only
 * implements AddSearchAttributes). Attributes that already exist are left alone.
 */
export async function registerSearchAttributes(
  connection: Connection,
  namespace: string,
  keys: readonly AnySearchAttributeKey[],
): Promise<void> {
  if (keys.length === 0) return;
  let existing: Record<string, number> | undefined;
  try {
    const listed = await connection.operatorService.listSearchAttributes({ namespace });
    existing = { ...listed.systemAttributes, ...listed.customAttributes };
  } catch (err) {
    if (!(isGrpcServiceError(err) && err.code === GRPC_UNIMPLEMENTED)) throw err;
  }
  for (const key of keys) {
    const indexedValueType = encodeSearchAttributeIndexedValueType(key.type);
    if (indexedValueType === undefined) throw new Error(`unknown search attribute type ${key.type} for ${key.name}`);
    if (existing && key.name in existing) {
      if (existing[key.name] !== indexedValueType) {
        throw new Error(`search attribute ${key.name} already exists with another type (${existing[key.name]})`);
      }
      continue;
    }
    const searchAttributes: NonNullable<AddSearchAttributesRequest['searchAttributes']> = {
      [key.name]: indexedValueType,
    };
    try {
      await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
    } catch (err) {
      if (!(isGrpcServiceError(err) && err.code === GRPC_ALREADY_EXISTS)) throw err;
    }
  }
}

type AddSearchAttributesRequest = Parameters<Connection['operatorService']['addSearchAttributes']>[0];

// ---------------------------------------------------------------------------------------------------------------
// The real dev server as a child process
// ---------------------------------------------------------------------------------------------------------------

