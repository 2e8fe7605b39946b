import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CalendarVersion } from '../calendar';
import type { CalendarChangePreview, Correction, Decision, DecisionRefusal, EngineRevision, InspectionView, MigrationPreview } from '../engine';
import type { TypeReadings } from '../machines/readings';
import type { Actor } from '../machines/kit';

/**
 * The inspection workflow's messages, in a module clients import without pulling in workflow code
 * (docs/ARCHITECTURE.md §5). Names carry their kind.
 */
export interface StartInspectionInput {
  inspectionId: string;
  type: string;
  /** The framework version. */
  version: number;
  /** The machine revision of it; absent in starts recorded before revisions were counted apart (registry.definitionOf). */
  machineRevision?: number;
  providerId: string | null;
  /** The machine's input, e.g. `{ scheduledFor }`. */
  input: Record<string, unknown>;
  createdBy: Actor;
  /** How its record is read (engine/fold.ts). Absent in inspections started before business time: revision 1. */
  engineRevision?: EngineRevision;
  /** The business date it was opened (default: the day it started); no step is dated before it. */
  openedOn?: string;
  /** Why it was started when it was (a centre's window and its rule), for its audit trail. */
  scheduledBy?: { opens: string; dueBy: string; rule: string; source: string; reading?: string };
  /** The readings an operator set for its type when it started (machines/readings.ts), by clock id; kept for its life. */
  readings?: TypeReadings;
  /** The calendar version its working days are counted with, where changes were published (absent: the shipped list). */
  calendar?: CalendarVersion;
}

export interface RecordDecisionInput {
  decision: Decision;
  actor: Actor;
}

export interface RecordCorrectionInput {
  correction: Correction;
  actor: Actor;
}

export interface ConfirmMissedInput {
  clock: string;
  reason: string;
  actor: Actor;
}

/** Moves a running inspection to another machine revision of its framework version (engine/migration.ts). */
export interface MigrateInput {
  toRevision: number;
  reason: string;
  actor: Actor;
}

/** A migration's dry run: what it would change, or why it cannot be made. */
export type MigrationCheckView = { ok: true; preview: MigrationPreview } | ({ ok: false } & DecisionRefusal);

/** Moves a running inspection or cycle to a later calendar version (calendar/holidayCalendar.ts). */
export interface ChangeCalendarInput {
  calendar: CalendarVersion;
  actor: Actor;
}

/** A calendar change's dry run: every deadline that would move, or why it cannot be made. */
export type CalendarCheckView = { ok: true; preview: CalendarChangePreview } | ({ ok: false } & DecisionRefusal);

export interface InspectionOutcome {
  status: string;
  grade: string | null;
  breaches: number;
  /** The end of the inspection, where the type declares one (what the next cycle counts from). */
  endedOn?: string | null;
  /** The machine's facts at the end (e.g. what a case review decided), for a parent workflow to act on. */
  facts?: Record<string, unknown>;
}

export const INSPECTION_WORKFLOW = 'inspectionWorkflow';

export const recordDecisionUpdate = defineUpdate<InspectionView, [RecordDecisionInput]>('recordDecision');
export const recordCorrectionUpdate = defineUpdate<InspectionView, [RecordCorrectionInput]>('recordCorrection');
export const confirmMissedUpdate = defineUpdate<InspectionView, [ConfirmMissedInput]>('confirmMissed');
export const inspectionStateQuery = defineQuery<InspectionView>('inspectionState');
export const migrateUpdate = defineUpdate<InspectionView, [MigrateInput]>('migrate');
export const migrationPreviewQuery = defineQuery<MigrationCheckView, [Omit<MigrateInput, 'reason'>]>('migrationPreview');
export const changeCalendarUpdate = defineUpdate<InspectionView, [ChangeCalendarInput]>('changeCalendar');
export const calendarPreviewQuery = defineQuery<CalendarCheckView, [Pick<ChangeCalendarInput, 'calendar'>]>('calendarPreview');

/** `ApplicationFailure` types a refused decision carries; the API maps each to an HTTP status. */
export const REFUSAL_FAILURE_PREFIX = 'DecisionRefused.';
