import { randomUUID } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { BenchSizes } from '../options';
import type { Progress } from '../progress';
import { DECISIONS, type Side, decide, startInspection } from '../sides';
import { inspectionStateQuery } from '../../workflows/messages';
import { median, nowMs, pool, sidesForRound, sleep, sum } from '../stats';
import { countEvents, dueAt, skipPast } from './historyEvents';

type History = temporal.api.history.v1.IHistory;

export interface SideLifecycle {
  wallMs: number[];
  eventsPerInspection: number;
  eventBreakdown: Record<string, number>;
  histories: { workflowId: string; history: History }[];
}

export interface LifecycleResult {
  ours: SideLifecycle;
  baseline: SideLifecycle;
  roundRatios: number[];
  ratio: number;
  historyRatio: number;
}

/**
 * N inspections of one side through the full lifecycle on the time-skipping server: start, three decisions,
 * the provider's comment window closed by its durable timer, the final report, then publication by its timer.
 * Every inspection runs at once; the wall time is from the first start to the last result.
 */
async function runBatch(env: TestWorkflowEnvironment, side: Side, n: number, onStep: (s: string) => void) {
  const { client } = env;
  const ids = Array.from({ length: n }, () => `insp-${randomUUID()}`);
  const t0 = nowMs();
  const windows = await pool(ids, 32, async (id) => {
    await startInspection(client, side, id);
    for (const step of DECISIONS.slice(0, 2)) await decide(client, id, step);
    return dueAt(await decide(client, id, DECISIONS[2]!), 'commentWindow');
  });
  onStep('draft sent; skipping to the end of the comment window');
  await skipPast(env, Math.max(...windows)); // the 5-working-day comment window runs out on its own
  const publications = await pool(ids, 32, async (id) => {
    const handle = client.workflow.getHandle(id);
    while ((await handle.query(inspectionStateQuery)).status !== 'finalising_report') await sleep(5);
    return dueAt(await decide(client, id, DECISIONS[4]!), 'publication');
  });
  onStep('final report sent; skipping to publication');
  await skipPast(env, Math.max(...publications)); // published 5 working days after the final report, by its timer
  // Never `result()`: on the time-skipping server it unlocks the clock, which then leaps to the next far timer.
  await pool(ids, 32, async (id) => {
    const handle = client.workflow.getHandle(id);
    while ((await handle.describe()).status.name !== 'COMPLETED') await sleep(5);
  });
  const wallMs = nowMs() - t0;
  const histories = await Promise.all(ids.map(async (id) => ({ workflowId: id, history: await client.workflow.getHandle(id).fetchHistory() })));
  return { wallMs, histories };
}

export async function lifecycleSuite(env: TestWorkflowEnvironment, sides: { ours: Side; baseline: Side }, sizes: BenchSizes, progress: Progress): Promise<LifecycleResult> {
  progress.begin('lifecycle (time-skipping server)');
  progress.update('warm-up');
  await runBatch(env, sides.ours, Math.min(2, sizes.lifecycleN), () => {});
  await runBatch(env, sides.baseline, Math.min(2, sizes.lifecycleN), () => {});
  const acc = { ours: { wallMs: [] as number[], histories: [] as SideLifecycle['histories'] }, baseline: { wallMs: [] as number[], histories: [] as SideLifecycle['histories'] } };
  const roundRatios: number[] = [];
  for (let round = 0; round < sizes.lifecycleRounds; round++) {
    const wall: Record<string, number> = {};
    for (const side of sidesForRound(round, sides.ours, sides.baseline)) {
      const r = await runBatch(env, side, sizes.lifecycleN, (s) => progress.update(`round ${round + 1}/${sizes.lifecycleRounds} ${side.name}: ${s}`));
      acc[side.name].wallMs.push(r.wallMs);
      acc[side.name].histories.push(...r.histories);
      wall[side.name] = r.wallMs;
      progress.update(`round ${round + 1}/${sizes.lifecycleRounds} ${side.name}: ${sizes.lifecycleN} in ${r.wallMs.toFixed(0)} ms`);
    }
    roundRatios.push(wall.ours! / wall.baseline!);
  }
  const summarise = (s: (typeof acc)['ours']): SideLifecycle => ({ wallMs: s.wallMs, ...countEvents(s.histories.map((h) => h.history)), histories: s.histories });
  const ours = summarise(acc.ours);
  const baseline = summarise(acc.baseline);
  const ratio = sum(ours.wallMs) / sum(baseline.wallMs);
  progress.done(`ours ÷ baseline ${ratio.toFixed(3)} (median of rounds ${median(roundRatios).toFixed(3)}); events ${ours.eventsPerInspection} vs ${baseline.eventsPerInspection}`);
  return { ours, baseline, roundRatios, ratio, historyRatio: ours.eventsPerInspection / baseline.eventsPerInspection };
}

