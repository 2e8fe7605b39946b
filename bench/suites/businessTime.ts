import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addCalendarDays, addWorkingDays, londonDateOf } from '../../calendar';
import { LIFECYCLES, runOnTheDay } from '../../test/support/lifecycles';
import { actors } from '../../test/support/pureDriver';
import type { Progress } from '../progress';
import { DECISIONS, type Side, decide, startInspection } from '../sides';
import { median, nowMs, sleep } from '../stats';
import { type EventCount, countEvents, settled } from './historyEvents';

export interface RederivationResult {
  lifecycle: string;
  steps: number;
  /** Placing a step dated after every other: applied next. */
  applyOneMs: number;
  /** Reading the whole record again (a step entered out of order, a correction). */
  rederiveMs: number;
}

/**
 * The engine's cost of business time, with no Temporal, on the lifecycle with the most steps: placing one step
 * dated after all the others (applied next, as nearly every step is) against reading the whole record again in
 * business order (what a step entered out of order, or a correction, costs). Both through the record's own checks.
 */
export function rederivationSuite(progress: Progress, iterations: number): RederivationResult {
  progress.begin('engine: one step applied against the record read again');
  const runs = LIFECYCLES.map((l) => ({ l, run: runOnTheDay(l, '2025-03-03') }));
  const { l: lifecycle, run } = runs.sort((a, b) => b.run.decisions.length - a.run.decisions.length)[0]!;
  const last = run.decisions.at(-1)!;
  const before = runOnTheDay({ ...lifecycle, steps: lifecycle.steps.slice(0, lifecycle.steps.lastIndexOf(lifecycle.steps.filter((s) => 'event' in s).at(-1)!)) }, '2025-03-03');
  const now = Date.parse(`${addCalendarDays(run.lastDay, 1)}T12:00:00Z`);
  const first = run.driver.record.view(now).steps![0]!;
  const apply: number[] = [];
  const rederive: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let t = nowMs();
    const placed = before.driver.record.check({ event: last.event, at: last.at, ...last.fields }, actors[last.role], now);
    apply.push(nowMs() - t);
    t = nowMs();
    const reread = run.driver.record.checkCorrection({ step: first.step, action: 'amend', at: first.at, reason: 'bench' }, actors.manager, now);
    rederive.push(nowMs() - t);
    if (!placed.ok || !reread.ok) throw new Error(`bench: the ${lifecycle.name} record refused its own step`);
  }
  const result = { lifecycle: lifecycle.name, steps: run.decisions.length, applyOneMs: median(apply), rederiveMs: median(rederive) };
  progress.done(`${result.lifecycle}, ${result.steps} steps: one step ${result.applyOneMs.toFixed(3)} ms, re-read ${result.rederiveMs.toFixed(3)} ms`);
  return result;
}

/**
 * The lifecycle of the history-events suite entered weeks late: opened 8 weeks ago, each step dated on its day and
 * entered now, one at a time (settled). Windows and the publication that fell due meanwhile happen within the
 * decision that reaches them, so they need no timer of their own.
 */
export async function lateEnteredHistories(env: TestWorkflowEnvironment, side: Side, n: number): Promise<EventCount> {
  const { client } = env;
  const today = londonDateOf(await env.currentTimeMs());
  const opened = addWorkingDays(today, -40);
  const dated = [opened, addWorkingDays(opened, 2), addWorkingDays(opened, 10), addWorkingDays(opened, 12), addWorkingDays(opened, 20)];
  const histories = await Promise.all(
    Array.from({ length: n }, async () => {
      const id = `insp-${randomUUID()}`;
      await startInspection(client, side, id, {}, opened);
      await settled(env, id);
      for (const [k, step] of DECISIONS.entries()) {
        await decide(client, id, step, { at: dated[k] });
        await settled(env, id);
      }
      const handle = client.workflow.getHandle(id);
      while ((await handle.describe()).status.name !== 'COMPLETED') await sleep(5);
      return handle.fetchHistory();
    }),
  );
  return countEvents(histories);
}
