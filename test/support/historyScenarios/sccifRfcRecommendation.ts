/** SCCIF residential family centres, one recommendation (seed 002 §"Recommendations"): `sccif-rfc-recommendation` v1. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { actors } from '../pureDriver';
import { type TypeHistories, refused } from './scenario';
import { serverDay, skipPastClock } from '../serverClock';

const recommendation = async (env: TestWorkflowEnvironment) => ({
  recommendationId: 'REC-1',
  standard: 'NMS 5: promoting positive behaviour',
  nextInspectionDueBy: await serverDay(env, 60),
});

/**
 * Its only clock is a target (checked by the date the next full inspection is due), so there is a breach and no
 * window that closes by itself: REQUIRED_PATHS without `window-closes`. No pause/resume or complaint.
 */
export const sccifRfcRecommendation: TypeHistories = {
  required: ['happy', 'refusal', 'breach'],
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start(await recommendation(env));
        await env.sleep('30 days');
        await i.send(actors.inspector, 'RECOMMENDATION_CHECKED', { outcome: 'met' });
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ env, start }) {
        const i = await start(await recommendation(env));
        await refused(i.send(actors.inspector, 'RECOMMENDATION_CHECKED', { outcome: 'turned_into_requirement' })); // no due date
        await refused(i.send(actors.manager, 'RECOMMENDATION_CHECKED', { outcome: 'met' })); // an inspector's check
        await i.send(actors.inspector, 'RECOMMENDATION_CHECKED', {
          outcome: 'turned_into_requirement',
          requirementDueDate: await serverDay(env, 28),
          regulation: 'Regulation 20: behaviour management',
        });
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start(await recommendation(env));
        await skipPastClock(env, await i.view(), 'nextInspection'); // still unchecked after the next inspection's date
        await i.send(actors.inspector, 'RECOMMENDATION_CHECKED', { outcome: 'not_met' });
        await i.handle.result();
        return i;
      },
    },
  ],
};
