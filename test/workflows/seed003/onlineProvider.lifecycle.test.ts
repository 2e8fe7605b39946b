import { addWorkingDays, startOfLondonDay } from '../../../calendar';
import { InspectionHandle, useTimeSkippingWorker } from '../../support/inspectionHarness';
import { actors } from '../../support/pureDriver';
import { lifecycleHelpers } from './lifecycleHelpers';

/** Online provider visits on the time-skipping server: an accreditation visit to publication, and the withdrawal. */
const servers = useTimeSkippingWorker();
const { due } = lifecycleHelpers(servers);
const start = (kind: string) => InspectionHandle.start(servers.env, servers.worker.taskQueue, 'online-provider-visit', 1, { kind });

it('accreditation visit: a late deferral request refused, standards not all met, draft within 5 working days, published', async () => {
  const visit = await start('accreditation');
  const notified = await visit.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'unknown' });
  const cutOff = startOfLondonDay(notified.facts.notifiedOn as string) + (16 * 60 + 31) * 60_000;
  await servers.env.sleep(Math.max(0, cutOff - (await servers.env.currentTimeMs())));
  const late = await visit.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'only one pupil this week' });
  expect(late.facts.deferralRequestLate).toBe(true);
  await visit.send(actors.manager, 'DEFERRAL_REFUSED');
  await servers.env.sleep('1 day');
  await visit.send(actors.inspector, 'INSPECTION_STARTED');
  await expect(visit.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'no pause in OLP', dutyDeskContacted: true })).rejects.toThrow();
  await servers.env.sleep('1 day');
  await visit.send(actors.inspector, 'FIELDWORK_COMPLETED');
  const judgements = { standardsNotMet: ['Part 3: welfare, health and safety'] };
  const feedback = await visit.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements });
  const end = feedback.facts.feedbackDate as string;
  expect(feedback.deadlines.map((d) => [d.clock, d.due])).toEqual([
    ['nextDayContact', addWorkingDays(end, 1)],
    ['draftReport', addWorkingDays(end, 5)],
  ]);
  await servers.env.sleep(Math.max(0, Date.parse(due(feedback, 'nextDayContact')!.dueAt) - (await servers.env.currentTimeMs())) + 60_000);
  await visit.send(actors.manager, 'QA_COMPLETED');
  await visit.send(actors.manager, 'DRAFT_SHARED_WITH_THIRD_PARTY', { body: 'DfE' });
  await visit.send(actors.inspector, 'DRAFT_REPORT_SENT');
  await visit.send(actors.manager, 'COMMENT_WINDOW_CLOSED');
  await visit.send(actors.manager, 'FINAL_REPORT_SENT');
  await visit.send(actors.manager, 'REPORT_PUBLISHED');
  expect(await visit.handle.result()).toMatchObject({ status: 'published', grade: 'standards_not_met', breaches: 0 });
});

it('refused deferral and consent withheld: an accreditation application is withdrawn; an additional visit cannot be', async () => {
  const additional = await start('additional');
  await additional.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'deputy head' });
  await additional.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'leader on leave' });
  await expect(additional.send(actors.provider, 'CONSENT_WITHHELD', { confirmed: true })).rejects.toThrow();
  expect((await additional.send(actors.manager, 'DEFERRAL_REFUSED')).status).toBe('notified');

  const accreditation = await start('accreditation');
  await accreditation.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'deputy head' });
  await accreditation.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'leader on leave' });
  await expect(accreditation.send(actors.provider, 'CONSENT_WITHHELD', {})).rejects.toThrow();
  await accreditation.send(actors.provider, 'CONSENT_WITHHELD', { confirmed: true });
  expect(await accreditation.handle.result()).toMatchObject({ status: 'withdrawn' });
});
