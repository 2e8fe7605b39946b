/** Childminder agency inspections with their childminder visits (seed 003 CMA; reading §2.5): `childminder-agency` v1. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { agencyGood } from '../../machines/seed003Samples';
import type { InspectionHandle } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { REQUIRED_PATHS, type TypeHistories, refused } from './scenario';
import { skipPastClock } from '../serverClock';
import { draftSent, pauseForAWeek } from './seed003Steps';

async function notifiedAndStarted(env: TestWorkflowEnvironment, i: InspectionHandle) {
  await i.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'agency owner' });
  await env.sleep('2 days');
  await i.send(actors.inspector, 'INSPECTION_STARTED');
}

async function childminderVisit(env: TestWorkflowEnvironment, i: InspectionHandle, lasting: Parameters<TestWorkflowEnvironment['sleep']>[0]) {
  await i.send(actors.inspector, 'CHILDMINDER_VISIT_STARTED');
  await env.sleep(lasting);
  await i.send(actors.inspector, 'CHILDMINDER_VISIT_ENDED', { childcareProvider: 'CM-42', supportedBy: 'agency support worker' });
}

/** To the final report: the agency now has 5 working days to lodge a formal complaint. */
async function toFinalReport(env: TestWorkflowEnvironment, i: InspectionHandle) {
  await notifiedAndStarted(env, i);
  await childminderVisit(env, i, '2 hours');
  await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
  await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: agencyGood });
  await draftSent(env, i);
  await i.send(actors.provider, 'COMMENTS_SUBMITTED');
  return i.send(actors.manager, 'FINAL_REPORT_SENT');
}

/**
 * The breach is a childminder visit longer than 3 hours; `window-closes` the complaint window after the final
 * report (the only complaint deadline in seed 003).
 */
export const childminderAgency: TypeHistories = {
  required: [...REQUIRED_PATHS, 'pause-resume', 'complaint'],
  scenarios: [
    {
      path: 'happy',
      async run({ env, start }) {
        const i = await start({ previousInspectionEndedOn: '2023-06-01' });
        const final = await toFinalReport(env, i);
        await skipPastClock(env, final, 'complaintWindow');
        await i.send(actors.manager, 'REPORT_PUBLISHED');
        await i.handle.result();
        return i;
      },
    },
    {
      path: 'refusal',
      async run({ env, start }) {
        const i = await start();
        await notifiedAndStarted(env, i);
        // the regional director's advice is required to pause an agency inspection
        await refused(i.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'serious incident', dutyDeskContacted: true }));
        await refused(i.send(actors.inspector, 'CHILDMINDER_VISIT_ENDED', { childcareProvider: 'CM-1' })); // no visit under way
        await childminderVisit(env, i, '1 hour');
        return i;
      },
    },
    {
      path: 'breach',
      async run({ env, start }) {
        const i = await start();
        await notifiedAndStarted(env, i);
        await childminderVisit(env, i, '4 hours'); // longer than the 3 hours a visit may last
        return i;
      },
    },
    {
      path: 'window-closes',
      async run({ env, start }) {
        const i = await start();
        const final = await toFinalReport(env, i);
        await skipPastClock(env, final, 'complaintWindow'); // no complaint lodged
        await refused(i.send(actors.provider, 'COMPLAINT_MADE', { summary: 'too late' }));
        return i;
      },
    },
    {
      path: 'pause-resume',
      async run({ env, start }) {
        const i = await start();
        await notifiedAndStarted(env, i);
        await pauseForAWeek(env, i, { regionalDirectorAdvice: 'pause until Monday' });
        await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
        return i;
      },
    },
    {
      path: 'complaint',
      async run({ env, start }) {
        const i = await start();
        await toFinalReport(env, i);
        await env.sleep('1 day');
        await i.send(actors.provider, 'COMPLAINT_MADE', { summary: 'findings not supported by the evidence' });
        await env.sleep('20 days');
        await i.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' });
        await i.send(actors.manager, 'REPORT_PUBLISHED');
        await i.handle.result();
        return i;
      },
    },
  ],
};
