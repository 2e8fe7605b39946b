/** Residential family centres, the monitoring inspection of the 2014 framework (seed 004 ¶13–14): `rfc-2014-monitoring` v0. */
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';

/**
 * No pause/resume; a complaint is recorded and delays nothing (seed 004 ¶63, ¶79); a manager may decide against
 * the visit before it starts (cancelled). The happy path is also the framework-version fixture.
 */
export const rfc2014Monitoring: TypeHistories = {
  required: [...REQUIRED_PATHS, 'complaint'],
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { outcome: 'requirements_set', findings: 'vetting records incomplete' });
        await env.sleep('4 days');
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await env.sleep('1 day');
        await i.send(actors.provider, 'COMMENTS_SUBMITTED');
        await i.send(actors.manager, 'REPORT_PUBLISHED');
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start();
        await refused(i.send(actors.inspector, 'INSPECTION_CANCELLED', { reason: 'not the inspector to decide' }));
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await refused(i.send(actors.inspector, 'FEEDBACK_GIVEN', { outcome: 'graded', findings: 'x' }));
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { outcome: 'no_further_action', findings: 'concern not substantiated' });
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        const view = await i.send(actors.inspector, 'FEEDBACK_GIVEN', { outcome: 'case_discussion', findings: 'allegation not referred' });
        await skipPastClock(env, view, 'draftReport');
        await i.send(actors.manager, 'NO_REPORT_DECIDED', { reason: 'findings go to the case discussion' });
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { outcome: 'requirements_set', findings: 'risk assessments out of date' });
        const sent = await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await skipPastClock(env, sent, 'commentWindow');
        return i;
      },
    },
    {
      path: 'complaint',
      async run({ env, start }) {
        const i = await start({ trigger: 'complaint', announced: false });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { outcome: 'requirements_set', findings: 'medication records incomplete' });
        await i.send(actors.provider, 'COMPLAINT_MADE', { summary: 'the visit was not announced' });
        await env.sleep('2 days');
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await i.send(actors.provider, 'COMMENTS_SUBMITTED');
        await i.send(actors.manager, 'REPORT_PUBLISHED');
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'cancelled',
      async run({ start }) {
        const i = await start({ trigger: 'concern' });
        await i.send(actors.manager, 'INSPECTION_CANCELLED', { reason: 'the concern was resolved by a regulation 25 report' });
        await i.handle.result();
        return i;
      },
    },
  ],
};
