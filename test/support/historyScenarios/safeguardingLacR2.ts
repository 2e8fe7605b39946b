/** Safeguarding and looked after children, 2010 (seed 001), revision 2: `safeguarding-lac` v1 revision 2. */
import { actors } from '../pureDriver';
import { lacJudgements, safeguardingLac } from './safeguardingLac';
import { type TypeHistories, refused } from './scenario';

/**
 * Every revision 1 path (each a joint inspection of both services), plus a separate inspection of safeguarding only
 * (seed 001 ¶15), refused the other service's cases and judgements, published with the next inspection due.
 */
export const safeguardingLacR2: TypeHistories = {
  required: [...safeguardingLac.required, 'separate-safeguarding'],
  scenarios: [
    ...safeguardingLac.scenarios,
    {
      path: 'separate-safeguarding',
      async run({ env, start }) {
        const i = await start({ scope: 'safeguarding', separateBecause: 'serious_safeguarding_concerns' });
        await i.send(actors.manager, 'NOTICE_GIVEN', { fieldworkStartsOn: '2030-01-01', cqcInspector: 'cqc-42' });
        await env.sleep('2 days');
        await i.send(actors.inspector, 'SET_UP_MEETING_HELD');
        await refused(i.send(actors.inspector, 'CASES_SELECTED', { safeguardingCases: 4, lookedAfterChildrenCases: 4 }));
        await i.send(actors.inspector, 'CASES_SELECTED', { safeguardingCases: 4 });
        await env.sleep('3 days');
        await i.send(actors.inspector, 'FIELDWORK_STARTED');
        await env.sleep('7 days');
        await refused(i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: lacJudgements }));
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { safeguarding: lacJudgements.safeguarding } });
        await env.sleep('5 days');
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await i.send(actors.provider, 'FACTUAL_ACCURACY_COMMENTS_RETURNED');
        await i.send(actors.manager, 'FINAL_REPORT_SENT');
        await i.send(actors.manager, 'REPORT_PUBLISHED');
        await i.handle.result();
        return i;
      },
    },
  ],
};
