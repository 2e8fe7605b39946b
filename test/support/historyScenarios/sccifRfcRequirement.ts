/** SCCIF residential family centres, one requirement (seed 002 §"Requirements"): `sccif-rfc-requirement` v1. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { actors } from '../pureDriver';
import { type TypeHistories, refused } from './scenario';
import { serverDay, skipPastClock } from '../serverClock';

const requirement = async (env: TestWorkflowEnvironment) => ({
  requirementId: 'R-1',
  regulation: 'Regulation 16: staff recruitment checks',
  dueDate: await serverDay(env, 14),
});

/**
 * Its only clock is the due date, an automatic step (it passes by itself: `window-closes`); there is no target,
 * so no breach: REQUIRED_PATHS without `breach`. No pause/resume or complaint.
 */
export const sccifRfcRequirement: TypeHistories = {
  required: ['happy', 'refusal', 'window-closes'],
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start(await requirement(env));
        await env.sleep('5 days');
        await i.send(actors.inspector, 'REQUIREMENT_CHECKED', { outcome: 'met' }); // met before its date
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ env, start }) {
        const i = await start(await requirement(env));
        await refused(i.send(actors.inspector, 'REQUIREMENT_CHECKED', { outcome: 'not_met' })); // not before its date
        await refused(i.send(actors.manager, 'ESCALATED_TO_ENFORCEMENT', { action: 'compliance_notice' }));
        await i.send(actors.inspector, 'REQUIREMENT_CHECKED', { outcome: 'met' });
        return i;
      },
    },
    {
      path: 'window-closes-then-enforcement',
      async run({ env, start }) {
        const i = await start(await requirement(env));
        await skipPastClock(env, await i.view(), 'dueDate'); // the due date passes by itself: a check is due
        await i.send(actors.inspector, 'REQUIREMENT_CHECKED', { outcome: 'not_met' });
        await i.send(actors.manager, 'ESCALATED_TO_ENFORCEMENT', { action: 'compliance_notice', details: 'notice CN-2 to be served' });
        await i.handle.result();
        return i;
      },
    },
  ],
};
