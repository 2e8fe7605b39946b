import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Database } from '../../db';
import type { BenchSizes } from '../options';
import type { Progress } from '../progress';
import { DECISIONS, type Side, decide, decidePatiently, startInspection } from '../sides';
import { median, nowMs, percentile, pool, sidesForRound, sleep, sum } from '../stats';
import type { BenchApi } from '../api';
import { rssOfPid } from '../devServerStack';

export interface LatencyResult {
  apiMs: number[];
  /** Per API request: its time less the Update it sent (timed inside the API), i.e. what the API adds. */
  apiOverheadMs: number[];
  /** The same, split: from sending the request to the Update's start, and from the Update's end to the answer read. */
  apiBeforeUpdateMs: number[];
  apiAfterUpdateMs: number[];
  directMs: number[];
  baselineDirectMs: number[];
}

/**
 * One decision at a time, so each is timed alone: ours through the API (HTTP, auth, zod, service, Update),
 * ours through the Temporal client's Update directly, and the baseline's Update directly, taken in turn
 * inspection by inspection (each path first, second and third in turn) so drifting machine load falls on all three alike.
 */
export async function latencySuite(client: Client, sides: { ours: Side; baseline: Side }, api: BenchApi, sizes: BenchSizes, progress: Progress): Promise<LatencyResult> {
  progress.begin('decision latency (dev server)');
  const result: LatencyResult = { apiMs: [], apiOverheadMs: [], apiBeforeUpdateMs: [], apiAfterUpdateMs: [], directMs: [], baselineDirectMs: [] };
  await warmUp(client, sides, api, sizes, progress);
  // Then one inspection each way, discarded, so the first timed requests do not open connections.
  for (let i = -1; i < sizes.latencyInspections; i++) {
    // The order turns with each inspection: a path that follows one of ours' own would otherwise always share ours'
    // worker with the previous inspection's last activities, while the baseline's worker had been idle.
    const paths = ['api', 'direct', 'baseline'] as const;
    for (const path of paths.map((_, k) => paths[(k + i + 1) % paths.length]!)) {
      const side = path === 'baseline' ? sides.baseline : sides.ours;
      const id = `insp-${randomUUID()}`;
      await startInspection(client, side, id);
      for (const step of DECISIONS) {
        const t0 = nowMs();
        if (path === 'api') await api.decide(id, step);
        else await decide(client, id, step);
        const t1 = nowMs();
        const ms = t1 - t0;
        if (i >= 0) (path === 'api' ? result.apiMs : path === 'direct' ? result.directMs : result.baselineDirectMs).push(ms);
        if (i >= 0 && path === 'api') {
          const { startedAt, endedAt } = api.lastUpdate();
          result.apiBeforeUpdateMs.push(startedAt - t0);
          result.apiAfterUpdateMs.push(t1 - endedAt);
          result.apiOverheadMs.push(startedAt - t0 + (t1 - endedAt));
        }
      }
    }
    progress.update(`${i + 1}/${sizes.latencyInspections} inspections; p50 api ${median(result.apiMs).toFixed(1)} ms, direct ${median(result.directMs).toFixed(1)} ms`);
  }
  progress.done(`p50 api ${median(result.apiMs).toFixed(2)} ms (outside the Update ${median(result.apiOverheadMs).toFixed(2)} ms), direct ${median(result.directMs).toFixed(2)} ms, baseline direct ${median(result.baselineDirectMs).toFixed(2)} ms`);
  return result;
}

/**
 * Both request paths to steady state before anything is timed: ours through the API (HTTP, Express, auth, zod, the
 * Temporal client, ours' worker) and the baseline's directly (the client and the baseline's worker), side by side.
 * Unwarmed, the API's share of a decision was 2.6–2.8 ms p50; after 2,000 requests, 1.4–1.6 ms.
 */
async function warmUp(client: Client, sides: { ours: Side; baseline: Side }, api: BenchApi, sizes: BenchSizes, progress: Progress): Promise<void> {
  const n = sizes.latencyWarmupInspections;
  const done = { ours: 0, baseline: 0 };
  const drive = (side: Side, send: (id: string, step: (typeof DECISIONS)[number]) => Promise<unknown>) => {
    const ids = Array.from({ length: n }, () => `insp-${randomUUID()}`);
    const lifecycle = async (id: string) => {
      await startInspection(client, side, id);
      for (const step of DECISIONS) await send(id, step);
    };
    return pool(ids, Math.max(1, sizes.concurrency / 2), lifecycle, (d) => {
      done[side.name] = d;
      progress.update(`warming up: ${done.ours}/${n} through the API, ${done.baseline}/${n} baseline directly`);
    });
  };
  await Promise.all([drive(sides.ours, (id, step) => api.decide(id, step)), drive(sides.baseline, (id, step) => decide(client, id, step))]);
}

export interface ThroughputResult {
  startsPerS: { ours: number[]; baseline: number[] };
  decisionsPerS: { ours: number[]; baseline: number[] };
}

async function waitForSummaries(db: Database, prefix: string, count: number, onWait?: (seen: number) => void): Promise<void> {
  for (;;) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inspections WHERE id LIKE $1`, [`${prefix}%`]);
    if ((row?.n ?? 0) >= count) return;
    onWait?.(row?.n ?? 0);
    await sleep(20);
  }
}

/**
 * Sustained rates with `concurrency` requests in flight: starts (from the first start request to the last
 * inspection's first read-model write, so the worker's first workflow task and activity are inside), then
 * three decisions on each of those inspections. Rounds alternate which side goes first.
 */
export async function throughputSuite(client: Client, db: Database, sides: { ours: Side; baseline: Side }, sizes: BenchSizes, progress: Progress): Promise<ThroughputResult> {
  progress.begin('throughput (dev server)');
  const result: ThroughputResult = { startsPerS: { ours: [], baseline: [] }, decisionsPerS: { ours: [], baseline: [] } };
  for (let round = 0; round < sizes.throughputRounds; round++) {
    for (const side of sidesForRound(round, sides.ours, sides.baseline)) {
      const prefix = `insp-${randomUUID().slice(0, 8)}-`;
      const ids = Array.from({ length: sizes.throughputN }, (_, i) => `${prefix}${i.toString(16).padStart(8, '0')}`);
      const label = `round ${round + 1}/${sizes.throughputRounds} ${side.name}`;
      const t0 = nowMs();
      await pool(ids, sizes.concurrency, (id) => startInspection(client, side, id), (d) => progress.update(`${label}: started ${d}/${ids.length}`));
      await waitForSummaries(db, prefix, ids.length, (n) => progress.update(`${label}: ${n}/${ids.length} first writes`));
      const startS = (nowMs() - t0) / 1000;
      result.startsPerS[side.name].push(ids.length / startS);
      const t1 = nowMs();
      await pool(
        ids,
        sizes.concurrency,
        async (id) => {
          for (const step of DECISIONS.slice(0, 3)) await decide(client, id, step);
        },
        (d) => progress.update(`${label}: decided ${d * 3}/${ids.length * 3}`),
      );
      result.decisionsPerS[side.name].push((ids.length * 3) / ((nowMs() - t1) / 1000));
    }
  }
  progress.done(
    `starts/s ours ${median(result.startsPerS.ours).toFixed(1)} vs ${median(result.startsPerS.baseline).toFixed(1)}; decisions/s ours ${median(result.decisionsPerS.ours).toFixed(1)} vs ${median(result.decisionsPerS.baseline).toFixed(1)}`,
  );
  return result;
}

export interface CapacityResult {
  open: number;
  openOnServer: number;
  fillS: number;
  rssMb: number;
  rssBeforeMb: number;
  serverRssMb: number | null;
  overdueMs: number[];
  overdueTotal: number;
}

/**
 * Holds `openInspections` of ours open on the one worker: every tenth is put on site ten days ago, so its
 * on-site clock is already missed and the overdue list has work to do. Then measures the process's RSS, the dev
 * server's RSS, and the overdue list through the API.
 */
export async function capacitySuite(
  client: Client,
  db: Database,
  ours: Side,
  api: BenchApi,
  pids: { server: number | undefined; workerRssMb: () => number | null },
  sizes: BenchSizes,
  progress: Progress,
  /** Called every 250 starts (bench/profileCapacity.ts prints the fill's pace with it). */
  onMilestone?: (started: number, elapsedS: number) => void,
): Promise<CapacityResult> {
  progress.begin(`open inspections (${sizes.openInspections} on one worker)`);
  const rssBeforeMb = pids.workerRssMb() ?? NaN;
  const prefix = `insp-${randomUUID().slice(0, 8)}-`;
  const ids = Array.from({ length: sizes.openInspections }, (_, i) => `${prefix}${i.toString(16).padStart(8, '0')}`);
  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const t0 = nowMs();
  await pool(
    ids,
    Math.max(sizes.concurrency, 64),
    async (id, i) => {
      await startInspection(client, ours, id, {}, tenDaysAgo);
      if (i % 10 === 0) await decidePatiently(client, id, DECISIONS[0]!, { at: tenDaysAgo });
    },
    (d) => {
      progress.update(`started ${d}/${ids.length}`);
      if (d % 250 === 0) onMilestone?.(d, (nowMs() - t0) / 1000);
    },
  );
  await waitForSummaries(db, prefix, ids.length, (n) => progress.update(`${n}/${ids.length} written to the read model`));
  const fillS = (nowMs() - t0) / 1000;
  await sleep(1000);
  const rssMb = pids.workerRssMb() ?? NaN;
  const overdueMs: number[] = [];
  let overdueTotal = 0;
  for (let i = 0; i < 21; i++) {
    const t = nowMs();
    const page = await api.overdue();
    if (i > 0) overdueMs.push(nowMs() - t);
    overdueTotal = page.total;
  }
  const counted = await client.workflow.count(`ExecutionStatus = "Running"`);
  const result: CapacityResult = {
    open: ids.length,
    openOnServer: counted.count,
    fillS,
    rssMb,
    rssBeforeMb,
    serverRssMb: pids.server ? rssOfPid(pids.server) : null,
    overdueMs,
    overdueTotal,
  };
  progress.done(`${result.open} open (${result.openOnServer} running on the server) in ${fillS.toFixed(0)} s; rss ${result.rssMb.toFixed(0)} MB; overdue list p50 ${median(overdueMs).toFixed(1)} ms (${overdueTotal} overdue)`);
  return result;
}

export { percentile, sum };
