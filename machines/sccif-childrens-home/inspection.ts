import { z } from 'zod';
import { note } from '../kit';
import { SEED_003, defineInspection, handbookSource, SEED_003_IN_FORCE_FROM, inspectionSkeleton, reading, formalComplaintRevision } from '../fragments';
import { JUDGEMENTS_SOURCE, rfcJudgements } from '../sccif-rfc/judgements';

/**
 * SCCIF inspections of children's homes, full or assurance (seed 003 SCCIF; reading §2.17). The page gives no notice,
 * and deferral "at the earliest opportunity/start of the inspection": the inspector arrives and confirms at the start
 * which of the two it is. One type with a `kind`, because the page gives both one lifecycle.
 */
const src = handbookSource('SCCIF');

export const SCCIF_KINDS = ['full', 'assurance'] as const;

/**
 * The January 2024 framework at revision 1 and revision 2, which adds the formal complaint on receiving the final
 * report (no deadline), a rule of the same page revision 1 left out. One definition with the revision as its
 * parameter; revision 1 is exactly what it was.
 */
export function childrensHomeInspection(machineRevision: 1 | 2) {
  const v2 = machineRevision === 2;
  return defineInspection({
    type: 'sccif-childrens-home',
    version: 1,
    ...formalComplaintRevision(machineRevision, "Children's home: SCCIF full or assurance inspection"),
    framework: `${SEED_003} SCCIF`,
    inForceFrom: SEED_003_IN_FORCE_FROM,
    id: 'childrensHomeInspection',
    inputSchema: z.strictObject({
      kind: z.enum(SCCIF_KINDS).optional().describe('full (the default) or assurance; confirmed at the start of the inspection'),
      promptedByConcern: z.boolean().optional().describe('the inspection was prompted by a concern or allegation'),
    }),
    inputDefaults: { kind: 'full', promptedByConcern: false },
    gradeField: 'grade',
    endDateField: 'feedbackDate',
    fragments: inspectionSkeleton({
      notification: {
        unannounced: {
          source: `${src('The start of the inspection')}; ${reading('§1')} (notice not stated; deferral "at the start" implies unannounced [bg])`,
          fields: { feedbackAttendees: note.describe('who will receive the oral feedback, agreed at the start') },
        },
      },
      deferral: { source: src('Deferrals'), requestableIn: 'fieldwork' },
      onSite: { earlyWarningSource: src('The start of the inspection', 'Discussions with managers and staff'), earlyWarningOf: 'may be judged inadequate' },
      pauses: { activitySource: src('Discussions with managers and staff'), adviceFrom: 'their manager or the regional duty manager' },
      feedback: {
        judgements: rfcJudgements,
        judgementsSource: `${src('The start of the inspection')} ("final judgements only at the feedback meeting at the end"); ${JUDGEMENTS_SOURCE}`,
        judgementsMadeAt: 'feedbackMeeting',
        extraFields: { likelyRequirements: z.array(note).max(50).optional(), likelyRecommendations: z.array(note).max(50).optional() },
        feedbackSource: `${src('End of the inspection and feedback')} (the day of feedback is the last day of the inspection)`,
      },
      nextDayContact: { source: src('Concerns', 'End of the inspection and feedback'), handledBy: 'a regulatory inspection manager separate from the inspection' },
      qualityAssurance: {
        source: src('Quality assurance and arrangements for publishing the report'),
        judgements: rfcJudgements,
        changedJudgementsToldBeforeDraft: { source: src('Quality assurance and arrangements for publishing the report') },
        draft: { days: 18, source: src('Quality assurance and arrangements for publishing the report'), reading: `"We will send": a commitment, still audited as a target (${reading('§7 E05')}).` },
      },
      reportChain: {
        source: src('Quality assurance and arrangements for publishing the report', 'Complaints'),
        comments: { days: 5, source: src('Quality assurance and arrangements for publishing the report') },
        final: { days: 30, source: `${src('Quality assurance and arrangements for publishing the report')} ("within a maximum of 30 working days")` },
      },
      // seed 003 SCCIF §"Complaints": "a formal complaint can be made on receiving the final report" (NEW), no deadline.
      ...(v2 && { complaintWindow: { source: src('Complaints') } }),
      closing: { gradeOf: (j) => (j?.overallExperiencesAndProgress as string | undefined) ?? null },
    }),
  });
}

export const childrensHomeInspection2024 = childrensHomeInspection(1);
export const childrensHomeInspectionV2 = childrensHomeInspection(2);
