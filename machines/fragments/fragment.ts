import type { ClockSpec, EffectSpec, EventSpec } from '../kit';

/**
 * A state node as a fragment writes it: plain XState config. State keys are unique across a machine built from
 * fragments, so any fragment targets a state as `to('key')` (`#key`) without knowing where it sits or what the
 * machine is called; defineInspection turns these into full paths.
 */
export interface StateConfig {
  meta?: { status: string };
  initial?: string;
  type?: 'final' | 'parallel';
  entry?: unknown;
  always?: unknown;
  on?: Record<string, unknown>;
  states?: Record<string, StateConfig>;
}

/** A reusable piece of a lifecycle: the states (or transitions into other fragments' states) and what they declare. */
export interface Fragment {
  context?: Record<string, unknown>;
  states?: Record<string, StateConfig>;
  events?: Record<string, EventSpec>;
  clocks?: readonly ClockSpec[];
  effects?: Record<string, EffectSpec>;
}

export interface MergedFragments {
  context: Record<string, unknown>;
  states: Record<string, StateConfig>;
  events: Record<string, EventSpec>;
  clocks: ClockSpec[];
  effects: Record<string, EffectSpec>;
}

/**
 * Merges fragments into one definition's parts. Two fragments may both write the same state: their transitions
 * are joined (so a fragment can add a decision to a state another fragment declares), but the same event, clock,
 * context field or transition declared twice is an error: it would mean two rules for one thing.
 */
export function mergeFragments(...fragments: readonly Fragment[]): MergedFragments {
  const merged: MergedFragments = { context: {}, states: {}, events: {}, clocks: [], effects: {} };
  for (const f of fragments) {
    addOnce(merged.context, f.context ?? {}, 'context field');
    addOnce(merged.events, f.events ?? {}, 'event');
    addOnce(merged.effects, f.effects ?? {}, 'effect');
    for (const clock of f.clocks ?? []) {
      if (merged.clocks.some((c) => c.id === clock.id)) throw new Error(`clock "${clock.id}" declared twice`);
      merged.clocks.push(clock);
    }
    mergeStates(merged.states, f.states ?? {}, '');
  }
  return merged;
}

function addOnce<T>(into: Record<string, T>, from: Record<string, T>, what: string) {
  for (const [key, value] of Object.entries(from)) {
    // The same effect may be asked for by two fragments; anything else declared twice is a conflict.
    if (key in into && !(what === 'effect' && into[key] === value)) throw new Error(`${what} "${key}" declared twice`);
    into[key] = value;
  }
}

function mergeStates(into: Record<string, StateConfig>, from: Record<string, StateConfig>, path: string) {
  for (const [key, state] of Object.entries(from)) {
    const at = path ? `${path}.${key}` : key;
    const existing = into[key];
    if (!existing) {
      into[key] = { ...state, on: { ...state.on }, states: state.states ? cloneStates(state.states) : undefined };
      if (!state.states) delete into[key]!.states;
      continue;
    }
    for (const field of ['meta', 'initial', 'type', 'entry', 'always'] as const) {
      if (state[field] === undefined) continue;
      if (existing[field] !== undefined && JSON.stringify(existing[field]) !== JSON.stringify(state[field]))
        throw new Error(`state "${at}": ${field} set twice`);
      (existing as Record<string, unknown>)[field] = state[field];
    }
    existing.on ??= {};
    for (const [event, transition] of Object.entries(state.on ?? {})) {
      if (event in existing.on) throw new Error(`state "${at}": transition on ${event} declared twice`);
      existing.on[event] = transition;
    }
    if (state.states) mergeStates((existing.states ??= {}), state.states, at);
  }
}

function cloneStates(states: Record<string, StateConfig>): Record<string, StateConfig> {
  const out: Record<string, StateConfig> = {};
  mergeStates(out, states, '');
  return out;
}

/** A state inside the skeleton's nesting (`onSite.fieldwork`), written as the nested config a fragment returns. */
export function stateAt(path: string, config: StateConfig): Record<string, StateConfig> {
  const keys = path.split('.');
  const last = keys.pop()!;
  return keys.reduceRight<Record<string, StateConfig>>((inner, key) => ({ [key]: { states: inner } }), { [last]: config });
}

/** A target by state key (see StateConfig). */
export const to = (id: string) => `#${id}`;
