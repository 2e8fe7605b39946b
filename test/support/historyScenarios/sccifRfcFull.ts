/** SCCIF residential family centres, the full inspection of 2024 (seed 002): `sccif-rfc-full` v1. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type InspectionHandle, goodJudgements } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type TypeHistories, refused } from './scenario';

async function rfcToDraft(env: TestWorkflowEnvironment, i: InspectionHandle) {
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await env.sleep('1 day');
  await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
  await env.sleep('10 days');
  await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
}

export const sccifRfcFull: TypeHistories = {
  required: [...REQUIRED_PATHS, 'pause-resume', 'complaint'],
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'registered manager on leave' });
        await i.send(actors.manager, 'DEFERRAL_REFUSED');
        await rfcToDraft(env, i);
        await env.sleep('2 days');
        await i.send(actors.provider, 'COMMENTS_SUBMITTED');
        await i.send(actors.manager, 'FINAL_REPORT_SENT');
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await refused(i.send(actors.inspector, 'DRAFT_REPORT_SENT'));
        await refused(i.send(actors.provider, 'FEEDBACK_GIVEN', { judgements: goodJudgements }));
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await env.sleep('14 days'); // the on-site target is missed: a breach, the inspection stays on site
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start();
        await rfcToDraft(env, i);
        await env.sleep('9 days'); // the provider's comment window closes by itself
        return i;
      },
    },
    {
      path: 'pause-resume',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'serious incident' });
        await env.sleep('7 days');
        await i.send(actors.manager, 'INSPECTION_RESUMED');
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
        return i;
      },
    },
    {
      path: 'complaint',
      async run({ env, start }) {
        const i = await start();
        await rfcToDraft(env, i);
        await env.sleep('1 day');
        await i.send(actors.provider, 'COMPLAINT_MADE', { summary: 'findings not supported by evidence' });
        await env.sleep('40 days');
        await i.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' });
        return i;
      },
    },
  ],
};
