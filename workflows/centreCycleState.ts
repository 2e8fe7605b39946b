import { z } from 'zod';
import { previousRecommendation } from '../machines/sccif-rfc/previousRecommendations';
import { managerPosition } from '../machines/sccif-rfc/registeredManager';

/**
 * What the centre's Query and Updates answer; the single source of its type and of its API schema. Apart from
 * ./centreMessages.ts, which workflow code imports, so that zod is not evaluated again for every workflow run.
 */
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
  recommendationsToCheck: z
    .array(previousRecommendation)
    .optional()
    .describe('the recommendations made at the last full inspection, each tracked on its own workflow, checked at the next one (passed on to it)'),
  calendar: z.string().optional().describe('the calendar version the inspections it starts count their working days with'),
});
export type CentreCycleState = z.infer<typeof centreCycleState>;
