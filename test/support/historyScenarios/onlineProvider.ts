/** Online provider visits (seed 003 OLP): `online-provider-visit` v1, revision 1. */
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { draftSent, publishedAfterFeedback } from './seed003Steps';
import { REQUIRED_PATHS, type ScenarioContext, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';

export async function toFeedback({ env, start }: ScenarioContext, kind = 'accreditation'): Promise<InspectionHandle> {
  const i = await start({ kind });
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'deputy head' });
  await env.sleep('1 day');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
  await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { standardsNotMet: [] } });
  return i;
}

/**
 * `window-closes` is the next-working-day contact closing by itself; the breach is the draft later than 5 working
 * days after the end; `withdrawn` is the refusal branch that ends an accreditation application. No inspection pause
 * in OLP, no complaint deadline.
 */
export const onlineProvider: TypeHistories = {
  required: [...REQUIRED_PATHS, 'withdrawn'],
  scenarios: [
    {
      path: 'happy',
      async run(ctx) {
        const i = await toFeedback(ctx);
        await publishedAfterFeedback(ctx.env, i, { sharedWith: 'DfE', commentStage: 'closedByManager' });
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start({ kind: 'additional' });
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'deputy head' });
        await i.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'leader on leave' });
        await refused(i.send(actors.provider, 'CONSENT_WITHHELD', { confirmed: true })); // no application to withdraw
        await i.send(actors.manager, 'DEFERRAL_REFUSED');
        return i;
      },
    },
    {
      path: 'breach',
      async run(ctx) {
        const i = await toFeedback(ctx, 'additional');
        await draftSent(ctx.env, i, { late: true });
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
      path: 'withdrawn',
      async run({ start }) {
        const i = await start({ kind: 'accreditation' });
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'deputy head' });
        await i.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'leader on leave' });
        await i.send(actors.provider, 'CONSENT_WITHHELD', { confirmed: true });
        await i.handle.result();
        return i;
      },
    },
  ],
};
