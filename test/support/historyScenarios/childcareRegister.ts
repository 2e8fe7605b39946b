/** Childcare Register compliance inspections (seed 003 CRCI): `childcare-register-compliance` v1. */
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { publishedAfterFeedback } from './seed003Steps';
import { REQUIRED_PATHS, type ScenarioContext, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';

export async function toFeedback({ env, start }: ScenarioContext, fields: Record<string, unknown>): Promise<InspectionHandle> {
  const i = await start();
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'area manager' });
  await env.sleep('1 day');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
  await i.send(actors.inspector, 'FEEDBACK_GIVEN', fields);
  return i;
}

/**
 * `window-closes` is the next-working-day contact window closing by itself; the breach is a nominated individual,
 * absent from feedback, told a "not met – actions" outcome after the next working day. Pause/resume on the way.
 */
export const childcareRegister: TypeHistories = {
  required: [...REQUIRED_PATHS, 'pause-resume'],
  scenarios: [
    {
      path: 'happy',
      async run(ctx) {
        const i = await toFeedback(ctx, { judgements: { outcome: 'met' } });
        await publishedAfterFeedback(ctx.env, i);
        return i;
      },
    },
    {
      path: 'refusal',
      async run(ctx) {
        const i = await toFeedback(ctx, { judgements: { outcome: 'not_met_enforcement' } });
        await refused(i.send(actors.inspector, 'NOMINATED_INDIVIDUAL_TOLD')); // not a "not met – actions" outcome
        await i.send(actors.provider, 'CONCERN_RAISED', { summary: 'evidence misread' });
        await refused(i.send(actors.manager, 'CONCERN_ROUTED', { handlerId: actors.inspector.id }));
        await i.send(actors.manager, 'CONCERN_ROUTED', { handlerId: 'inspector-2' });
        return i;
      },
    },
    {
      path: 'breach',
      async run(ctx) {
        const i = await toFeedback(ctx, { judgements: { outcome: 'not_met_actions' }, nominatedIndividualAtFeedback: false });
        await skipPastClock(ctx.env, await i.view(), 'nominatedIndividualTold');
        await i.send(actors.inspector, 'NOMINATED_INDIVIDUAL_TOLD');
        return i;
      },
    },
    {
      path: 'window-closes',
      async run(ctx) {
        const i = await toFeedback(ctx, { judgements: { outcome: 'not_met_actions' }, nominatedIndividualAtFeedback: true });
        await skipPastClock(ctx.env, await i.view(), 'nextDayContact');
        await refused(i.send(actors.provider, 'CONCERN_RAISED', { summary: 'too late' }));
        return i;
      },
    },
    {
      path: 'pause-resume',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED_UNANNOUNCED', { wellbeingContact: 'declined' });
        await refused(i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'provider unwell', dutyDeskContacted: true }));
        await i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'provider unwell', dutyDeskContacted: true, regionalDirectorAdvice: 'resume next week' });
        await env.sleep('3 days');
        await i.send(actors.manager, 'INSPECTION_RESUMED');
        return i;
      },
    },
  ],
};
