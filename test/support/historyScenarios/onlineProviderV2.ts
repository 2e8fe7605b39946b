/** Online provider visits (seed 003 OLP), revision 2: `online-provider-visit` v1 revision 2. */
import { onlineProvider as r1, toFeedback } from './onlineProvider';
import { REQUIRED_PATHS, type Scenario, type TypeHistories } from './scenario';
import { publishedAfterFeedback } from './seed003Steps';

/**
 * Every revision 1 path, unchanged (none lodges a complaint), plus the complaint revision 2 adds, with no deadline:
 * answered before publication, and answered after a publication that did not wait for it.
 */
export const onlineProviderV2: TypeHistories = {
  required: [...REQUIRED_PATHS, 'withdrawn', 'complaint'],
  scenarios: [
    ...r1.scenarios,
    ...(['answeredBeforePublication', 'answeredAfterPublication'] as const).map((complaint): Scenario => ({
      path: `complaint-answered-${complaint === 'answeredBeforePublication' ? 'before' : 'after'}-publication`,
      async run(ctx) {
        const i = await toFeedback(ctx);
        await publishedAfterFeedback(ctx.env, i, { sharedWith: 'DfE', commentStage: 'closedByManager', complaint });
        return i;
      },
    })),
  ],
};
