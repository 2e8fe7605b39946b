import { addWorkingDays, startOfLondonDay } from '../../../calendar';
import { InspectionHandle, useTimeSkippingWorker } from '../../support/inspectionHarness';
import { actors } from '../../support/pureDriver';
import { lifecycleHelpers } from './lifecycleHelpers';

/** An additional inspection of an independent school on the time-skipping server, from the call to publication. */
const servers = useTimeSkippingWorker();
const { due, sleepPast } = lifecycleHelpers(servers);

it('material change: a request after 4.30pm is not late (no AIIS cut-off), a standard not met, the draft late (a breach)', async () => {
  const school = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'independent-school-additional', 1, { kind: 'material_change' });
  const notified = await school.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the trust' });
  const evening = startOfLondonDay(notified.facts.notifiedOn as string) + 18 * 3600_000;
  await servers.env.sleep(Math.max(0, evening - (await servers.env.currentTimeMs())));
  const request = await school.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'proprietor abroad' });
  expect(request.facts.deferralRequestLate).toBe(false);
  await school.send(actors.manager, 'DEFERRAL_GRANTED', { newDate: addWorkingDays(notified.facts.notifiedOn as string, 10) });
  await school.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the trust' });
  await servers.env.sleep('1 day');
  await school.send(actors.inspector, 'INSPECTION_STARTED');
  await school.send(actors.inspector, 'FIELDWORK_COMPLETED');
  const feedback = await school.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { standardsNotMet: ['Part 5: premises and accommodation'] } });
  await sleepPast(due(feedback, 'draftReport')!.dueAt);
  await school.send(actors.manager, 'QA_COMPLETED');
  await school.send(actors.inspector, 'DRAFT_REPORT_SENT');
  await school.send(actors.provider, 'COMMENTS_SUBMITTED');
  await school.send(actors.manager, 'FINAL_REPORT_SENT');
  await school.send(actors.manager, 'REPORT_PUBLISHED');
  expect(await school.handle.result()).toMatchObject({ status: 'published', grade: 'standards_not_met', breaches: 1 });
  expect((await school.view()).facts.deferrals).toBe(1);
});
