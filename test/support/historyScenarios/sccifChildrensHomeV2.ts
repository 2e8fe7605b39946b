/** SCCIF inspections of children's homes v2 (seed 003 SCCIF; reading §2.17): `sccif-childrens-home` v2. */
import { REQUIRED_PATHS, type Scenario, type TypeHistories } from './scenario';
import { sccifChildrensHome as v1, unannouncedToFeedback } from './sccifChildrensHome';
import { publishedAfterFeedback } from './seed003Steps';

/**
 * Every v1 path, unchanged (none lodges a complaint), plus the complaint v2 adds, with no deadline: answered before
 * publication, and answered after a publication that did not wait for it.
 */
export const sccifChildrensHomeV2: TypeHistories = {
  required: [...REQUIRED_PATHS, 'complaint'],
  scenarios: [
    ...v1.scenarios,
    ...(['answeredBeforePublication', 'answeredAfterPublication'] as const).map((complaint): Scenario => ({
      path: `complaint-answered-${complaint === 'answeredBeforePublication' ? 'before' : 'after'}-publication`,
      async run({ env, start }) {
        const i = await start({ kind: 'full' });
        await unannouncedToFeedback(env, i);
        await publishedAfterFeedback(env, i, { complaint });
        return i;
      },
    })),
  ],
};
