/** SCCIF residential family centres, the full inspection of 2024 (seed 002): `sccif-rfc-full` v1. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addWorkingDays } from '../../../calendar';
import { confirmMissedUpdate, migrateUpdate, recordCorrectionUpdate } from '../../../workflows/messages';
import { type InspectionHandle, goodJudgements } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { serverDay, skipDays, skipPastClock } from '../serverClock';
import { REQUIRED_PATHS, type Scenario, type TypeHistories, refused } from './scenario';

async function rfcToDraft(env: TestWorkflowEnvironment, i: InspectionHandle) {
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await env.sleep('1 day');
  await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
  await env.sleep('10 days');
  await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
}

/** The seq of each step's decision.accepted entry, by event: how a correction names it. */
async function stepSeqs(i: InspectionHandle): Promise<Record<string, number>> {
  return Object.fromEntries(((await i.view()).steps ?? []).map((s) => [s.event, s.step]));
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
    // Business time (engine revision 2): steps entered late and out of order, a correction, a confirmed miss.
    {
      path: 'business-time-late-entry',
      async run({ env, start }) {
        const i = await start();
        const opened = await serverDay(env);
        await skipDays(env, 45); // the backlog is entered weeks later
        await i.send(actors.inspector, 'INSPECTION_STARTED', { at: `${opened}T09:00` });
        const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN', { at: addWorkingDays(opened, 2), judgements: goodJudgements });
        const draftOn = addWorkingDays(feedback.facts.feedbackDate as string, 10);
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT', { at: draftOn }); // its comment window closed weeks ago
        await i.send(actors.provider, 'COMMENTS_SUBMITTED', { at: addWorkingDays(draftOn, 3) }); // dated inside it: re-read in order
        await i.send(actors.manager, 'FINAL_REPORT_SENT', { at: addWorkingDays(draftOn, 8) });
        await i.handle.result(); // published on its day, weeks ago
        return i;
      },
    },
    {
      path: 'business-time-correction',
      async run({ env, start }) {
        const i = await start();
        await i.send(actors.inspector, 'INSPECTION_STARTED');
        await skipDays(env, 1);
        const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
        await skipDays(env, 35);
        await i.send(actors.inspector, 'DRAFT_REPORT_SENT'); // dated today: past its 18 working days, a breach
        const steps = await stepSeqs(i);
        await i.handle.executeUpdate(recordCorrectionUpdate, {
          args: [{ correction: { step: steps.FEEDBACK_GIVEN!, action: 'amend', fields: { judgements: { ...goodJudgements, helpAndProtection: 'outstanding' } }, reason: 'grade mistyped' }, actor: actors.manager }],
        });
        await refused(i.handle.executeUpdate(recordCorrectionUpdate, { args: [{ correction: { step: steps.FEEDBACK_GIVEN!, action: 'withdraw', reason: 'x' }, actor: actors.manager }] }));
        await i.handle.executeUpdate(recordCorrectionUpdate, {
          args: [{ correction: { step: steps.DRAFT_REPORT_SENT!, action: 'amend', at: addWorkingDays(feedback.facts.feedbackDate as string, 18), reason: 'entered late: it went out on its last day' }, actor: actors.manager }],
        });
        return i;
      },
    },
    {
      path: 'business-time-overdue-confirmed',
      async run({ env, start }) {
        const i = await start();
        const started = await i.send(actors.inspector, 'INSPECTION_STARTED');
        await skipPastClock(env, started, 'onSiteLength'); // overdue, awaiting the record
        await i.handle.executeUpdate(confirmMissedUpdate, { args: [{ clock: 'onSiteLength', reason: 'the team stayed on site', actor: actors.manager }] });
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

/**
 * Revision 1 only, its inspections being the ones a migration moves on: a governed migration in the history, after
 * which the inspection runs revision 3 (engine/migration.ts).
 */
export const migratedToRevision3: Scenario = {
  path: 'migrated-to-revision-3',
  async run({ env, start }) {
    const i = await start();
    await rfcToDraft(env, i);
    const reason = 'the concerns ladder applies to every inspection of the 2024 framework';
    await i.handle.executeUpdate(migrateUpdate, { args: [{ toRevision: 3, reason, actor: actors.manager }], updateId: 'migration-to-revision-3' });
    await i.send(actors.provider, 'COMMENTS_SUBMITTED');
    await i.send(actors.manager, 'FINAL_REPORT_SENT');
    await i.handle.result();
    return i;
  },
};
