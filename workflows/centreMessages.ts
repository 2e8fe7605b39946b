import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { CaseReviewDecision } from '../machines/sccif-rfc/caseReview';
import type { LastFullInspection } from '../machines/sccif-rfc/cycle';
import type { ManagerChange } from '../machines/sccif-rfc/managerChange';
import { type ManagerPosition, managerPosition } from '../machines/sccif-rfc/registeredManager';

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
  /** Whether the server has the inspection search attributes registered (passed on to each inspection). */
  searchAttributes: boolean;
}

/** What the centre's Query and Updates answer; the single source of its type and of its API schema. */
export const centreCycleState = z.object({
  centreId: z.string(),
  providerId: z.string(),
  registeredOn: z.string(),
  last: z.object({ endedOn: z.string(), grade: z.string() }).nullable().describe('the last full inspection with a grade'),
  inspectionsCompleted: z.number().int(),
  window: z
    .object({ opens: z.string(), dueBy: z.string(), rule: z.string(), source: z.string(), reading: z.string().optional() })
    .describe('when the next full inspection falls due, by which rule'),
  currentGrade: z.string().nullable().describe("the grade in force: the last full inspection's, or a monitoring visit's re-grade since"),
  caseReview: z
    .object({
      nextInspectionBy: z.string(),
      monitoringVisits: z.object({ everyWeeks: z.number().int(), announced: z.boolean() }).nullable(),
    })
    .nullable()
    .describe('what the last case review decided, while it governs'),
  currentInspectionId: z.string().nullable(),
  current: z
    .object({ kind: z.enum(['full_inspection', 'case_review', 'monitoring_visit']), inspectionId: z.string() })
    .nullable()
    .describe('the inspection, case review or visit under way'),
  notices: z.array(z.object({ noticeId: z.string(), inspectionId: z.string(), complianceDate: z.string() })),
  followUps: z.array(
    z.object({ visitWindow: z.object({ from: z.string(), to: z.string() }), noticeIds: z.array(z.string()), visitId: z.string().nullable() }),
  ),
  broughtForward: z.string().nullable(),
  closed: z.string().nullable(),
  manager: managerPosition.nullable().optional().describe("the registered manager's post, as the changes notified leave it"),
  managerChanges: z
    .array(
      z.object({
        change: z.string(),
        from: z.string(),
        notifyBy: z.string().nullable(),
        late: z.boolean(),
        bringsForward: z.string().nullable(),
        rule: z.string(),
        source: z.string(),
      }),
    )
    .optional()
    .describe('changes of manager notified while waiting for this inspection, each judged against the 28-day rule'),
});
export type CentreCycleState = z.infer<typeof centreCycleState>;

export interface CentreCycleOutcome {
  closed: string;
  inspectionsCompleted: number;
}

export const centreCycleStateQuery = defineQuery<CentreCycleState>('centreCycleState');
/** Decisions answered with the centre's new state. Concerns, a missing regulation 25 report, a change of manager...: inspect now (seed 002 §"Scheduling"). */
export const bringForwardUpdate = defineUpdate<CentreCycleState, [{ reason: string }]>('bringForward');
/** A change of registered manager (absence, leaving, appointment, registration), answered with the centre's new state. */
export const recordManagerChangeUpdate = defineUpdate<CentreCycleState, [ManagerChange]>('recordManagerChange');
/** The centre's registration ends: no further inspections are scheduled. */
export const closeCentreUpdate = defineUpdate<CentreCycleState, [{ reason: string }]>('closeCentre');
