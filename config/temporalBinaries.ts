/**
 * Where the Temporal binaries used by tests and local development live.
 *
 * Resolution order (first hit wins):
 *   1. the environment variable (`TEMPORAL_CLI_PATH` / `TEMPORAL_TEST_SERVER_PATH`);
 *   2. the project-local `tools/` folder filled by `scripts/install-temporal-binaries.js` (npm postinstall);
 *   3. for the CLI only: a `temporal` executable on PATH.
 *
 * When nothing is found the `*Executable()` helpers return `undefined`, which makes the Temporal SDK
 * fall back to downloading its own binary (needs internet access).
 */
import fs from 'node:fs';
import path from 'node:path';

/** Repository root: this file lives in `<root>/config/`. */
export const REPO_ROOT = path.resolve(__dirname, '..');
export const TOOLS_DIR = path.join(REPO_ROOT, 'tools');

export const TEMPORAL_CLI_ENV = 'TEMPORAL_CLI_PATH';
export const TEMPORAL_TEST_SERVER_ENV = 'TEMPORAL_TEST_SERVER_PATH';

/** Same shape as `EphemeralServerExecutable` of `@temporalio/testing` (existing-path variant). */
export interface ExistingPathExecutable {
  type: 'existing-path';
  path: string;
}

const exeSuffix = process.platform === 'win32' ? '.exe' : '';

function isExecutableFile(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function fromEnv(name: string): string | undefined {
  const value = process.env[name];
  if (!value) return undefined;
  const resolved = path.resolve(value);
  if (!isExecutableFile(resolved)) {
    throw new Error(`${name}=${value} does not point to an executable file`);
  }
  return resolved;
}

function fromTools(exeName: string): string | undefined {
  const candidate = path.join(TOOLS_DIR, exeName + exeSuffix);
  return isExecutableFile(candidate) ? candidate : undefined;
}

function fromPath(exeName: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, exeName + exeSuffix);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** Temporal CLI (`temporal server start-dev`): env var → tools/temporal → PATH. */
export function temporalCliPath(): string | undefined {
  return fromEnv(TEMPORAL_CLI_ENV) ?? fromTools('temporal') ?? fromPath('temporal');
}

/** Time-skipping test server: env var → tools/temporal-test-server. */
export function temporalTestServerPath(): string | undefined {
  return fromEnv(TEMPORAL_TEST_SERVER_ENV) ?? fromTools('temporal-test-server');
}

/** For `TestWorkflowEnvironment.createLocal({ server: { executable } })`; undefined = SDK download. */
export function devServerExecutable(): ExistingPathExecutable | undefined {
  const p = temporalCliPath();
  return p ? { type: 'existing-path', path: p } : undefined;
}

/** For `TestWorkflowEnvironment.createTimeSkipping({ server: { executable } })`; undefined = SDK download. */
export function testServerExecutable(): ExistingPathExecutable | undefined {
  const p = temporalTestServerPath();
  return p ? { type: 'existing-path', path: p } : undefined;
}
