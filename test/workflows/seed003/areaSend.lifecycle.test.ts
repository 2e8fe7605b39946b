import { addWorkingDays } from '../../../calendar';
import { InspectionHandle, useTimeSkippingWorker } from '../../support/inspectionHarness';
import { actors } from '../../support/pureDriver';

/** An area SEND inspection on the time-skipping server: only the next-day contact is timed; people do the rest. */
const servers = useTimeSkippingWorker();

it('areas of significant concern: a concern routed on the working day after, then the report published by a manager', async () => {
  const area = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'area-send', 1, {});
  await area.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'deputy DCS' });
  await servers.env.sleep('14 days'); // week 1 set-up to the week 3 fieldwork
  await area.send(actors.inspector, 'INSPECTION_STARTED');
  await area.send(actors.inspector, 'ACTIVITY_PAUSED_FOR_WELLBEING', { summary: 'SENCo upset in a tracking meeting', wellbeingContactTold: true });
  await area.send(actors.inspector, 'FIELDWORK_COMPLETED');
  await expect(area.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { outcome: 'inadequate', areasOfSignificantConcern: true } })).rejects.toThrow();
  const feedback = await area.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { outcome: 'widespread_or_systemic_failings', areasOfSignificantConcern: true } });
  expect(feedback.deadlines.map((d) => [d.clock, d.kind, d.due])).toEqual([['nextDayContact', 'window', addWorkingDays(feedback.facts.feedbackDate as string, 1)]]);
  await area.send(actors.provider, 'CONCERN_RAISED', { summary: 'sampling visits misread as inspections of providers' });
  await expect(area.send(actors.manager, 'CONCERN_ROUTED', { handlerId: actors.inspector.id })).rejects.toThrow();
  await area.send(actors.manager, 'CONCERN_ROUTED', { handlerId: 'inspector-2' });
  await area.send(actors.manager, 'QA_COMPLETED');
  await area.send(actors.inspector, 'DRAFT_REPORT_SENT');
  expect((await area.view()).deadlines).toEqual([]);
  await area.send(actors.provider, 'COMMENTS_SUBMITTED');
  await area.send(actors.manager, 'FINAL_REPORT_SENT');
  await area.send(actors.manager, 'REPORT_PUBLISHED');
  expect(await area.handle.result()).toMatchObject({ status: 'published', grade: 'widespread_or_systemic_failings', breaches: 0 });
  expect((await area.view()).facts.judgements).toMatchObject({ areasOfSignificantConcern: true });
});
