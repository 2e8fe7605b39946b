import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useApiStack } from '../support/apiServer';

/**
 * Schemathesis (from PyPI) against the running API, its OpenAPI document and every check it has, with each role's
 * token: generated valid and invalid requests to every operation must find no server error and no answer that breaks
 * the document. `.ci/run` installs it and sets REQUIRE_SCHEMATHESIS=1, so there it cannot be skipped; elsewhere,
 * without it installed for python3 (`python3 -m pip install schemathesis`), these tests say so and are skipped.
 */
/** Run as a module of the Python that installed it, wherever pip put its scripts. */
const SCHEMATHESIS = ['-m', 'schemathesis.cli'];
const installed = (() => {
  try {
    execFileSync('python3', [...SCHEMATHESIS, '--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!installed && process.env.REQUIRE_SCHEMATHESIS === '1') throw new Error('schemathesis is not installed, and REQUIRE_SCHEMATHESIS=1');
if (!installed) console.warn('schemathesis is not installed for python3: its tests are skipped (python3 -m pip install schemathesis)');

/**
 * Checks that do not apply, each with why:
 * - positive_data_acceptance: a request valid by the document may still be refused by the rules (a decision the stage
 *   does not allow is a 409, an unknown inspection a 404); the document says so, and every refusal is a 4xx.
 * - use_after_free, ensure_resource_availability: stateful checks for resources the API creates and deletes;
 *   nothing here is ever deleted, and an inspection created by a generated request is another caller's to find.
 */
const EXCLUDED = ['positive_data_acceptance', 'use_after_free', 'ensure_resource_availability'];
const EXAMPLES = Number(process.env.SCHEMATHESIS_EXAMPLES ?? 10);

(installed ? describe : describe.skip)('schemathesis against the running API (every operation, every check)', () => {
  const stack = useApiStack({ rateLimitPerMinute: 1_000_000 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemathesis-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(['manager', 'provider', 'auditor'] as const)('as a %s: no server error, no answer outside the document', async (role) => {
    const junit = path.join(dir, `${role}.xml`);
    const args = [
      'run',
      `${stack.api.base}/openapi.json`,
      '--header',
      `Authorization: Bearer ${stack.api.tokens[role]}`,
      '--checks',
      'all',
      '--exclude-checks',
      EXCLUDED.join(','),
      '--max-examples',
      String(EXAMPLES),
      '--seed',
      '20261207',
      // One worker: with threads, CPython 3.11's ast.parse (used by hypothesis to describe filters) can fail.
      '--workers',
      '1',
      '--request-timeout',
      '30',
      '--report',
      'junit',
      '--report-junit-path',
      junit,
      '--no-color',
    ];
    const output = await new Promise<{ code: number; text: string }>((resolve) => {
      execFile('python3', [...SCHEMATHESIS, ...args], { maxBuffer: 64 * 2 ** 20, timeout: 600_000, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, text: `${stdout}\n${stderr}` }),
      );
    });
    const report = fs.existsSync(junit) ? fs.readFileSync(junit, 'utf8') : '';
    const cases = (report.match(/<testcase /g) ?? []).length;
    const failures = (report.match(/<failure /g) ?? []).length + (report.match(/<error /g) ?? []).length;
    if (output.code !== 0 || failures > 0) console.error(output.text.slice(-20_000));
    if (process.env.SCHEMATHESIS_LOG) fs.writeFileSync(`${process.env.SCHEMATHESIS_LOG}-${role}.txt`, output.text);
    expect({ role, cases: cases > 0, failures, exit: output.code }).toEqual({ role, cases: true, failures: 0, exit: 0 });
  }, 900_000);
});
