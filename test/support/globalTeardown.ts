/** Jest's globalTeardown: removes the shared workflow bundle test/support/globalSetup.ts wrote. */
import fs from 'node:fs';
import path from 'node:path';
import { SHARED_WORKFLOW_BUNDLE } from './globalSetup';

export default function globalTeardown(): void {
  const file = process.env[SHARED_WORKFLOW_BUNDLE];
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
