/** Residential family centres, the 2014 full inspection at revision 2 (seed 004): `sccif-rfc-full` v0 revision 2. */
import { actors } from '../pureDriver';
import { goodJudgements2014, rfc2014Full } from './rfc2014Full';
import { type TypeHistories, refused } from './scenario';

const inadequate = { ...goodJudgements2014, overallExperiences: 'inadequate', helpAndProtection: 'inadequate' };

/**
 * Every revision 1 path (none judges the centre inadequate), plus the follow-up revision 2 adds: an inadequate centre
 * whose last inspection was also inadequate, its draft held until the compliance inspector is consulted and the case
 * discussion instigated, then published with the next inspection due within 12 months.
 */
export const rfc2014FullR2: TypeHistories = {
  required: [...rfc2014Full.required, 'inadequate-case-discussion'],
  scenarios: [
    ...rfc2014Full.scenarios,
    {
      path: 'inadequate-case-discussion',
      async run({ env, start }) {
        const i = await start({ previousInspectionInadequate: true });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await env.sleep('1 day');
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: inadequate });
        await refused(i.send(actors.inspector, 'DRAFT_REPORT_SENT'));
        await i.send(actors.inspector, 'COMPLIANCE_INSPECTOR_CONSULTED', { complianceInspector: 'J. Patel', immediateRiskOffenceOrConditionsBreach: false });
        await refused(i.send(actors.inspector, 'DRAFT_REPORT_SENT'));
        await i.send(actors.manager, 'CASE_DISCUSSION_INSTIGATED', { enforcementToConsider: 'a compliance notice on assessment records' });
        await env.sleep('3 days');
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await i.send(actors.provider, 'COMMENTS_SUBMITTED');
        await i.send(actors.manager, 'REPORT_PUBLISHED');
        await i.handle.result();
        return i;
      },
    },
  ],
};
