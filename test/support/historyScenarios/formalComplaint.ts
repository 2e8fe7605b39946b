/** Revision 2 of a seed 003 type that adds only the formal complaint on receiving the final report. */
import type { InspectionHandle } from '../inspectionHarness';
import type { Scenario, ScenarioContext, TypeHistories } from './scenario';
import { publishedAfterFeedback } from './seed003Steps';

/** Every revision 1 path, unchanged (none lodges a complaint), and the happy path with a complaint answered before publication. */
export function withFormalComplaint(revision1: TypeHistories, happyWithComplaint: Scenario['run']): TypeHistories {
  return {
    required: [...revision1.required, 'complaint'],
    scenarios: [...revision1.scenarios, { path: 'complaint-answered-before-publication', run: happyWithComplaint }],
  };
}

/** From feedback: the draft, the final report, a formal complaint answered, then publication. */
export async function answeredBeforePublication(ctx: ScenarioContext, i: InspectionHandle, sharedWith?: string): Promise<InspectionHandle> {
  await publishedAfterFeedback(ctx.env, i, { complaint: 'answeredBeforePublication', ...(sharedWith ? { sharedWith } : {}) });
  return i;
}
