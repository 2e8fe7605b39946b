/** Additional inspections of independent schools (seed 003 AIIS): `independent-school-additional` v1. */
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { draftSent, publishedAfterFeedback } from './seed003Steps';
import { REQUIRED_PATHS, type ScenarioContext, type TypeHistories, refused } from './scenario';
import { serverDay, skipPastClock } from '../serverClock';

export async function toFeedback({ env, start }: ScenarioContext, kind = 'pre_registration'): Promise<InspectionHandle> {
  const i = await start({ kind });
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the local authority' });
  await env.sleep('1 day');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
  await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { standardsNotMet: [] } });
  return i;
}

/** `window-closes` is the 5-working-day comment window; the breach is a final report later than 30 working days; pause/resume with the DfE told. */
export const independentSchoolAdditional: TypeHistories = {
  required: [...REQUIRED_PATHS, 'pause-resume'],
  scenarios: [
    {
      path: 'happy',
      async run(ctx) {
        const i = await toFeedback(ctx, 'material_change');
        await publishedAfterFeedback(ctx.env, i, { sharedWith: 'DfE' });
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start({ kind: 'pre_registration' });
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the trust' });
        await i.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'building works delayed' });
        await refused(i.send(actors.provider, 'DEFERRAL_GRANTED')); // a manager's decision
        await i.send(actors.manager, 'DEFERRAL_REFUSED');
        return i;
      },
    },
    {
      path: 'breach',
      async run(ctx) {
        const i = await toFeedback(ctx);
        await draftSent(ctx.env, i);
        await i.send(actors.provider, 'COMMENTS_SUBMITTED');
        await skipPastClock(ctx.env, await i.view(), 'finalReport');
        await i.send(actors.manager, 'FINAL_REPORT_SENT');
        return i;
      },
    },
    {
      path: 'window-closes',
      async run(ctx) {
        const i = await toFeedback(ctx);
        await draftSent(ctx.env, i);
        await skipPastClock(ctx.env, await i.view(), 'commentWindow');
        return i;
      },
    },
    {
      path: 'pause-resume',
      async run({ env, start }) {
        const i = await start({ kind: 'material_change' });
        await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the trust' });
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'headteacher taken ill', dutyDeskContacted: true, dfeToldOn: await serverDay(env) });
        await env.sleep('1 day');
        await i.send(actors.manager, 'INSPECTION_RESUMED');
        return i;
      },
    },
  ],
};
