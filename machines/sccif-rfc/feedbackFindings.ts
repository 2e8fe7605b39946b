import { z } from 'zod';
import { type SccifGrade, isoDate, note } from '../kit';
import { nextFullInspectionWindow } from './cycle';

/**
 * The requirements and recommendations an inspector gives at feedback (seed 002 §"Making requirements and
 * recommendations", §"End of the inspection and feedback"; reading: the structured reading of seed 002 §2.4.1, §2.4.2,
 * T30, §7.10). Each becomes its own tracked item, started as soon as feedback is given: a requirement's date may
 * fall before the report arrives, so it is tracked from feedback, not from publication.
 */
const id = z.string().trim().min(1).max(200);

export const requirementMade = z.strictObject({ requirementId: id, regulation: note, dueDate: isoDate });
export const recommendationMade = z.strictObject({ recommendationId: id, standard: note });
export type RequirementMade = z.infer<typeof requirementMade>;
export type RecommendationMade = z.infer<typeof recommendationMade>;

export interface FeedbackFindings {
  requirements: RequirementMade[];
  recommendations: RecommendationMade[];
}

/** Ids are unique within one inspection: each names one item the provider is told of. */
export function duplicateIds(findings: Partial<FeedbackFindings>): string[] {
  const ids = [...(findings.requirements ?? []).map((r) => r.requirementId), ...(findings.recommendations ?? []).map((r) => r.recommendationId)];
  return ids.filter((x, i) => ids.indexOf(x) !== i);
}

/** A requirement's date is told at feedback, so it cannot be before it (it may be before the report). */
export function requirementDatedBeforeFeedback(requirements: readonly RequirementMade[] | undefined, feedbackOn: string): string | null {
  const early = (requirements ?? []).find((r) => r.dueDate < feedbackOn);
  return early ? `requirement ${early.requirementId} is due on ${early.dueDate}, before the feedback on ${feedbackOn} at which it is told` : null;
}

/** The key of the n-th recommendation (from 0) made at feedback: its workflow is `<inspection id>-<key>`. */
export const recommendationKey = (n: number) => `recommendation-${n + 1}`;

/**
 * The inspections (in the general sense: tracked workflows) the findings start: one requirement each, with its own
 * date; one recommendation each, checked at the next inspection, which is due by the rule the grade given at
 * feedback sets (machines/sccif-rfc/cycle.ts). Reading: the provisional grade is used; quality assurance rarely
 * changes it, and the recommendation's clock is a target (a breach, never a move).
 */
export function trackedFindings(findings: FeedbackFindings, feedbackOn: string, grade: SccifGrade) {
  const checkedBy = nextFullInspectionWindow(feedbackOn, { endedOn: feedbackOn, grade }).dueBy;
  return [
    ...findings.requirements.map((r, n) => ({
      key: `requirement-${n + 1}`,
      type: 'sccif-rfc-requirement',
      input: { requirementId: r.requirementId, regulation: r.regulation, dueDate: r.dueDate },
    })),
    ...findings.recommendations.map((r, n) => ({
      key: recommendationKey(n),
      type: 'sccif-rfc-recommendation',
      input: { recommendationId: r.recommendationId, standard: r.standard, nextInspectionDueBy: checkedBy },
    })),
  ];
}
