/**
 * Determinism gate. Every history under test/fixtures/histories/<key>/<path>.json (test/support/historyKey.ts) was
 * recorded by `npm run record:histories` from a real run of the workflow (time-skipping test server); each is
 * replayed here against the CURRENT workflow bundle (Worker.runReplayHistories). A code change that would make a
 * running inspection take a different path (different commands for the same history) fails this test, i.e. CI.
 *
 * The gate is shown to work, without committing a broken workflow: the test copies workflows/ into
 * test-artifacts/ (git-ignored), edits the copy and bundles it, twice:
 *   - "unpatched": a new activity call added at the start of the inspection workflow ("announce every new
 *     inspection") and a new timer at the start of each run of the centre cycle ("let the register settle"), the
 *     kind of change a developer makes. Replaying a recorded history of either against it must fail with a
 *     DeterminismViolationError.
 *   - "patched": the same steps behind `patched(...)`, as docs/CHANGING_MACHINES.md says to do it. Every recorded
 *     history must still replay cleanly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleOption, bundleWorkflowCode } from '@temporalio/worker';
import { INSPECTION_TYPES, definitionOf } from '../../machines/registry';
import { historyKey } from '../support/historyKey';
import { historyFromJSONValue } from '../../api/historyJson';
import { CENTRE_CYCLE_WORKFLOW } from '../../workflows/centreMessages';
import { HISTORY_SCENARIOS } from '../support/historyScenarios';
import { CENTRE_CYCLE_KEY, CENTRE_CYCLE_SCENARIOS } from '../support/historyScenarios/centreCycle';
import { workflowBundle } from '../support/inspectionHarness';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'histories');

const fixtures = fs
  .readdirSync(FIXTURES)
  .flatMap((dir) => fs.readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith('.json')).map((f) => ({ dir, file: f, full: path.join(FIXTURES, dir, f) })));
const load = (full: string) => historyFromJSONValue(JSON.parse(fs.readFileSync(full, 'utf8')));

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
});

const names = (dir: string) => fixtures.filter((f) => f.dir === dir).map((f) => f.file.replace(/\.json$/, ''));
const workflowTypeOf = (full: string) => load(full).events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name;

describe('recorded histories (fixtures)', () => {
  const keys = INSPECTION_TYPES.map(historyKey);
  test.each(INSPECTION_TYPES.map((d) => [historyKey(d), d] as const))('%s has at least one recorded history, of that machine', (key, def) => {
    const mine = fixtures.filter((f) => f.dir === key);
    expect(mine.length).toBeGreaterThan(0);
    for (const f of mine) {
      const started = load(f.full).events?.[0]?.workflowExecutionStartedEventAttributes;
      const input = JSON.parse(Buffer.from(started!.input!.payloads![0]!.data!).toString('utf8'));
      expect(definitionOf(input)).toBe(def); // as recorded: with its revision, or a number of the numbering before revisions
    }
  });
  test.each(keys)('%s has scenarios, and a history for every path it requires and every scenario', (key) => {
    const histories = HISTORY_SCENARIOS[key];
    expect(histories).toBeDefined(); // add test/support/historyScenarios/<type>.ts and list it in index.ts
    const files = names(key);
    for (const required of histories!.required) expect({ required, recorded: files.some((f) => f.startsWith(required)) }).toEqual({ required, recorded: true });
    for (const { path: p } of histories!.scenarios) expect({ scenario: p, recorded: files.includes(p) }).toEqual({ scenario: p, recorded: true });
  });
  test('the centre cycle workflow has a history for every scenario, each of that workflow', () => {
    const files = names(CENTRE_CYCLE_KEY);
    for (const { path: p } of CENTRE_CYCLE_SCENARIOS) expect({ scenario: p, recorded: files.includes(p) }).toEqual({ scenario: p, recorded: true });
    for (const f of fixtures.filter((x) => x.dir === CENTRE_CYCLE_KEY)) expect(workflowTypeOf(f.full)).toBe(CENTRE_CYCLE_WORKFLOW);
  });
});

/** Every recorded history replayed by one replay worker (runReplayHistories): the error of each, by its name. */
async function replayAll(bundle: WorkflowBundleOption): Promise<Map<string, unknown>> {
  const histories = fixtures.map((f) => ({ workflowId: `${f.dir}/${f.file}`, history: load(f.full) }));
  const errors = new Map<string, unknown>();
  for await (const { workflowId, error } of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) errors.set(workflowId, error);
  return errors;
}

describe('replay against the current workflow code', () => {
  // one replay worker for them all, each history still its own test: a worker per history took twice as long
  let errors: Map<string, unknown>;
  beforeAll(async () => {
    errors = await replayAll(await workflowBundle());
  }, 300_000);
  test.each(fixtures.map((f) => `${f.dir}/${f.file}`))('%s replays without nondeterminism', (name) => {
    expect(errors.has(name)).toBe(true);
    expect(errors.get(name)).toBeUndefined();
  });
});

describe('the gate catches a breaking change and lets a patched one through', () => {
  const variants = path.join(ROOT, 'test-artifacts', 'replay-variants');
  const CALL = "await proxyActivities<{ announceStart(id: string): Promise<void> }>({ startToCloseTimeout: '1 minute' }).announceStart(start.inspectionId);";

  /** A copy of workflows/ with an edit applied to each workflow file named in `edits`, bundled. */
  async function variant(name: string, edits: Record<string, (source: string) => string>) {
    const dir = path.join(variants, name, 'workflows');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const file of fs.readdirSync(path.join(ROOT, 'workflows')).filter((f) => f.endsWith('.ts'))) {
      let source = fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8');
      source = source.replace(/from '\.\.\/([^']+)'/g, (_m, rest: string) => `from '${path.join(ROOT, rest)}'`);
      const edit = edits[file];
      if (edit) {
        const edited = edit(source);
        if (edited === source) throw new Error(`variant ${name}: the edit of ${file} did not apply`);
        source = edited;
      }
      fs.writeFileSync(path.join(dir, file), source);
    }
    const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error };
    return bundleWorkflowCode({ workflowsPath: path.join(dir, 'index.ts'), logger: quiet });
  }

  let unpatched: ReturnType<typeof variant>;
  beforeAll(() => {
    unpatched = variant('unpatched', edits(false));
    unpatched.catch(() => undefined); // awaited by the tests, which report the error
  });

  const addCall = (guarded: boolean) => (source: string) =>
    (/\bpatched\b[^;]*from '@temporalio\/workflow'/.test(source) ? source : source.replace("import { ApplicationFailure, condition,", "import { ApplicationFailure, condition, patched,"))
      .replace('  let flushedRevision = -1;', `  ${guarded ? "if (patched('announce-start')) " : ''}${CALL}\n  let flushedRevision = -1;`);

  /** The centre cycle: a pause before anything else ("let the register settle"), a new timer in every run. */
  const addCyclePause = (guarded: boolean) => (source: string) =>
    source
      .replace("import { ApplicationFailure, ParentClosePolicy, condition,", `import { ApplicationFailure, ParentClosePolicy, condition, ${/\bpatched\b[^;]*from '@temporalio\/workflow'/.test(source) ? '' : 'patched, '}sleep,`)
      .replace('  let window = nextWindow(', `  ${guarded ? "if (patched('settle-first')) " : ''}await sleep('1 minute');\n  let window = nextWindow(`);

  const edits = (guarded: boolean) => ({ 'inspectionWorkflow.ts': addCall(guarded), 'centreCycleWorkflow.ts': addCyclePause(guarded) });

  afterAll(() => fs.rmSync(variants, { recursive: true, force: true }));

  test.each([
    ['sccif-rfc-full-v1', 'happy.json'],
    [CENTRE_CYCLE_KEY, 'registered-first-inspection-scheduled.json'],
  ])('an unpatched new step fails replay of a recorded history with a determinism violation: %s/%s', async (dir, file) => {
    const bundle = await unpatched;
    const recorded = fixtures.find((f) => f.dir === dir && f.file === file)!;
    const error = await Worker.runReplayHistory({ workflowBundle: bundle }, load(recorded.full)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeterminismViolationError);
    expect(String((error as Error).message)).toMatch(/nondetermin/i);
  }, 60_000);

  test('the same steps behind patched() replay every recorded history cleanly', async () => {
    const errors = await replayAll(await variant('patched', edits(true)));
    expect(errors.size).toBe(fixtures.length);
    for (const [workflowId, error] of errors) expect({ workflowId, error }).toEqual({ workflowId, error: undefined });
  }, 300_000); // bundling plus every recorded history (more with each new version): past 2 minutes on a loaded machine
});
