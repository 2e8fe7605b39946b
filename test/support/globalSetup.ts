/**
 * Jest's globalSetup: builds the workflow bundle once per jest run and hands its file to every test file through
 * SHARED_WORKFLOW_BUNDLE (test/support/inspectionHarness.ts's workflowBundle()). Each test file has its own module
 * registry, so without this every file that starts a worker ran its own webpack build, about 5 seconds each.
 * The bundle is built from the working tree at the start of each run, so it is never stale.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeWorkflowBundle } from './workerProcess';

export const SHARED_WORKFLOW_BUNDLE = 'SHARED_WORKFLOW_BUNDLE';

export default async function globalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspections-bundle-'));
  process.env[SHARED_WORKFLOW_BUNDLE] = await writeWorkflowBundle(path.join(dir, 'workflow-bundle.js'));
}
