/** ECF and NPQ lead providers (seed 003 ECF), revision 2: `ecf-lead-provider` v1 revision 2. */
import { ecfLeadProvider as r1, toFeedback } from './ecfLeadProvider';
import type { Scenario, TypeHistories } from './scenario';
import { publishedAfterFeedback } from './seed003Steps';

/**
 * Every revision 1 path, unchanged (none lodges a complaint), plus the complaint revision 2 adds, with no deadline:
 * answered before publication, and still under review when the report publishes itself on its 38th working day.
 */
export const ecfLeadProviderV2: TypeHistories = {
  required: [...r1.required, 'complaint'],
  scenarios: [
    ...r1.scenarios,
    ...(['answeredBeforePublication', 'answeredAfterPublication'] as const).map((complaint): Scenario => ({
      path: `complaint-answered-${complaint === 'answeredBeforePublication' ? 'before' : 'after'}-publication`,
      async run(ctx) {
        const i = await toFeedback(ctx, 'full');
        await publishedAfterFeedback(ctx.env, i, { publishedBy: 'clock', complaint });
        return i;
      },
    })),
  ],
};
