import { Worker } from '@temporalio/worker';
import { addDays, formatISO, isWeekend, parseISO } from 'date-fns';
import { HOLIDAY_COVERAGE, addWorkingDays, bankHolidaysInYear } from '../../calendar';
import { InspectionRecord } from '../../engine';
import { rfcFullInspection2024 } from '../../machines/sccif-rfc/fullInspection';
import type { BenchSizes } from '../options';
import type { Progress } from '../progress';
import { type Bundle, DECISIONS, PROVIDER_ID, actors } from '../sides';
import type { SideLifecycle } from './lifecycle';
import { median, nowMs, sidesForRound } from '../stats';

export interface ReplayResult {
  ours: number[];
  baseline: number[];
}

/** Replays the lifecycle histories recorded earlier, each side with its own bundle, rounds interleaved. */
export async function replaySuite(built: { ours: Bundle; baseline: Bundle }, histories: { ours: SideLifecycle['histories']; baseline: SideLifecycle['histories'] }, sizes: BenchSizes, progress: Progress): Promise<ReplayResult> {
  progress.begin('replay');
  const result: ReplayResult = { ours: [], baseline: [] };
  for (let round = 0; round < sizes.replayRounds; round++) {
    for (const side of sidesForRound(round, 'ours' as const, 'baseline' as const)) {
      const set = Array.from({ length: sizes.replayRepeat }, (_, k) => histories[side].map((h) => ({ workflowId: `${h.workflowId}-${k}`, history: h.history }))).flat();
      const t0 = nowMs();
      let n = 0;
      for await (const r of Worker.runReplayHistories({ workflowBundle: built[side] }, set)) {
        if (r.error) throw new Error(`${side}: replay of ${r.workflowId} failed: ${r.error.message}`);
        n++;
      }
      const perS = n / ((nowMs() - t0) / 1000);
      result[side].push(perS);
      progress.update(`round ${round + 1}/${sizes.replayRounds} ${side}: ${n} histories, ${perS.toFixed(1)}/s`);
    }
  }
  progress.done(`ours ${median(result.ours).toFixed(1)}/s, baseline ${median(result.baseline).toFixed(1)}/s`);
  return result;
}

export interface CalendarResult {
  ours: number[];
  dateFns: number[];
}

/** The plain way: step a day at a time with date-fns, skipping weekends and a Set of holiday dates. */
function makeDateFnsAddWorkingDays() {
  const holidays = new Set<string>();
  for (let y = HOLIDAY_COVERAGE.firstYear; y <= HOLIDAY_COVERAGE.lastYear; y++) for (const h of bankHolidaysInYear(y)) holidays.add(h.date);
  return (date: string, n: number): string => {
    let d = parseISO(date);
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (!isWeekend(d) && !holidays.has(formatISO(d, { representation: 'date' }))) left--;
    }
    return formatISO(d, { representation: 'date' });
  };
}

/** `addWorkingDays(date, n)` on random dates and lengths (1 to 30), ours against date-fns, interleaved. */
export function calendarSuite(sizes: BenchSizes, progress: Progress): CalendarResult {
  progress.begin('working days');
  const dateFnsAdd = makeDateFnsAddWorkingDays();
  let seed = 42;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const inputs = Array.from({ length: 4096 }, () => {
    const day = new Date(Date.UTC(2012, 0, 1) + Math.floor(rand() * 12 * 365) * 86_400_000).toISOString().slice(0, 10);
    return { day, n: 1 + Math.floor(rand() * 30) };
  });
  for (const { day, n } of inputs.slice(0, 200)) {
    if (addWorkingDays(day, n) !== dateFnsAdd(day, n)) throw new Error(`calendar and date-fns disagree on ${day} + ${n}`);
  }
  const result: CalendarResult = { ours: [], dateFns: [] };
  const fns = { ours: addWorkingDays, dateFns: dateFnsAdd };
  let sink = 0;
  for (let round = 0; round < sizes.calendarRounds; round++) {
    for (const side of sidesForRound(round, 'ours' as const, 'dateFns' as const)) {
      const add = fns[side];
      const t0 = nowMs();
      for (let i = 0; i < sizes.calendarOps; i++) {
        const input = inputs[i & 4095]!;
        sink += add(input.day, input.n).length;
      }
      result[side].push(sizes.calendarOps / ((nowMs() - t0) / 1000));
      progress.update(`round ${round + 1}/${sizes.calendarRounds} ${side}: ${(result[side].at(-1)! / 1000).toFixed(0)}k ops/s`);
    }
  }
  if (sink === 0) throw new Error('unreachable');
  progress.done(`ours ${(median(result.ours) / 1000).toFixed(0)}k ops/s, date-fns ${(median(result.dateFns) / 1000).toFixed(0)}k ops/s`);
  return result;
}

export interface EngineResult {
  msPerLifecycle: number;
  viewMs: number;
  decideMs: number;
  checkMs: number;
  viewsPerLifecycle: number;
}

/**
 * The interpreter alone, with no Temporal: what the generic workflow asks of InspectionRecord over one lifecycle
 * (validator `check`, handler `decide`, a `view` per flush), timed per kind of call, to say where its CPU goes.
 */
export function engineSuite(progress: Progress, iterations: number): EngineResult {
  progress.begin('engine (no Temporal)');
  const day = Date.UTC(2025, 2, 3, 12);
  const totals = { view: 0, decide: 0, check: 0, other: 0 };
  let views = 0;
  const t0 = nowMs();
  for (let i = 0; i < iterations; i++) {
    let t = nowMs();
    const record = InspectionRecord.start(rfcFullInspection2024, { inspectionId: `i-${i}`, providerId: PROVIDER_ID, input: {}, actor: actors.manager, now: day });
    totals.other += nowMs() - t;
    const flush = () => {
      record.takeEntries();
      record.takeEffects();
      const tv = nowMs();
      record.view(day);
      totals.view += nowMs() - tv;
      views++;
    };
    flush();
    const steps = [DECISIONS[0]!, DECISIONS[1]!, DECISIONS[2]!];
    for (const step of steps) {
      const decision = { event: step.event, ...step.fields };
      t = nowMs();
      record.check(decision, actors[step.role], day);
      totals.check += nowMs() - t;
      t = nowMs();
      record.decide(decision, actors[step.role], day); // returns a view, as the Update handler does
      totals.decide += nowMs() - t;
      flush();
    }
    t = nowMs();
    record.fireDueClocks(day + 9 * 86_400_000);
    totals.other += nowMs() - t;
    flush();
    const final = { event: 'FINAL_REPORT_SENT' };
    t = nowMs();
    record.check(final, actors.manager, day + 9 * 86_400_000);
    totals.check += nowMs() - t;
    t = nowMs();
    record.decide(final, actors.manager, day + 9 * 86_400_000);
    totals.decide += nowMs() - t;
    flush();
    t = nowMs();
    record.fireDueClocks(day + 20 * 86_400_000);
    totals.other += nowMs() - t;
    flush();
    flush();
  }
  const total = nowMs() - t0;
  const result: EngineResult = {
    msPerLifecycle: total / iterations,
    viewMs: totals.view / views,
    decideMs: totals.decide / (4 * iterations),
    checkMs: totals.check / (4 * iterations),
    viewsPerLifecycle: views / iterations,
  };
  progress.done(`${result.msPerLifecycle.toFixed(2)} ms per lifecycle; view ${result.viewMs.toFixed(3)} ms, decide ${result.decideMs.toFixed(3)} ms, check ${result.checkMs.toFixed(3)} ms`);
  return result;
}
