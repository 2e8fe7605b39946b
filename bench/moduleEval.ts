/**
 * What it costs to evaluate each workflow's module graph once, as every new workflow run (and every run evicted
 * from the worker's cache) does in the SDK's sandbox: `npx tsx bench/moduleEval.ts`. Bundles each side with
 * esbuild to one CommonJS file, then evaluates it 20 times warm in this process and prints ms per evaluation.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';

const root = join(__dirname, '..');
const sides = { ours: join(root, 'workflows', 'index.ts'), baseline: join(root, 'bench', 'baseline', 'index.ts') };
for (const [name, entry] of Object.entries(sides)) {
  const out = join(tmpdir(), `bench-module-eval-${name}.js`);
  execFileSync(join(root, 'node_modules', '.bin', 'esbuild'), [entry, '--bundle', '--platform=node', '--format=cjs', `--outfile=${out}`, '--log-level=error']);
  const evaluate = new vm.Script(`(function (module, exports, require) {${readFileSync(out, 'utf8')}\n})`).runInThisContext() as (m: unknown, e: unknown, r: NodeRequire) => void;
  const once = () => {
    const m = { exports: {} };
    evaluate(m, m.exports, require);
  };
  once();
  const k = 20;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < k; i++) once();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / k;
  console.log(`${name}: ${(statSync(out).size / 1024).toFixed(0)} KiB bundled, ${ms.toFixed(2)} ms per evaluation`);
}
