import { type AnyStateMachine, setup } from 'xstate';
import type { z } from 'zod';
import type { InspectionEvent, InspectionTypeDefinition } from '../kit';
import { type Fragment, mergeFragments } from './fragment';
import type { FragmentContext } from './update';

export interface FragmentTypeSpec {
  type: string;
  version: number;
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
    states: parts.states as never,
  });
  return {
    type: spec.type,
    version: spec.version,
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
  };
}

function stripUndefined(input: FragmentContext): FragmentContext {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}
