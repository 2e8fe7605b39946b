import { defineQuery } from '@temporalio/workflow';
import type { CalendarVersion } from '../calendar';
import type { Actor } from '../machines/kit';

/**
 * The calendar batch workflow's messages (workflows/calendarBatchWorkflow.ts), in a module clients import without
 * pulling in workflow code.
 */
export const CALENDAR_BATCH_WORKFLOW = 'calendarBatchWorkflow';

/** A running workflow a calendar change reaches: an inspection, or a centre's cycle. */
export interface CalendarTarget {
  workflowId: string;
  kind: 'inspection' | 'centre';
}

export interface CalendarBatchInput {
  batchId: string;
  calendar: CalendarVersion;
  actor: Actor;
  /** Those still to move; a run that continues as new carries the rest. */
  targets: CalendarTarget[];
  /** What earlier runs of the batch did (absent on its first run). */
  progress?: CalendarBatchProgress;
}

export interface CalendarBatchProgress {
  total: number;
  /** Moved to the new version with at least one deadline moving. */
  moved: number;
  /** Moved to the new version with no deadline moving (none spans the day). */
  unchanged: number;
  /** Found on it already (a retried Update, applied once), or ended since. */
  alreadyMoved: number;
  ended: number;
  refused: number;
  /** Deadlines moved, over every inspection. */
  deadlinesMoved: number;
  /** The refusals, each with its reason (the first 1,000; `refused` counts them all). */
  refusals: { workflowId: string; code: string; message: string }[];
}

export interface CalendarBatchState extends CalendarBatchProgress {
  batchId: string;
  version: string;
  by: string;
  remaining: number;
  status: 'running' | 'completed';
}

/** One workflow's outcome, from the calendar activity. */
export type CalendarOutcome =
  | { outcome: 'moved'; deadlines: number }
  | { outcome: 'unchanged' | 'already_moved' | 'ended' }
  | { outcome: 'refused'; code: string; message: string };

export const calendarBatchStateQuery = defineQuery<CalendarBatchState>('calendarBatchState');
