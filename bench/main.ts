/**
 * `npm run bench [-- --quick | --smoke]`: the product's generic workflow against a hand-written baseline, side by
 * side in one run (docs/PERFORMANCE.md). Progress goes to stderr; stdout gets a table, then every figure as
 * `name: value`, one a line, as the last lines printed.
 */
import { cpus, totalmem } from 'node:os';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { openDatabase } from '../db';
import { createTimeSkippingEnv } from '../test/support/temporal';
import { startDevServerStack } from './devServerStack';
import { sizesFor } from './options';
import { Progress } from './progress';
import { bundles, startWorkers } from './sides';
import { median, percentile, sum } from './stats';
import { capacitySuite, latencySuite, throughputSuite } from './suites/devServer';
import { type EventCount, historyEventsSuite } from './suites/historyEvents';
import { lifecycleSuite } from './suites/lifecycle';
import { calendarSuite, engineSuite, replaySuite } from './suites/pure';
import { lateEnteredHistories, rederivationSuite } from './suites/businessTime';
import { runMain } from './runMain';

interface Row {
  figure: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
}

async function main() {
  const sizes = sizesFor(process.argv.slice(2));
  // The SDK's logs, its native core's too, go to stderr with the progress, from WARN up: stdout is the results alone.
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} } } });
  const progress = new Progress();
  const began = Date.now();
  process.stderr.write(`bench: ${sizes.mode} mode on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);

  progress.begin('bundling both workflows');
  const built = await bundles();
  progress.done('done');
  const db = await openDatabase({ memory: true });

  // 1. Lifecycle and history on the time-skipping server.
  progress.begin('starting the time-skipping server');
  const env = await createTimeSkippingEnv();
  const tsWorkers = await startWorkers(env.nativeConnection, db, built);
  progress.done('up');
  let lifecycle, historyEvents, lateEntered;
  try {
    lifecycle = await lifecycleSuite(env, tsWorkers, sizes, progress);
    historyEvents = await historyEventsSuite(env, tsWorkers, sizes.historyN, progress);
    progress.begin(`history events of the lifecycle entered weeks late (${sizes.historyN} inspections)`);
    lateEntered = await lateEnteredHistories(env, tsWorkers.ours, sizes.historyN);
    progress.done(`${lateEntered.eventsPerInspection.toFixed(1)} against ${historyEvents.ours.eventsPerInspection.toFixed(1)} entered on the day`);
  } catch (error) {
    console.error('bench: failed on the time-skipping server:', error);
    throw error;
  } finally {
    await tsWorkers.stop();
    await env.teardown();
  }

  // 2. Latency, throughput and capacity on the real dev server (SQLite file, as `npm start` runs it).
  progress.begin('starting the dev server');
  const stack = await startDevServerStack(db, built);
  const { client, workers, api, server } = stack;
  progress.done(`up at ${server.address}; ${stack.topology === 'processes' ? 'each worker in its own process, on PostgreSQL' : 'workers and API in this process, on PGlite (no PostgreSQL found)'}`);
  const topology = stack.topology;
  let latency, throughput, capacity;
  try {
    latency = await latencySuite(client, workers, api, sizes, progress);
    throughput = await throughputSuite(client, stack.db, workers, sizes, progress);
    capacity = await capacitySuite(client, stack.db, workers.ours, api, { server: server.pid, workerRssMb: stack.oursWorkerRssMb }, sizes, progress);
  } catch (error) {
    // Said before the clean-up: a timer still using a connection closed below can end the process first.
    console.error('bench: failed on the dev server:', error);
    throw error;
  } finally {
    await stack.stop();
  }

  // 3. No server: replay, the calendar, the interpreter alone.
  const replay = await replaySuite(built, { ours: lifecycle.ours.histories, baseline: lifecycle.baseline.histories }, sizes, progress);
  const calendar = calendarSuite(sizes, progress);
  const engine = engineSuite(progress, sizes.mode === 'smoke' ? 20 : 500);
  const rederivation = rederivationSuite(progress, sizes.mode === 'smoke' ? 20 : 500);
  await db.close();

  const latP50 = median(latency.apiMs);
  const directP50 = median(latency.directMs);
  const perInspection = (s: typeof lifecycle.ours) => sum(s.wallMs) / (s.wallMs.length * sizes.lifecycleN);
  const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
  const figures: [string, number, number][] = [
    ['lifecycle_overhead_ratio', lifecycle.ratio, 3],
    ['history_events_ratio', historyEvents.ratio, 3],
    ['history_events_ratio_racing', lifecycle.historyRatio, 3],
    ['history_events_late_entry_ratio', lateEntered.eventsPerInspection / historyEvents.ours.eventsPerInspection, 3],
    ['rederivation_over_one_step_ratio', rederivation.rederiveMs / rederivation.applyOneMs, 2],
    ['decision_latency_p50_ms', latP50, 2],
    ['decision_latency_p99_ms', percentile(latency.apiMs, 99), 2],
    ['api_overhead_p50_ms', median(latency.apiOverheadMs), 2],
    ['starts_per_s', median(throughput.startsPerS.ours), 1],
    ['starts_per_s_baseline', median(throughput.startsPerS.baseline), 1],
    ['decisions_per_s', median(throughput.decisionsPerS.ours), 1],
    ['decisions_per_s_baseline', median(throughput.decisionsPerS.baseline), 1],
    ['open_inspections', capacity.open, 0],
    ['worker_rss_mb', capacity.rssMb, 0],
    ['overdue_list_p50_ms', median(capacity.overdueMs), 2],
    ['replay_histories_per_s', median(replay.ours), 1],
    ['replay_histories_per_s_baseline', median(replay.baseline), 1],
    ['working_days_ops_per_s', median(calendar.ours), 0],
    ['working_days_ops_per_s_date_fns', median(calendar.dateFns), 0],
  ];

  const rows: Row[] = [
    { figure: 'lifecycle wall ms / inspection', ours: f(perInspection(lifecycle.ours), 1), baseline: f(perInspection(lifecycle.baseline), 1), ratio: f(lifecycle.ratio, 3), target: '≤ 1.10' },
    { figure: '  per-round ratios', ours: lifecycle.roundRatios.map((r) => f(r, 2)).join(' '), baseline: '', ratio: f(median(lifecycle.roundRatios), 3), target: 'median' },
    { figure: 'history events / inspection (settled)', ours: f(historyEvents.ours.eventsPerInspection, 1), baseline: f(historyEvents.baseline.eventsPerInspection, 1), ratio: f(historyEvents.ratio, 3), target: '≤ 1.00' },
    { figure: '  in the timed runs (racing the writes)', ours: f(lifecycle.ours.eventsPerInspection, 1), baseline: f(lifecycle.baseline.eventsPerInspection, 1), ratio: f(lifecycle.historyRatio, 3), target: '' },
    { figure: 'decision p50 ms (client Update)', ours: f(directP50), baseline: f(median(latency.baselineDirectMs)), ratio: f(directP50 / median(latency.baselineDirectMs), 3), target: '' },
    { figure: 'decision p99 ms (client Update)', ours: f(percentile(latency.directMs, 99)), baseline: f(percentile(latency.baselineDirectMs, 99)), ratio: '', target: '' },
    { figure: 'decision p50 / p99 ms via API', ours: `${f(latP50)} / ${f(percentile(latency.apiMs, 99))}`, baseline: '', ratio: '', target: '' },
    { figure: 'API overhead p50 / p99 ms (same request)', ours: `${f(median(latency.apiOverheadMs))} / ${f(percentile(latency.apiOverheadMs, 99))}`, baseline: '', ratio: '', target: '≤ 2' },
    { figure: '  before / after the Update p50 ms', ours: `${f(median(latency.apiBeforeUpdateMs))} / ${f(median(latency.apiAfterUpdateMs))}`, baseline: '', ratio: '', target: '' },
    { figure: '  p50 via API − p50 direct (unpaired)', ours: f(latP50 - directP50), baseline: '', ratio: '', target: '' },
    { figure: 'starts / s', ours: f(median(throughput.startsPerS.ours), 1), baseline: f(median(throughput.startsPerS.baseline), 1), ratio: f(median(throughput.startsPerS.ours) / median(throughput.startsPerS.baseline), 3), target: '' },
    { figure: 'decisions / s', ours: f(median(throughput.decisionsPerS.ours), 1), baseline: f(median(throughput.decisionsPerS.baseline), 1), ratio: f(median(throughput.decisionsPerS.ours) / median(throughput.decisionsPerS.baseline), 3), target: '' },
    { figure: 'open inspections (running on server)', ours: `${capacity.open} (${capacity.openOnServer})`, baseline: '', ratio: '', target: '≥ 10000' },
    { figure: `${topology === 'processes' ? 'worker process' : 'bench process'} RSS MB (before fill)`, ours: `${f(capacity.rssMb, 0)} (${f(capacity.rssBeforeMb, 0)})`, baseline: '', ratio: '', target: '< 1024' },
    { figure: 'dev server RSS MB', ours: capacity.serverRssMb === null ? 'n/a' : f(capacity.serverRssMb, 0), baseline: '', ratio: '', target: '' },
    { figure: 'overdue list p50 / p99 ms', ours: `${f(median(capacity.overdueMs))} / ${f(percentile(capacity.overdueMs, 99))} (${capacity.overdueTotal})`, baseline: '', ratio: '', target: '' },
    { figure: 'replay histories / s', ours: f(median(replay.ours), 1), baseline: f(median(replay.baseline), 1), ratio: f(median(replay.ours) / median(replay.baseline), 3), target: '' },
    { figure: 'working days ops / s (vs date-fns)', ours: f(median(calendar.ours), 0), baseline: f(median(calendar.dateFns), 0), ratio: f(median(calendar.ours) / median(calendar.dateFns), 2), target: '' },
    { figure: 'history events, entered weeks late / on the day', ours: `${f(lateEntered.eventsPerInspection, 1)} / ${f(historyEvents.ours.eventsPerInspection, 1)}`, baseline: '', ratio: f(lateEntered.eventsPerInspection / historyEvents.ours.eventsPerInspection, 3), target: '' },
    { figure: `record re-read / one step ms (${rederivation.steps} steps)`, ours: `${f(rederivation.rederiveMs, 3)} / ${f(rederivation.applyOneMs, 3)}`, baseline: '', ratio: f(rederivation.rederiveMs / rederivation.applyOneMs, 2), target: '' },
    { figure: 'engine ms / lifecycle (no Temporal)', ours: `${f(engine.msPerLifecycle, 2)} (view ${f(engine.viewMs, 3)} × ${f(engine.viewsPerLifecycle, 0)})`, baseline: '', ratio: '', target: '' },
  ];
  printTable(rows);
  console.log('');
  printBreakdown('history events per inspection, by type, settled (ours / baseline):', historyEvents.ours, historyEvents.baseline);
  printBreakdown('in the timed runs (ours / baseline):', lifecycle.ours, lifecycle.baseline);
  console.log('');
  console.log(`mode ${sizes.mode}; ${((Date.now() - began) / 1000).toFixed(0)} s; ${cpus().length} cpus; dev-server part: ${topology === 'processes' ? 'API here, each worker in its own process, PostgreSQL' : 'API and workers in one process, PGlite'}`);
  for (const [name, value, digits] of figures) console.log(`${name}: ${value.toFixed(digits)}`);
}

function printBreakdown(title: string, ours: EventCount, baseline: EventCount) {
  console.log(title);
  const types = [...new Set([...Object.keys(ours.eventBreakdown), ...Object.keys(baseline.eventBreakdown)])].sort();
  const f = (x: number | undefined) => (x ?? 0).toFixed(1).padStart(6);
  for (const t of types) console.log(`  ${t.padEnd(48)} ${f(ours.eventBreakdown[t])} ${f(baseline.eventBreakdown[t])}`);
}

function printTable(rows: Row[]) {
  const headers: Row = { figure: 'figure', ours: 'ours', baseline: 'baseline', ratio: 'ours ÷ base', target: 'target' };
  const keys = Object.keys(headers) as (keyof Row)[];
  const widths = keys.map((k) => Math.max(headers[k].length, ...rows.map((r) => r[k].length)));
  const line = (r: Row) => keys.map((k, i) => r[k].padEnd(widths[i]!)).join(' | ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

runMain(main);
