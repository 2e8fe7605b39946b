/** Residential family centres, the full inspection of the 2014 framework (seed 004): `sccif-rfc-full` v0. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';

/** The five judgements of the 2014 framework (seed 004 ¶34), all good. */
export const goodJudgements2014 = {
  overallExperiences: 'good',
  qualityOfAssessment: 'good',
  helpAndProtection: 'good',
  leadershipAndManagement: 'good',
  workingWithPartners: 'good',
};

async function full2014ToFeedback(env: TestWorkflowEnvironment, i: InspectionHandle) {
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await env.sleep('1 day');
  return i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements2014 });
}

/**
 * No pause/resume in the 2014 framework; a complaint is recorded and delays nothing (seed 004 ¶63, ¶79). The happy
 * path is also the framework-version fixture (scripts/recordFrameworkVersionHistories.ts).
 */
export const rfc2014Full: TypeHistories = {
  required: [...REQUIRED_PATHS, 'complaint'],
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start();
        await full2014ToFeedback(env, i);
        await env.sleep('5 days');
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await env.sleep('2 days');
        await i.send(actors.provider, 'COMMENTS_SUBMITTED');
        await env.sleep('1 day');
        await i.send(actors.manager, 'REPORT_PUBLISHED');
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ start }) {
        const i = await start();
        await refused(i.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'no deferrals in the 2014 framework' }));
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await refused(i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { ...goodJudgements2014, helpAndProtection: 'inadequate' } }));
        await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements2014 });
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start();
        const view = await full2014ToFeedback(env, i);
        await skipPastClock(env, view, 'draftReport'); // the 10-working-day report target is missed: a breach
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start();
        await full2014ToFeedback(env, i);
        await env.sleep('3 days');
        const sent = await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await skipPastClock(env, sent, 'commentWindow'); // the provider's 5 working days close by themselves
        return i;
      },
    },
    {
      path: 'complaint',
      async run({ env, start }) {
        const i = await start();
        await full2014ToFeedback(env, i);
        await i.send(actors.provider, 'COMPLAINT_MADE', { summary: 'the judgement does not match the feedback' });
        await env.sleep('2 days');
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
        await i.send(actors.provider, 'COMMENTS_SUBMITTED');
        await i.send(actors.manager, 'REPORT_PUBLISHED'); // publication is not delayed by the complaint
        await i.handle.result();
        return i;
      },
    },
  ],
};
