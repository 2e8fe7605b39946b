import { type AnyMachineSnapshot, type StateValue, initialTransition, transition } from 'xstate';
import type { z } from 'zod';
import { deadline, isIsoDate, isProvisional, startOfLondonDay } from '../calendar';
import type { ClockSpec, InspectionEvent, InspectionTypeDefinition } from '../machines/kit';
import { type OpenClock, clockKey, openClocks } from './clocks';
import { stageOf } from './stage';
import type { assumedStep, timeline, timelineEntry } from './timelineSchema';

/**
 * A timeline preview: every statutory date still to come for one inspection, found by running its own machine
 * forward on a copy of its state (XState's `transition` is pure) with the calendar, assuming each step happens
 * on its due date. No rule is coded here a second time: the clocks, their anchors and what closes them all come
 * from the machine (docs/ARCHITECTURE.md §3 decision 1).
 *
 * How the simulation takes a step, from the earliest running clock:
 * - a `window` or `automatic` clock: its `onExpiry` event is sent on the due date, as the workflow does;
 * - a `target` clock: the step it waits for is taken on the due date (or on `fromDate`, if already overdue).
 *   Which step that is is derived, not declared (the rule, in order):
 *   1. candidates are the events the machine accepts now (guards included, with a plausible minimal payload
 *      built from the event's schema) after which the clock no longer runs;
 *   2. that reopen no clock the simulation has already passed (no step back to an earlier stage);
 *   3. that stop the clock for good: no event accepted in the state they lead to would start it again (so a
 *      pause, whose resumption restarts the clock, is not the step the clock waits for);
 *   4. of those, the one that stops the fewest other running clocks (the step disturbs nothing else: drafting
 *      a report, not cancelling the inspection), then one that leaves the current state, then one after which
 *      more clocks run (the furthest forward), then the first in the type's declaration order.
 *   A target clock that no event closes is recorded and passed over.
 * After the end of the inspection (the type's end date is set), a person's step that no clock closes (QA completed,
 * a report published by hand) would stop the projection early. There the simulation assumes it is taken on the day
 * it becomes possible, and lists it under `assumedSteps`: when no clock runs, or before passing over a target clock
 * that no single step closes. The step is one the machine accepts now that moves to a stage not yet visited, stops
 * no running clock and reopens none already passed; the first in the type's declaration order.
 * It stops when the machine is done, when no clock runs and no step can be assumed (before the end, the next step
 * is a decision without a deadline), or after `maxSteps` steps.
 */
export type TimelineEntry = z.infer<typeof timelineEntry>;
export type TimelineEndReason = Timeline['end']['reason'];
export type Timeline = z.infer<typeof timeline>;
export type AssumedStep = z.infer<typeof assumedStep>;

export const ASSUMED_ON_THE_DAY_POSSIBLE = 'No clock closes this step: assumed taken on the day it becomes possible.';

export type TimelineSource =
  | { definition: InspectionTypeDefinition; snapshot: AnyMachineSnapshot }
  | { definition: InspectionTypeDefinition; stage: string; facts: Record<string, unknown>; done?: boolean }
  | { definition: InspectionTypeDefinition; view(now: number): { stage: string; facts: Record<string, unknown>; done: boolean } };

export interface TimelineOptions {
  /** Bound on simulated steps (default 100): a machine that loops cannot hang the caller. */
  maxSteps?: number;
}

const SIMULATION_ACTOR = { actorId: 'timeline-projection', role: 'system' } as const;

/** The statutory dates still to come for one inspection, from `fromDate` (`YYYY-MM-DD`). Pure. */
export function projectTimeline(source: TimelineSource, fromDate: string, options: TimelineOptions = {}): Timeline {
  assertDate(fromDate, 'fromDate');
  const { definition } = source;
  let snapshot = restoreSnapshot(source, fromDate);
  const maxSteps = options.maxSteps ?? 100;
  const entries: TimelineEntry[] = [];
  const assumedSteps: AssumedStep[] = [];
  const fired = new Set<string>();
  const passed = new Set<string>();
  const visited = new Set<string>([stageOf(snapshot)]);
  let lastDate = fromDate;
  const end = (reason: TimelineEndReason): Timeline => ({
    from: fromDate,
    entries,
    ...(assumedSteps.length > 0 && { assumedSteps }),
    end: { reason, stage: stageOf(snapshot) },
  });
  const take = (event: InspectionEvent, running: OpenClock[]) => {
    snapshot = transition(definition.machine, snapshot, event)[0];
    visited.add(stageOf(snapshot));
    if (event.at > lastDate) lastDate = event.at;
    const still = new Set(openClocks(definition, snapshot).map((c) => c.spec.id));
    for (const c of running) if (!still.has(c.spec.id)) passed.add(c.spec.id);
  };
  /** After the end only: a step no clock closes, taken on the day it becomes possible (the module comment's rule). */
  const assumeStep = (running: OpenClock[]): boolean => {
    if (!inspectionEnded(definition, snapshot)) return false;
    const event = untimedStep(definition, snapshot, lastDate, running, passed, visited);
    if (!event) return false;
    const spec = definition.events[event.type]!;
    assumedSteps.push({ event: event.type, label: spec.label, on: event.at, source: spec.source, assumption: ASSUMED_ON_THE_DAY_POSSIBLE });
    take(event, running);
    return true;
  };

  for (let step = 0; step < maxSteps; step++) {
    if (snapshot.status !== 'active') return end('done');
    const running = openClocks(definition, snapshot);
    const clock = running.filter((c) => !fired.has(clockKey(c))).sort(byDue(definition))[0];
    if (!clock) {
      if (assumeStep(running)) continue;
      return end('no_clock_running');
    }
    const { spec } = clock;
    const overdue = clock.due < fromDate;
    // A window or automatic step is taken by the workflow on its due date even when late; a person's step, today at the earliest.
    const at = spec.kind === 'target' ? maxDate(clock.due, lastDate) : clock.due;
    let event: InspectionEvent | undefined;
    if (spec.kind === 'target') {
      event = closingEvent(definition, snapshot, clock, at, running, passed);
      if (!event && assumeStep(running)) continue; // the clock is looked at again from the stage the step leads to
    } else if (spec.onExpiry) {
      const expiry = simulatedEvent(definition, spec.onExpiry, at, recordedAtFor(clock, at));
      if (snapshot.can(expiry)) event = expiry;
    }
    fired.add(clockKey(clock));
    entries.push({
      clock: spec.id,
      label: spec.label,
      due: clock.due,
      kind: spec.kind,
      rule: spec.rule,
      source: spec.source,
      ...(spec.reading ? { reading: spec.reading } : {}),
      event: event?.type ?? null,
      overdue,
      ...(isProvisional(clock.due) ? { provisional: true as const } : {}),
    });
    if (event) take(event, running);
  }
  return end('step_limit');
}

export interface AfterEndOptions extends TimelineOptions {
  /** The context field that records the end of the inspection (docs/ARCHITECTURE.md §4: the final feedback day). */
  endAnchor?: string;
  /** The machine's start input (default `{}`). */
  input?: Record<string, unknown>;
  /** Bound on the search for the end of the inspection (default 12 events). */
  maxDepth?: number;
}

/**
 * For any type with a report after the inspection: the statutory dates that follow an inspection ending on
 * `endDate`. Starts the machine and takes the shortest path of events, all dated `endDate`, to the first state in
 * which a clock anchored on the end of the inspection runs (breadth first over what `snapshot.can` allows), then
 * projects from there. Every machine records the end, the day of the final feedback, in `feedbackDate`.
 */
export function timelineAfterInspectionEnd(
  definition: InspectionTypeDefinition,
  endDate: string,
  options: AfterEndOptions = {},
): Timeline {
  assertDate(endDate, 'endDate');
  const endAnchor = options.endAnchor ?? 'feedbackDate';
  if (!definition.clocks.some((c) => c.anchor === endAnchor)) {
    throw new NoReportAfterInspectionError(definition.type, endAnchor);
  }
  const [initial] = initialTransition(definition.machine, options.input ?? {});
  const events = candidateEventTypes(definition);
  const ended = (s: AnyMachineSnapshot) =>
    (s.context as Record<string, unknown>)[endAnchor] === endDate && openClocks(definition, s).some((c) => c.spec.anchor === endAnchor);
  const seen = new Set<string>([stageOf(initial)]);
  let frontier = [initial];
  for (let depth = 0; depth <= (options.maxDepth ?? 12) && frontier.length > 0; depth++) {
    const found = frontier.find(ended);
    if (found) return projectTimeline({ definition, snapshot: found }, endDate, options);
    const next: AnyMachineSnapshot[] = [];
    for (const s of frontier) {
      if (s.status !== 'active') continue;
      for (const type of events) {
        const event = simulatedEvent(definition, type, endDate, middayIso(endDate), s);
        if (!s.can(event)) continue;
        const after = transition(definition.machine, s, event)[0];
        const key = stageOf(after);
        if (seen.has(key) && !ended(after)) continue;
        seen.add(key);
        next.push(after);
      }
    }
    frontier = next;
  }
  throw new NoReportAfterInspectionError(definition.type, endAnchor);
}

export class NoReportAfterInspectionError extends Error {
  constructor(type: string, endAnchor: string) {
    super(`inspection type "${type}" has no clock that runs from the end of the inspection (${endAnchor})`);
  }
}

/** A clock started on `anchor` (a machine's, e.g. a compliance notice's follow-up visit), as a timeline entry: its due date and rule. */
export function clockFrom(spec: ClockSpec, anchor: string): TimelineEntry {
  assertDate(anchor, spec.anchor);
  if (spec.unit === 'hours') throw new RangeError(`${spec.id} counts hours: it needs the instant it starts, not a date`);
  const due = deadline(anchor, spec.length, spec.unit);
  return {
    clock: spec.id,
    label: spec.label,
    due,
    kind: spec.kind,
    rule: spec.rule,
    source: spec.source,
    ...(spec.reading ? { reading: spec.reading } : {}),
    event: spec.onExpiry ?? null,
    overdue: false,
    ...(isProvisional(due) ? { provisional: true as const } : {}),
  };
}

/** The state a dotted stage (`a.b,c.d`, as `stageOf` gives it) stands for, e.g. `{ a: 'b', c: 'd' }`. */
export function stateValueOfStage(stage: string): StateValue {
  const paths = stage.split(',').filter(Boolean);
  if (paths.length === 1 && !paths[0]!.includes('.')) return paths[0]!;
  const root: Record<string, unknown> = {};
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length === 1) {
      root[segments[0]!] ??= {};
      continue;
    }
    let node = root;
    for (let i = 0; i < segments.length - 2; i++) node = (node[segments[i]!] ??= {}) as Record<string, unknown>;
    node[segments[segments.length - 2]!] = segments[segments.length - 1]!;
  }
  return root as StateValue;
}

function restoreSnapshot(source: TimelineSource, fromDate: string): AnyMachineSnapshot {
  if ('snapshot' in source) return source.snapshot;
  const { definition } = source;
  const { stage, facts, done } = 'view' in source ? source.view(startOfLondonDay(fromDate)) : source;
  const snapshot = definition.machine.resolveState({ value: stateValueOfStage(stage), context: structuredClone(facts) });
  return done && snapshot.status === 'active' ? { ...snapshot, status: 'done' } as AnyMachineSnapshot : snapshot;
}

/** The decision a running target clock waits for, by the rule in the module comment; undefined if none. */
function closingEvent(
  definition: InspectionTypeDefinition,
  snapshot: AnyMachineSnapshot,
  clock: OpenClock,
  at: string,
  running: OpenClock[],
  passed: ReadonlySet<string>,
): InspectionEvent | undefined {
  const id = clock.spec.id;
  const runningIds = new Set(running.map((c) => c.spec.id));
  const stage = stageOf(snapshot);
  const recordedAt = recordedAtFor(clock, at);
  const candidates = candidateEventTypes(definition).flatMap((type, order) => {
    const event = simulatedEvent(definition, type, at, recordedAt, snapshot);
    if (!snapshot.can(event)) return [];
    const after = transition(definition.machine, snapshot, event)[0];
    const afterIds = new Set(openClocks(definition, after).map((c) => c.spec.id));
    if (afterIds.has(id)) return [];
    if ([...afterIds].some((other) => passed.has(other) && !runningIds.has(other))) return [];
    if (restartsClock(definition, after, id, at, recordedAt)) return [];
    const othersStopped = [...runningIds].filter((other) => other !== id && !afterIds.has(other)).length;
    return [{ event, othersStopped, stays: stageOf(after) === stage ? 1 : 0, clocksAfter: afterIds.size, order }];
  });
  candidates.sort(
    (a, b) => a.othersStopped - b.othersStopped || a.stays - b.stays || b.clocksAfter - a.clocksAfter || a.order - b.order,
  );
  return candidates[0]?.event;
}

function inspectionEnded(definition: InspectionTypeDefinition, snapshot: AnyMachineSnapshot): boolean {
  const field = definition.endDateField;
  return field !== undefined && typeof (snapshot.context as Record<string, unknown>)[field] === 'string';
}

/** A person's step, with no clock of its own, that moves the inspection on without disturbing any clock; on `on`. */
function untimedStep(
  definition: InspectionTypeDefinition,
  snapshot: AnyMachineSnapshot,
  on: string,
  running: OpenClock[],
  passed: ReadonlySet<string>,
  visited: ReadonlySet<string>,
): InspectionEvent | undefined {
  const expiries = new Set(definition.clocks.flatMap((c) => (c.onExpiry ? [c.onExpiry] : [])));
  const runningIds = running.map((c) => c.spec.id);
  for (const type of Object.keys(definition.events).filter((t) => !expiries.has(t))) {
    const event = simulatedEvent(definition, type, on, middayIso(on), snapshot);
    if (!snapshot.can(event)) continue;
    const after = transition(definition.machine, snapshot, event)[0];
    if (visited.has(stageOf(after))) continue;
    const afterIds = new Set(openClocks(definition, after).map((c) => c.spec.id));
    if (runningIds.some((id) => !afterIds.has(id))) continue;
    if ([...afterIds].some((id) => passed.has(id) && !runningIds.includes(id))) continue;
    return event;
  }
  return undefined;
}

function restartsClock(definition: InspectionTypeDefinition, snapshot: AnyMachineSnapshot, id: string, at: string, recordedAt: string): boolean {
  if (snapshot.status !== 'active') return false;
  return candidateEventTypes(definition).some((type) => {
    const event = simulatedEvent(definition, type, at, recordedAt, snapshot);
    if (!snapshot.can(event)) return false;
    return openClocks(definition, transition(definition.machine, snapshot, event)[0]).some((c) => c.spec.id === id);
  });
}

/** People's decisions first, in declaration order, then the events clocks send when they run out. */
function candidateEventTypes(definition: InspectionTypeDefinition): string[] {
  const expiries = definition.clocks.flatMap((c) => (c.onExpiry ? [c.onExpiry] : []));
  return [...new Set([...Object.keys(definition.events), ...expiries])];
}

/**
 * A simulated step of `type`: its minimal payload, or, where that breaks a rule of the event in the state it is sent in
 * (a separate inspection that takes one section of judgements, a joint one both), the payload with every field given.
 */
function simulatedEvent(definition: InspectionTypeDefinition, type: string, at: string, recordedAt: string, snapshot?: AnyMachineSnapshot): InspectionEvent {
  const spec = definition.events[type];
  const event = (withOptional: boolean): InspectionEvent => {
    const fields = spec ? (simulatedValue(spec.schema, at, withOptional) as Record<string, unknown>) : {};
    return { ...fields, type, at, occurredAt: recordedAt, recordedAt, ...SIMULATION_ACTOR };
  };
  const minimal = event(false);
  if (!snapshot || !spec?.breaks?.(snapshot.context as Record<string, unknown>, minimal)) return minimal;
  return event(true);
}

/**
 * A plausible minimal value for a schema, built generically: required fields only (every field with `withOptional`), the second option of an enum
 * (on every grade scale, the second best: "good"), the smallest number allowed, the event's date for a string that
 * takes a date, else a placeholder. The machines only assign from event fields, so this is enough to take a step.
 */
export function simulatedValue(schema: z.ZodType, at: string, withOptional = false): unknown {
  const def = (schema as unknown as { _zod: { def: { type: string } } })._zod.def;
  const s = schema as unknown as Record<string, unknown>;
  switch (def.type) {
    case 'object': {
      const shape = s.shape as Record<string, z.ZodType>;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape)) {
        const fieldType = (field as unknown as { _zod: { def: { type: string } } })._zod.def.type;
        if ((fieldType === 'optional' && !withOptional) || key === 'at') continue;
        out[key] = simulatedValue(field, at, withOptional);
      }
      return out;
    }
    case 'enum': {
      const options = s.options as unknown[];
      return options[1] ?? options[0];
    }
    case 'string':
      return [at, 'simulated'].find((v) => schema.safeParse(v).success) ?? 'simulated';
    case 'number': {
      const min = s.minValue as number | null;
      return typeof min === 'number' && Number.isFinite(min) ? min : 1;
    }
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'literal':
      return (def as unknown as { values: unknown[] }).values[0];
    case 'nullable':
      return null;
    case 'default':
    case 'optional':
    case 'pipe':
    case 'readonly': {
      const inner = (def as unknown as { innerType?: z.ZodType; in?: z.ZodType }).innerType ?? (def as unknown as { in: z.ZodType }).in;
      return simulatedValue(inner, at, withOptional);
    }
    default:
      return undefined;
  }
}

function recordedAtFor(clock: OpenClock, at: string): string {
  return clock.spec.unit === 'hours' && clock.due === at ? new Date(clock.dueAt).toISOString() : middayIso(at);
}

const middayIso = (date: string) => new Date(startOfLondonDay(date) + 12 * 3_600_000).toISOString();
const maxDate = (a: string, b: string) => (a > b ? a : b);

const byDue = (definition: InspectionTypeDefinition) => (a: OpenClock, b: OpenClock) =>
  a.dueAt - b.dueAt || definition.clocks.indexOf(a.spec) - definition.clocks.indexOf(b.spec);

function assertDate(value: string, name: string): void {
  if (!isIsoDate(value)) throw new RangeError(`${name}: expected a real date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
}
