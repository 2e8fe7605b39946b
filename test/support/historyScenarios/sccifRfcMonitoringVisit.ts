/** SCCIF residential family centres, a monitoring visit (seed 002 §"Monitoring visits"): `sccif-rfc-monitoring-visit` v1. */
import { goodJudgements } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';

const visitFor = { kind: 'specific_concern', announced: false };
const requiresImprovement = { ...goodJudgements, overallExperiencesAndProgress: 'requires_improvement' };

/**
 * No pause/resume and no complaint in this machine. Its own paths: a joint visit (authorised by the regional
 * director) and publication withheld (the regional director's decision not to publish).
 */
export const sccifRfcMonitoringVisit: TypeHistories = {
  required: [...REQUIRED_PATHS, 'publication-withheld'],
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start(visitFor);
        await i.send(actors.manager, 'JOINT_VISIT_AUTHORISED', { decidedBy: 'regional_director', agency: 'the local authority', legalServicesView: 'no objection' });
        await i.send(actors.inspector, 'VISIT_STARTED', { purpose: 'a concern about night-time supervision' });
        await env.sleep('1 day');
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: requiresImprovement });
        await env.sleep('10 days');
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await env.sleep('2 days');
        await i.send(actors.provider, 'COMMENTS_SUBMITTED');
        const final = await i.send(actors.manager, 'FINAL_REPORT_SENT');
        await skipPastClock(env, final, 'publication'); // published by itself 5 working days later
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start(visitFor);
        await refused(i.send(actors.inspector, 'FEEDBACK_GIVEN', {})); // not on site yet
        await refused(i.send(actors.inspector, 'JOINT_VISIT_AUTHORISED', { decidedBy: 'regional_director', agency: 'police', legalServicesView: 'agreed' }));
        await i.send(actors.inspector, 'VISIT_STARTED', { purpose: 'a concern about night-time supervision' });
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start(visitFor);
        await i.send(actors.inspector, 'VISIT_STARTED', { purpose: 'progress since the last inspection' });
        const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN', {}); // no new judgement: the grade stands
        await skipPastClock(env, feedback, 'draftReport'); // the 18-working-day draft target is missed: a breach
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start(visitFor);
        await i.send(actors.inspector, 'VISIT_STARTED', { purpose: 'a concern about night-time supervision' });
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', {});
        const draft = await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await skipPastClock(env, draft, 'commentWindow'); // the provider's 5 working days close by themselves
        return i;
      },
    },
    {
      path: 'publication-withheld',
      async run({ env, start }) {
        const i = await start({ kind: 'compliance_or_enforcement' });
        await i.send(actors.inspector, 'VISIT_STARTED', { purpose: 'checking compliance notice CN-1' });
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', {});
        await env.sleep('3 days');
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await i.send(actors.provider, 'COMMENTS_SUBMITTED');
        await i.send(actors.inspector, 'FINAL_REPORT_SENT');
        await i.send(actors.manager, 'PUBLICATION_WITHHELD', { decidedBy: 'regional_director', reasons: 'publication would identify a family' });
        await i.handle.result();
        return i;
      },
    },
  ],
};
