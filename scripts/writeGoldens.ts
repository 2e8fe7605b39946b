/**
 * `npm run goldens`: writes the golden file (test/machines/goldens/<key>.json) of every registered machine revision
 * that has none yet, and lists them. It never rewrites an existing golden: a registered revision does not change
 * (docs/CHANGING_MACHINES.md); a change of what a machine does is a new revision, with a golden of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { INSPECTION_TYPES } from '../machines/registry';
import { GOLDEN_DIR, goldenFile, goldenText } from '../test/support/golden';

fs.mkdirSync(GOLDEN_DIR, { recursive: true });
let written = 0;
for (const definition of INSPECTION_TYPES) {
  const file = goldenFile(definition);
  if (fs.existsSync(file)) continue;
  fs.writeFileSync(file, goldenText(definition));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  written++;
}
console.log(`${written} golden file(s) written; ${INSPECTION_TYPES.length - written} already frozen`);
