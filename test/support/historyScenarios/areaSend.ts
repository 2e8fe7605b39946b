/** Area SEND inspections (seed 003 ASEND): `area-send` v1. */
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { publishedAfterFeedback } from './seed003Steps';
import { type ScenarioContext, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';

export async function toFeedback({ env, start }: ScenarioContext): Promise<InspectionHandle> {
  const i = await start();
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'deputy DCS' });
  await env.sleep('14 days');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
  await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { outcome: 'inconsistent', areasOfSignificantConcern: false } });
  return i;
}

/**
 * No `breach`: the page gives area SEND no target at all (no report timings, reading §2.3, §3.2), so nothing can be
 * late. `window-closes` is the next-working-day contact closing by itself; pause/resume on site.
 */
export const areaSend: TypeHistories = {
  required: ['happy', 'refusal', 'window-closes', 'pause-resume'],
  scenarios: [
    {
      path: 'happy',
      async run(ctx) {
        const i = await toFeedback(ctx);
        await publishedAfterFeedback(ctx.env, i);
        return i;
      },
    },
    {
      path: 'refusal',
      async run(ctx) {
        const i = await toFeedback(ctx);
        await i.send(actors.provider, 'CONCERN_RAISED', { summary: 'feedback attendees not agreed' });
        await refused(i.send(actors.manager, 'CONCERN_ROUTED', { handlerId: actors.inspector.id })); // not the lead inspector
        await i.send(actors.manager, 'CONCERN_ROUTED', { handlerId: 'inspector-2' });
        return i;
      },
    },
    {
      path: 'window-closes',
      async run(ctx) {
        const i = await toFeedback(ctx);
        await skipPastClock(ctx.env, await i.view(), 'nextDayContact');
        await refused(i.send(actors.provider, 'CONCERN_RAISED', { summary: 'too late' }));
        return i;
      },
    },
    {
      path: 'pause-resume',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'deputy DCS' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'serious incident in the area', dutyDeskContacted: true });
        await env.sleep('2 days');
        await i.send(actors.manager, 'INSPECTION_RESUMED');
        return i;
      },
    },
  ],
};
