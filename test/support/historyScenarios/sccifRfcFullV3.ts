/**
 * SCCIF residential family centres, full inspection v3 (`sccif-rfc-full` v3): every path of v2 (sccifRfcFullV2.ts),
 * which v3 keeps (each waits past the working day after feedback before the report, or ends at feedback), and the
 * concerns ladder it adds (machines/sccif-rfc/concernsLadder.ts).
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type InspectionHandle, goodJudgements } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { type Scenario, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';
import { sccifRfcFullV2 } from './sccifRfcFullV2';

async function toFeedback(env: TestWorkflowEnvironment, i: InspectionHandle) {
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await env.sleep('1 day');
  return i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
}

const ladder: Scenario[] = [
  {
    path: 'concern-on-site-to-rim',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await i.send(actors.provider, 'CONCERN_RAISED_ON_SITE', { summary: 'case files chosen unfairly' });
      await refused(i.send(actors.provider, 'CONCERN_TAKEN_TO_RIM')); // the inspector answers first
      await i.send(actors.inspector, 'CONCERN_ANSWERED_BY_INSPECTOR', { actionTaken: 'sampling explained', resolved: false });
      await i.send(actors.provider, 'CONCERN_TAKEN_TO_RIM');
      await i.send(actors.manager, 'CONCERN_ANSWERED_BY_RIM', { response: 'sampling stands', resolved: false });
      await env.sleep('1 day');
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
      return i;
    },
  },
  {
    path: 'next-day-concern-independent-rim',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await i.send(actors.manager, 'ON_SITE_EXTENDED', { days: 1 }); // the inspector's RIM agrees an extra day
      await env.sleep('1 day');
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
      await i.send(actors.provider, 'CONCERN_RAISED', { summary: "parents' evidence not considered" });
      await refused(i.send(actors.manager, 'CONCERN_ROUTED', { handlerId: actors.inspector.id }));
      await refused(i.send(actors.manager, 'CONCERN_ROUTED', { handlerId: actors.manager.id }));
      await i.send(actors.manager, 'CONCERN_ROUTED', { handlerId: 'rim-independent' });
      await i.send(actors.manager, 'CONCERN_ANSWERED_BY_INDEPENDENT_RIM', { outcome: 'carried_into_draft_comments', answer: 'send it with your comments' });
      await env.sleep('5 days');
      await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
      await i.send(actors.provider, 'COMMENTS_SUBMITTED');
      return i;
    },
  },
  {
    path: 'next-day-window-closes',
    async run({ env, start }) {
      const i = await start();
      const feedback = await toFeedback(env, i);
      await refused(i.send(actors.inspector, 'DRAFT_REPORT_SENT')); // quality assurance waits for the window
      await skipPastClock(env, feedback, 'nextDayContact');
      await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
      return i;
    },
  },
  {
    path: 'final-report-complaint',
    async run({ env, start }) {
      const i = await start();
      const feedback = await toFeedback(env, i);
      await skipPastClock(env, feedback, 'nextDayContact');
      const draft = await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
      await skipPastClock(env, draft, 'commentWindow');
      await i.send(actors.manager, 'FINAL_REPORT_SENT');
      await i.send(actors.provider, 'FINAL_REPORT_COMPLAINT_MADE', { summary: 'complaint about the outcome' });
      await i.handle.result(); // published by itself all the same
      return i;
    },
  },
];

export const sccifRfcFullV3: TypeHistories = {
  required: [...sccifRfcFullV2.required, ...ladder.map((s) => s.path)],
  scenarios: [...sccifRfcFullV2.scenarios, ...ladder],
};
