import { execFile } from 'node:child_process';
import { join } from 'node:path';

/**
 * The benchmark harness (bench/) runs and prints every figure: in `--smoke` mode (a couple of inspections, seconds of
 * work) in `npm test`, and in `--quick` mode when BENCH_HARNESS_MODE=quick (CI runs it so after the other suites). Only the output's format is checked. Benchmarks are not tests: no speed is asserted here.
 */
const MODE = process.env.BENCH_HARNESS_MODE === 'quick' ? 'quick' : 'smoke';
/** Room for a slow, busy machine: `--quick` takes about 4 minutes on two cores at load ~2. */
const LIMIT_MS = MODE === 'quick' ? 25 * 60_000 : 280_000;

const FIGURES = [
  'lifecycle_overhead_ratio',
  'history_events_ratio',
  'history_events_ratio_racing',
  'history_events_late_entry_ratio',
  'rederivation_over_one_step_ratio',
  'decision_latency_p50_ms',
  'decision_latency_p99_ms',
  'api_overhead_p50_ms',
  'starts_per_s',
  'starts_per_s_baseline',
  'decisions_per_s',
  'decisions_per_s_baseline',
  'open_inspections',
  'worker_rss_mb',
  'overdue_list_p50_ms',
  'replay_histories_per_s',
  'replay_histories_per_s_baseline',
  'working_days_ops_per_s',
  'working_days_ops_per_s_date_fns',
];

describe(`bench harness (--${MODE})`, () => {
  it('prints every figure as `name: value` in the last lines, each value a number', async () => {
    const root = join(__dirname, '..', '..');
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'bench', 'main.ts'), `--${MODE}`], { cwd: root, maxBuffer: 64 * 2 ** 20, timeout: LIMIT_MS }, (error, out, err) =>
        error ? reject(new Error(`${error.message}\n${err.slice(-4000)}`)) : resolve(out),
      );
    });
    const lines = stdout.trimEnd().split('\n');
    const last = lines.slice(-FIGURES.length);
    expect(last.map((l) => l.split(':')[0])).toEqual(FIGURES);
    for (const line of last) {
      const match = /^([a-z0-9_]+): (-?\d+(?:\.\d+)?)$/.exec(line);
      expect(match).not.toBeNull();
      expect(Number.isFinite(Number(match![2]))).toBe(true);
    }
    expect(stdout).toContain('ours ÷ base');
    expect(stdout).toContain(`mode ${MODE};`);
  }, LIMIT_MS + 20_000);
});
