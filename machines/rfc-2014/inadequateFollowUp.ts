import { z } from 'zod';
import { type EventSpec, note, payload } from '../kit';
import type { Rfc2014Judgements } from './judgements';
import type { NextInspectionDue } from './nextInspection';
import { src004 } from './source';

/**
 * ¶27, ¶42: on a judgement of inadequate the inspector must consult a Social Care Compliance Inspector, who must
 * instigate a case discussion where (a) there is evidence of immediate risk of harm, an offence or a breach of the
 * registration conditions, or (b) the last inspection was also inadequate. Reading: "on making a judgement" is before
 * the report leaves Ofsted, so the draft is not sent, nor the report published, until both are recorded. What
 * revision 2 of the 2014 full inspection adds, with the next inspection's due date.
 */
export interface Rfc2014InadequateFollowUp {
  previousInspectionInadequate: boolean;
  complianceConsultation: { consultedOn: string; complianceInspector: string; immediateRiskOffenceOrConditionsBreach: boolean } | null;
  caseDiscussion: { instigatedOn: string; enforcementToConsider: string } | null;
  nextInspectionDue: NextInspectionDue | null;
}

type FollowUpContext = { judgements: Rfc2014Judgements | null } & Partial<Rfc2014InadequateFollowUp>;

/** Why the report cannot leave yet (the consultation or the case discussion is missing), or null. */
export function followUpMissing(c: FollowUpContext): string | null {
  if (c.judgements?.overallExperiences !== 'inadequate') return null;
  if (!c.complianceConsultation) return 'a judgement of inadequate is followed by consulting a Social Care Compliance Inspector (COMPLIANCE_INSPECTOR_CONSULTED) before the report is sent';
  if (caseDiscussionRequired(c) && !c.caseDiscussion) return 'the criteria for a case discussion are met, so the compliance inspector instigates one (CASE_DISCUSSION_INSTIGATED) before the report is sent';
  return null;
}

function caseDiscussionRequired(c: FollowUpContext): boolean {
  return c.judgements?.overallExperiences === 'inadequate' && (c.complianceConsultation?.immediateRiskOffenceOrConditionsBreach === true || c.previousInspectionInadequate === true);
}

/** The same, as the events that send or publish the report say it (EventSpec.breaks). */
export const inadequateFollowedUp = function inadequateJudgementFollowedUp(context: Record<string, unknown>): string | null {
  return followUpMissing(context as FollowUpContext);
};

export const inadequateFollowUpEvents = {
  COMPLIANCE_INSPECTOR_CONSULTED: {
    label: 'Inspector consults a Social Care Compliance Inspector (always, on a judgement of inadequate; to be considered on a history of unresolved complaints or failures)',
    roles: ['inspector'],
    schema: payload({
      complianceInspector: note,
      immediateRiskOffenceOrConditionsBreach: z.boolean().describe('evidence of immediate risk of harm, a breach of regulations that is an offence, or a breach of the registration conditions'),
    }),
    source: src004(27, 28, 42, 43),
  },
  CASE_DISCUSSION_INSTIGATED: {
    label: 'Compliance inspector instigates a case discussion, to consider whether enforcement action should be taken',
    roles: ['manager'],
    schema: payload({ enforcementToConsider: note }),
    source: src004(27, 29, 42, 44),
  },
} satisfies Record<string, EventSpec>;
