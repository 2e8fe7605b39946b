import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CalendarVersion } from '../calendar';
import type { Actor } from '../machines/kit';
import type { CaseReviewDecision } from '../machines/sccif-rfc/caseReview';
import type { LastFullInspection } from '../machines/sccif-rfc/cycle';
import type { ManagerChange } from '../machines/sccif-rfc/managerChange';
import type { PreviousRecommendation } from '../machines/sccif-rfc/previousRecommendations';
import type { ManagerPosition } from '../machines/sccif-rfc/registeredManager';
import type { CentreCycleState } from './centreCycleState';

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
  /** What the last case review decided, while it governs: the next inspection's date and monitoring visits. */
  caseReview?: Pick<CaseReviewDecision, 'nextInspectionBy' | 'monitoringVisits'> | null;
  /** A grade a monitoring visit gave since the last full inspection. */
  regrade?: { grade: string; on: string } | null;
  /** The registered manager's post as the changes notified so far leave it (passed on to each full inspection). */
  manager?: ManagerPosition | null;
  /** The recommendations made at the last full inspection, to be checked at the next (passed on to it). */
  recommendationsToCheck?: PreviousRecommendation[] | null;
  /** Whether the server has the inspection search attributes registered (passed on to each inspection). */
  searchAttributes: boolean;
  /** The calendar version published changes made, passed on to each inspection (absent: the shipped list). */
  calendar?: CalendarVersion;
}

export type { CentreCycleState } from './centreCycleState';

export interface CentreCycleOutcome {
  closed: string;
  inspectionsCompleted: number;
}

export interface BringForwardInput {
  reason: string;
  /** The day the inspection is now due by (default: the day it is brought forward). */
  by?: string;
}

export const centreCycleStateQuery = defineQuery<CentreCycleState>('centreCycleState');
/** Decisions answered with the centre's new state. Concerns, a missing regulation 25 report, a change of manager...: inspect now (seed 002 §"Scheduling"). */
export const bringForwardUpdate = defineUpdate<CentreCycleState, [BringForwardInput]>('bringForward');
/** A change of registered manager (absence, leaving, appointment, registration), answered with the centre's new state. */
export const recordManagerChangeUpdate = defineUpdate<CentreCycleState, [ManagerChange]>('recordManagerChange');
/** A later calendar version: the inspections the cycle starts from now count their working days with it. */
export const changeCentreCalendarUpdate = defineUpdate<CentreCycleState, [{ calendar: CalendarVersion; actor: Actor }]>('changeCalendar');
/** The centre's registration ends: no further inspections are scheduled. */
export const closeCentreUpdate = defineUpdate<CentreCycleState, [{ reason: string }]>('closeCentre');
