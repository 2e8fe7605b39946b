/** Revision 2 of a seed 003 type that adds only the formal complaint on receiving the final report. */
import type { Scenario, TypeHistories } from './scenario';

/** Every revision 1 path, unchanged (none lodges a complaint), and the happy path with a complaint answered before publication. */
export function withFormalComplaint(revision1: TypeHistories, happyWithComplaint: Scenario['run']): TypeHistories {
  return {
    required: [...revision1.required, 'complaint'],
    scenarios: [...revision1.scenarios, { path: 'complaint-answered-before-publication', run: happyWithComplaint }],
  };
}
