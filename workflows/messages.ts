import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Decision, InspectionView } from '../engine';
import type { Actor } from '../machines/kit';

/**
 * The inspection workflow's messages, in a module clients import without pulling in workflow code
 * (DESIGN §5). Names carry their kind.
 */
export interface StartInspectionInput {
  inspectionId: string;
  type: string;
  version: number;
  providerId: string | null;
  /** The machine's input, e.g. `{ scheduledFor }`. */
  input: Record<string, unknown>;
  createdBy: Actor;
}

export interface RecordDecisionInput {
  decision: Decision;
  actor: Actor;
}

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
export const inspectionStateQuery = defineQuery<InspectionView>('inspectionState');

/** `ApplicationFailure` types a refused decision carries; the API maps each to an HTTP status. */
export const REFUSAL_FAILURE_PREFIX = 'DecisionRefused.';
