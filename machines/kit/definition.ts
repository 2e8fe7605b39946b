import type { z } from 'zod';
import type { AnyStateMachine } from 'xstate';
import type { InspectionEvent } from './events';
import type { Role } from './roles';

/** A decision or fact a person may send, with who may send it and where the rule comes from. */
export interface EventSpec {
  label: string;
  roles: readonly Role[];
  schema: z.ZodObject;
  source: string;
  /** The reading chosen where the seed is unclear or silent, with its reason (served with the catalogue). */
  reading?: string;
  /**
   * A rule that depends on what was recorded before (e.g. how long the manager post has been vacant when the
   * judgements are given): the reason the event breaks it, or null. The machine's guard for the event calls the
   * same function, so the refusal the caller sees names the rule instead of a bare "not allowed".
   */
  breaks?: (context: Record<string, unknown>, event: InspectionEvent) => string | null;
  /**
   * The clock this event acts on once it is overdue (e.g. escalating an overdue action plan): the event is offered and
   * taken only while that clock runs and its business date is after the clock's due date.
   */
  whenOverdue?: string;
  /** Who may correct or withdraw a recorded step of this kind (default: a manager). */
  correctableBy?: readonly Role[];
}

/** Day-based units count from a date (`YYYY-MM-DD`) anchor; `hours` counts clock hours from an instant anchor. */
export type ClockUnit = 'workingDays' | 'calendarDays' | 'months' | 'years' | 'hours';

/**
 * A statutory clock, declared as data (docs/ARCHITECTURE.md §3 decision 2). While the machine is in one of `runsIn`,
 * the clock is due at the end of (context[anchor] + length unit + the working days held in each
 * `extendedBy` field). What happens when it runs out depends on `kind`:
 * - `target`: Ofsted's own "normally within": a breach is audited, the inspection does not move;
 * - `window`: a window given to someone else closes by itself: `onExpiry` is sent to the machine;
 * - `automatic`: the step happens by itself on the due date: `onExpiry` is sent to the machine.
 */
export interface ClockSpec {
  id: string;
  label: string;
  runsIn: readonly string[];
  anchor: string;
  length: number;
  unit: ClockUnit;
  extendedBy?: readonly string[];
  kind: 'target' | 'window' | 'automatic';
  onExpiry?: string;
  rule: string;
  source: string;
  /** The reading chosen where the seed is unclear, with its reason. */
  reading?: string;
}

/** The migration path from earlier revisions, declared beside the newer one. */
export interface MigrationPath {
  /** The machine revisions an inspection may be migrated from. */
  revisions: readonly number[];
  /** What changes for an inspection migrated, in a sentence (shown in the dry run). */
  note: string;
  input?: (input: Record<string, unknown>) => Record<string, unknown>;
}

/** Side effects a machine asks for by naming an action; the workflow runs each as an activity. */
export interface EffectSpec {
  label: string;
  source: string;
  /**
   * Set when the effect starts other tracked items (e.g. one requirement workflow per requirement made at feedback):
   * the workflow starts each as a child, from the effect's params, instead of running an activity. `key` is unique
   * within the parent and names the child (so a retry never starts it twice).
   */
  starts?: (params: Record<string, unknown>) => ReadonlyArray<{ key: string; type: string; input: Record<string, unknown> }>;
}

/**
 * One registered machine: a revision of a framework version of an inspection type. A framework version is the law,
 * in force from the date its seed states; a machine revision is our code getting better at that law. A new
 * inspection runs the framework version in force on its start date, at its latest revision; a running one keeps
 * its revision until it is migrated (docs/CHANGING_MACHINES.md). A registered revision never changes: its golden
 * file (test/machines/goldens/) holds it.
 */
export interface InspectionTypeDefinition {
  type: string;
  /** The framework version: one per in-force date the seeds state for this type. */
  version: number;
  /** The machine revision within the framework version, from 1. */
  machineRevision: number;
  /** What this revision changed from the one before it (absent on revision 1). */
  revisionNote?: string;
  title: string;
  framework: string;
  /** The date the framework version comes into force, as its seed states: the same for each of its revisions. */
  inForceFrom: string;
  machine: AnyStateMachine;
  /** What starting one takes, besides its type and provider (strict: unknown fields are refused). */
  inputSchema: z.ZodObject;
  events: Readonly<Record<string, EventSpec>>;
  clocks: readonly ClockSpec[];
  effects: Readonly<Record<string, EffectSpec>>;
  /** Context field holding the outcome grade, when there is one. */
  gradeField?: string;
  /** Context field holding the end of the inspection (the date later cycles count from), when there is one. */
  endDateField?: string;
  /**
   * How a running inspection moves here from an earlier revision of the same framework version (a governed
   * migration, docs/CHANGING_MACHINES.md): its recorded steps are read again through this machine, so states that
   * match need no map; `input` turns the old start input into this revision's, where they differ.
   */
  migratesFrom?: MigrationPath;
  /**
   * Set on a placeholder: the seed only links the handbook (EY, SIH, JTAI), so the type is the common skeleton of its
   * seed, with none of the handbook's own rules. The catalogue shows it; absent on every other type.
   */
  skeletonOnly?: true;
}
