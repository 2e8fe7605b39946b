import { z } from 'zod';
import type { AnyStateMachine } from 'xstate';
import { type ReadingSettings, chosenReading } from '../machines/readings';
import { INSPECTION_TYPES, isLatestRevision } from '../machines/registry';
import { type InspectionTypeDefinition, clockCounts } from '../machines/kit';

/**
 * The machine's structure as data, for drawing it: every state node (flat, parents before children, each
 * naming its children by path) and every transition. Paths are dotted from the root (`reporting.commentWindow`,
 * the root itself is `''`), the same paths an inspection's `stage` lists, so a picture can highlight them.
 */
export const chartState = z.object({
  id: z.string().describe('XState id, e.g. `machine.reporting.commentWindow`'),
  path: z.string().describe("dotted path from the root; the root is ''"),
  key: z.string(),
  parent: z.string().nullable().describe('path of the parent; null for the root'),
  type: z.enum(['atomic', 'compound', 'parallel', 'final', 'history']),
  initial: z.string().nullable().describe('path of the initial child of a compound state'),
  children: z.array(z.string()).describe('paths of the child states, in declaration order'),
  status: z.string().nullable().describe("the public status in the state's meta"),
});

export const chartTransition = z.object({
  source: z.string().describe('path of the state that handles the event'),
  event: z.string().nullable().describe('null for an eventless (always) transition'),
  targets: z.array(z.string()).describe('paths entered; empty for a transition that stays (actions only)'),
  guard: z.string().nullable(),
});

export const machineChart = z.object({ id: z.string(), states: z.array(chartState), transitions: z.array(chartTransition) });
export type MachineChart = z.infer<typeof machineChart>;

interface NodeLike {
  id: string;
  key: string;
  path: string[];
  type: z.infer<typeof chartState>['type'];
  states: Record<string, NodeLike>;
  meta?: { status?: unknown };
  initial?: { target?: readonly NodeLike[] };
  transitions: Map<string, readonly TransitionLike[]>;
  always?: readonly TransitionLike[];
}
interface TransitionLike {
  target?: readonly NodeLike[];
  guard?: unknown;
}

/** Walks `machine.root`, so the picture is the machine itself, never a second description of it. */
export function chartOf(machine: AnyStateMachine): MachineChart {
  const states: MachineChart['states'] = [];
  const transitions: MachineChart['transitions'] = [];
  const pathOf = (node: NodeLike) => node.path.join('.');
  const edge = (source: NodeLike, event: string | null, t: TransitionLike) =>
    transitions.push({ source: pathOf(source), event, targets: (t.target ?? []).map(pathOf), guard: guardName(t.guard) });
  const walk = (node: NodeLike, parent: string | null) => {
    const children = Object.values(node.states);
    const status = node.meta?.status;
    states.push({
      id: node.id,
      path: pathOf(node),
      key: node.key,
      parent,
      type: node.type,
      initial: node.type === 'compound' && node.initial?.target?.[0] ? pathOf(node.initial.target[0]) : null,
      children: children.map(pathOf),
      status: typeof status === 'string' ? status : null,
    });
    for (const [event, list] of node.transitions) for (const t of list) edge(node, event, t);
    for (const t of node.always ?? []) edge(node, null, t);
    for (const child of children) walk(child, pathOf(node));
  };
  walk(machine.root as unknown as NodeLike, null);
  return { id: machine.id, states, transitions };
}

function guardName(guard: unknown): string | null {
  if (!guard) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return guard.name || 'guard';
  const type = (guard as { type?: unknown }).type;
  return typeof type === 'string' ? type : 'guard';
}

/** The type catalogue: every inspection type with its clocks, decisions and sources, as the machines declare them. */
export function describeType(definition: InspectionTypeDefinition) {
  return {
    type: definition.type,
    version: definition.version,
    machineRevision: definition.machineRevision,
    revisionNote: definition.revisionNote ?? null,
    /** Whether new inspections of this framework version start on this revision (the latest). */
    latestRevision: isLatestRevision(definition),
    title: definition.title,
    framework: definition.framework,
    inForceFrom: definition.inForceFrom,
    ...(definition.skeletonOnly && { skeletonOnly: true, note: 'handbook only linked on the seed page: the common skeleton, none of its own rules' }),
    input: z.toJSONSchema(definition.inputSchema, { unrepresentable: 'any' }),
    clocks: definition.clocks.map(({ id, label, runsIn, anchor, length, unit, extendedBy, kind, onExpiry, rule, source, reading }) => ({
      id, label, runsIn, anchor, length, unit, extendedBy: extendedBy ?? [], counts: clockCounts({ length, unit, anchor, extendedBy }), kind, onExpiry: onExpiry ?? null, rule, source, reading: reading ?? null,
    })),
    decisions: Object.entries(definition.events).map(([event, spec]) => ({
      event,
      label: spec.label,
      roles: spec.roles,
      source: spec.source,
      reading: spec.reading ?? null,
      payload: z.toJSONSchema(spec.schema, { unrepresentable: 'any' }),
    })),
    effects: Object.entries(definition.effects).map(([effect, { label, source, starts }]) => ({ effect, label, source, startsTrackedItems: starts !== undefined })),
    chart: chartOf(definition.machine),
  };
}

/**
 * The catalogue as served: each type as `describeType` gives it, and each clock marked as a rule the seed states or a
 * reading we chose (with what was chosen, why in its `reading`, and the value an operator has set, if any).
 */
export function catalogue(readings: ReadingSettings = {}) {
  return INSPECTION_TYPES.map((definition) => {
    const described = describeType(definition);
    return {
      ...described,
      clocks: described.clocks.map((clock) => {
        const chosen = chosenReading(definition.type, clock.id);
        if (!chosen) return { ...clock, basis: 'rule' as const };
        return { ...clock, basis: 'reading' as const, chose: chosen.chose, configured: readings[`${definition.type}/${clock.id}`] ?? null };
      }),
    };
  });
}
