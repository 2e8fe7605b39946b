import { randomUUID } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Progress } from '../progress';
import { DECISIONS, type Side, decide, startInspection } from '../sides';
import { inspectionStateQuery } from '../../workflows/messages';
import type { InspectionView } from '../../engine';
import { sleep, sum } from '../stats';

type History = temporal.api.history.v1.IHistory;
const EventType = temporal.api.enums.v1.EventType;

export interface EventCount {
  eventsPerInspection: number;
  eventBreakdown: Record<string, number>;
}

/** Events per history, on average, and by event type. */
export function countEvents(histories: readonly History[]): EventCount {
  const breakdown: Record<string, number> = {};
  for (const history of histories) {
    for (const e of history.events ?? []) {
      const name = eventTypeName(e.eventType);
      breakdown[name] = (breakdown[name] ?? 0) + 1;
    }
  }
  const total = sum(Object.values(breakdown));
  for (const k of Object.keys(breakdown)) breakdown[k] = breakdown[k]! / histories.length;
  return { eventsPerInspection: total / histories.length, eventBreakdown: breakdown };
}

function eventTypeName(type: temporal.api.enums.v1.EventType | null | undefined): string {
  const name = EventType[type ?? 0] ?? String(type);
  return name.replace(/^EVENT_TYPE_/, '');
}

/**
 * The lifecycle of the lifecycle suite, one step at a time: each decision is sent only once the workflow has
 * settled after the previous one (its activities done, its last workflow task completed). In the timed runs a
 * decision may arrive while a write is still running, which merges or splits workflow tasks by chance (±0.3 tasks
 * per inspection between runs); here the count depends only on what each workflow does.
 */
export async function settledHistories(env: TestWorkflowEnvironment, side: Side, n: number): Promise<History[]> {
  const { client } = env;
  const ids = Array.from({ length: n }, () => `insp-${randomUUID()}`);
  const windows = await Promise.all(
    ids.map(async (id) => {
      await startInspection(client, side, id);
      await settled(env, id);
      let view: InspectionView | undefined;
      for (const step of DECISIONS.slice(0, 3)) {
        view = await decide(client, id, step);
        await settled(env, id);
      }
      return dueAt(view!, 'commentWindow');
    }),
  );
  await skipPast(env, Math.max(...windows));
  const publications = await Promise.all(
    ids.map(async (id) => {
      while ((await client.workflow.getHandle(id).query(inspectionStateQuery)).status !== 'finalising_report') await sleep(5);
      await settled(env, id);
      const view = await decide(client, id, DECISIONS[4]!);
      await settled(env, id);
      return dueAt(view, 'publication');
    }),
  );
  await skipPast(env, Math.max(...publications));
  return Promise.all(
    ids.map(async (id) => {
      const handle = client.workflow.getHandle(id);
      while ((await handle.describe()).status.name !== 'COMPLETED') await sleep(5);
      return handle.fetchHistory();
    }),
  );
}

export async function historyEventsSuite(env: TestWorkflowEnvironment, sides: { ours: Side; baseline: Side }, n: number, progress: Progress) {
  progress.begin(`history events (${n} inspections a side, each step settled)`);
  const ours = countEvents(await settledHistories(env, sides.ours, n));
  const baseline = countEvents(await settledHistories(env, sides.baseline, n));
  const ratio = ours.eventsPerInspection / baseline.eventsPerInspection;
  progress.done(`ours ${ours.eventsPerInspection.toFixed(1)} vs baseline ${baseline.eventsPerInspection.toFixed(1)}: ${ratio.toFixed(3)}`);
  return { ours, baseline, ratio };
}

/** Waits until every activity the workflow scheduled has finished and its last workflow task has completed. */
export async function settled(env: TestWorkflowEnvironment, id: string): Promise<void> {
  for (;;) {
    const events = (await env.client.workflow.getHandle(id).fetchHistory()).events ?? [];
    let openActivities = 0;
    let lastTask: temporal.api.enums.v1.EventType | undefined;
    for (const { eventType } of events) {
      if (eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) openActivities++;
      if (eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) openActivities--;
      if (eventType !== undefined && eventType !== null && EventType[eventType]?.startsWith('EVENT_TYPE_WORKFLOW_TASK_')) lastTask = eventType;
    }
    if (openActivities === 0 && lastTask === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) return;
    await sleep(5);
  }
}

export function dueAt(view: InspectionView, clock: string): number {
  const deadline = view.deadlines.find((d) => d.clock === clock);
  if (!deadline) throw new Error(`no ${clock} clock in ${view.status}`);
  return Date.parse(deadline.dueAt);
}

/** Moves the server's clock just past an instant (working-day clocks stretch over bank holidays). */
export async function skipPast(env: TestWorkflowEnvironment, instant: number): Promise<void> {
  const now = await env.currentTimeMs();
  await env.sleep(Math.max(1, instant - now + 60_000));
}
