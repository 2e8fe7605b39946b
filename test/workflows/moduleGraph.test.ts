import { buildSync } from 'esbuild';
import { join } from 'node:path';

/**
 * What the SDK evaluates anew for every workflow run is the workflows' own module graph; the pure modules (engine,
 * machines, XState, zod, calendar) are reached only through workflows/pureRuntime.ts, evaluated once per worker
 * (docs/PERFORMANCE.md). A workflow file importing one of them directly would silently bring back ~20 ms of CPU and
 * ~2 MB of memory per run.
 */
describe('the per-run module graph of the workflows', () => {
  const inputs = (external: string[]) =>
    Object.keys(
      buildSync({ entryPoints: [join(__dirname, '..', '..', 'workflows', 'index.ts')], bundle: true, platform: 'node', write: false, metafile: true, external, logLevel: 'silent' })
        .metafile!.inputs,
    );

  it('holds no zod, XState, machine definition, engine or calendar', () => {
    const perRun = inputs(['./pureModules']);
    expect(perRun.filter((f) => /node_modules\/(zod|xstate)\/|machines\/(registry|sccif-rfc|rfc-2014|childrens-centre|safeguarding-lac)|\/engine\/|\/calendar\//.test(f))).toEqual([]);
  });

  it('reaches all of them through the shared pure modules', () => {
    const all = inputs([]);
    for (const expected of [/node_modules\/zod\//, /node_modules\/xstate\//, /machines\/registry\.ts$/, /engine\/inspectionRecord\.ts$/, /calendar\//]) {
      expect(all.some((f) => expected.test(f))).toBe(true);
    }
  });
});
