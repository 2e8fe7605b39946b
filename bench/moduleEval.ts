/**
 * What it costs to evaluate each workflow's module graph once: `npx tsx bench/moduleEval.ts`. The SDK evaluates a
 * workflow's imports for every run it starts (and every run replayed after eviction from its cache); ours leaves the
 * pure modules (workflows/pureModules.ts: engine, machines, XState, zod, calendar) to be evaluated once per worker
 * (workflows/pureRuntime.ts), so "per run" is the graph without them, and "once per worker" is them alone. Each is
 * bundled with esbuild to one CommonJS file, then evaluated 20 times warm in this process.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';

const root = join(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pure: unknown = require('../workflows/pureModules');
/** The per-run graph asks for the pure modules at evaluation; they are already loaded, as in a worker after its first run. */
const requireShared = ((id: string) => (id === './pureModules' ? pure : require(id))) as NodeRequire;
const graphs: [string, string, string[]][] = [
  ['ours, per run', join(root, 'workflows', 'index.ts'), ['--external:./pureModules']],
  ['ours, once per worker', join(root, 'workflows', 'pureModules.ts'), []],
  ['ours, all of it (as before the pure modules were shared)', join(root, 'workflows', 'index.ts'), []],
  ['baseline, per run', join(root, 'bench', 'baseline', 'index.ts'), []],
];
for (const [name, entry, flags] of graphs) {
  const out = join(tmpdir(), `bench-module-eval-${name.replace(/\W+/g, '-')}.js`);
  execFileSync(join(root, 'node_modules', '.bin', 'esbuild'), [entry, '--bundle', '--platform=node', '--format=cjs', `--outfile=${out}`, '--log-level=error', ...flags]);
  const evaluate = new vm.Script(`(function (module, exports, require) {${readFileSync(out, 'utf8')}\n})`).runInThisContext() as (m: unknown, e: unknown, r: NodeRequire) => void;
  const once = () => {
    const m = { exports: {} };
    evaluate(m, m.exports, requireShared);
  };
  once();
  const k = 20;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < k; i++) once();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / k;
  console.log(`${name}: ${(statSync(out).size / 1024).toFixed(0)} KiB bundled, ${ms.toFixed(2)} ms per evaluation`);
}
