import { type AnyStateMachine, setup } from 'xstate';
import type { z } from 'zod';
import type { InspectionEvent, InspectionTypeDefinition, MigrationPath } from '../kit';
import { type Fragment, type StateConfig, mergeFragments } from './fragment';
import type { FragmentContext } from './update';

export interface FragmentTypeSpec {
  type: string;
  version: number;
  /** The machine revision (default 1) and, from 2 on, what it changed. */
  machineRevision?: number;
  revisionNote?: string;
  migratesFrom?: MigrationPath;
  title: string;
  framework: string;
  inForceFrom: string;
  /** The XState machine id. */
  id: string;
  /** What starting one takes; its fields are copied into the context (strict: unknown fields refused by the API). */
  inputSchema: z.ZodObject;
  /** Context defaults for the input fields, used when an input field is left out. */
  inputDefaults?: FragmentContext;
  /** The lifecycle, in order: the skeleton's fragments plus the type's own. */
  fragments: readonly Fragment[];
  gradeField?: string;
  endDateField?: string;
  /** A placeholder for a handbook the seed only links (see InspectionTypeDefinition.skeletonOnly). */
  skeletonOnly?: true;
}

/**
 * An inspection type built from fragments: merges them, builds the machine (initial state `scheduled`) and returns
 * the definition the registry, the engine and the generic workflow run.
 */
export function defineInspection(spec: FragmentTypeSpec): InspectionTypeDefinition {
  const parts = mergeFragments(...spec.fragments);
  const machine = setup({
    types: { context: {} as FragmentContext, events: {} as InspectionEvent, input: {} as FragmentContext | undefined },
    // Effects are named actions the engine hands to the workflow; here they do nothing (the machine stays pure).
    actions: Object.fromEntries(Object.keys(parts.effects).map((name) => [name, () => {}])),
  }).createMachine({
    id: spec.id,
    context: ({ input }) => ({ ...parts.context, ...spec.inputDefaults, ...stripUndefined(input ?? {}) }),
    initial: 'scheduled',
    states: withMachineTargets(spec.id, parts.states) as never,
  });
  return {
    type: spec.type,
    version: spec.version,
    machineRevision: spec.machineRevision ?? 1,
    ...(spec.revisionNote && { revisionNote: spec.revisionNote }),
    ...(spec.migratesFrom && { migratesFrom: spec.migratesFrom }),
    title: spec.title,
    framework: spec.framework,
    inForceFrom: spec.inForceFrom,
    machine: machine as unknown as AnyStateMachine,
    inputSchema: spec.inputSchema,
    events: parts.events,
    clocks: parts.clocks,
    effects: parts.effects,
    ...(spec.gradeField && { gradeField: spec.gradeField }),
    ...(spec.endDateField && { endDateField: spec.endDateField }),
    ...(spec.skeletonOnly && { skeletonOnly: spec.skeletonOnly }),
  };
}

function stripUndefined(input: FragmentContext): FragmentContext {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

/**
 * Fragments target states by their key (`#fieldwork`, see StateConfig). The engine reads statuses by XState's default
 * ids (`machine.onSite.fieldwork`), so the keys are turned into full paths here and no custom id is left. Exported for a
 * machine version built from an older one's config with fragments added (sccif-rfc-full v3): targets already written
 * as full paths (`#machine.onSite.fieldwork`) are left as they are.
 */
export function withMachineTargets(machineId: string, states: Record<string, StateConfig>): Record<string, StateConfig> {
  const paths = new Map<string, string>();
  const collect = (nodes: Record<string, StateConfig>, prefix: string) => {
    for (const [key, node] of Object.entries(nodes)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (paths.has(key)) throw new Error(`state key "${key}" used twice (${paths.get(key)} and ${path}): targets would be ambiguous`);
      paths.set(key, path);
      if (node.states) collect(node.states, path);
    }
  };
  collect(states, '');
  const target = (t: string) => {
    if (!t.startsWith('#') || t.startsWith(`#${machineId}.`)) return t;
    const path = paths.get(t.slice(1));
    if (!path) throw new Error(`target ${t}: no such state`);
    return `#${machineId}.${path}`;
  };
  const transition = (t: unknown): unknown => {
    if (typeof t === 'string') return target(t);
    if (Array.isArray(t)) return t.map(transition);
    if (t && typeof t === 'object' && typeof (t as { target?: unknown }).target === 'string') return { ...t, target: target((t as { target: string }).target) };
    return t;
  };
  const rewrite = (nodes: Record<string, StateConfig>): Record<string, StateConfig> =>
    Object.fromEntries(
      Object.entries(nodes).map(([key, { on, always, states: children, ...rest }]) => [
        key,
        {
          ...rest,
          ...(on && { on: Object.fromEntries(Object.entries(on).map(([event, t]) => [event, transition(t)])) }),
          ...(always !== undefined && { always: transition(always) }),
          ...(children && { states: rewrite(children) }),
        },
      ]),
    );
  return rewrite(states);
}
