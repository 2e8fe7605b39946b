import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { InspectionWindow, LastFullInspection } from '../machines/sccif-rfc/cycle';

/** Messages of the per-centre cycle workflow, importable by clients without workflow code. */
export const CENTRE_CYCLE_WORKFLOW = 'centreCycleWorkflow';

export interface CentreCycleInput {
  centreId: string;
  providerId: string;
  registeredOn: string;
  /** The last full inspection with a grade, or null before the first. */
  last: LastFullInspection | null;
  /** Full inspections completed so far, over every run of the workflow. */
  inspectionsCompleted: number;
  /** Whether the server has the inspection search attributes registered (passed on to each inspection). */
  searchAttributes: boolean;
}

export interface CentreCycleState {
  centreId: string;
  providerId: string;
  registeredOn: string;
  last: LastFullInspection | null;
  inspectionsCompleted: number;
  window: InspectionWindow;
  currentInspectionId: string | null;
  broughtForward: string | null;
  closed: string | null;
}

export interface CentreCycleOutcome {
  closed: string;
  inspectionsCompleted: number;
}

export const centreCycleStateQuery = defineQuery<CentreCycleState>('centreCycleState');
/** Decisions answered with the centre's new state. Concerns, a missing regulation 25 report, a change of manager...: inspect now (seed 002 §"Scheduling"). */
export const bringForwardUpdate = defineUpdate<CentreCycleState, [{ reason: string }]>('bringForward');
/** The centre's registration ends: no further inspections are scheduled. */
export const closeCentreUpdate = defineUpdate<CentreCycleState, [{ reason: string }]>('closeCentre');
