import { addWorkingDays } from '../../../calendar';
import { readLedger } from '../../../ledger';
import { InspectionHandle, useTimeSkippingWorker } from '../../support/inspectionHarness';
import { actors } from '../../support/pureDriver';
import { lifecycleHelpers } from './lifecycleHelpers';

/** A Childcare Register compliance inspection on the time-skipping server, from the call to publication. */
const servers = useTimeSkippingWorker();
const { due, sleepPast } = lifecycleHelpers(servers);

it('not met with actions: the absent nominated individual is told late (a breach), the report published by a manager', async () => {
  const inspection = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'childcare-register-compliance', 1, {});
  await inspection.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'area manager', supportedBy: 'deputy manager' });
  await servers.env.sleep('1 day');
  await inspection.send(actors.inspector, 'INSPECTION_STARTED');
  await inspection.send(actors.inspector, 'ACTIVITY_PAUSED_FOR_WELLBEING', { summary: 'manager upset', wellbeingContactTold: true });
  await expect(inspection.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'significant event', dutyDeskContacted: true })).rejects.toThrow();
  await inspection.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'significant event', dutyDeskContacted: true, regionalDirectorAdvice: 'resume tomorrow' });
  await servers.env.sleep('1 day');
  await inspection.send(actors.manager, 'INSPECTION_RESUMED');
  await inspection.send(actors.inspector, 'FIELDWORK_COMPLETED');
  await expect(inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { outcome: 'requires_improvement' } })).rejects.toThrow();
  const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { outcome: 'not_met_actions' }, nominatedIndividualAtFeedback: false });
  const end = feedback.facts.feedbackDate as string;
  expect(feedback.deadlines.map((d) => [d.clock, d.kind, d.due])).toEqual([
    ['nextDayContact', 'window', addWorkingDays(end, 1)],
    ['nominatedIndividualTold', 'target', addWorkingDays(end, 1)],
  ]);
  await sleepPast(due(feedback, 'nominatedIndividualTold')!.dueAt);
  expect((await inspection.view()).status).toBe('quality_assurance'); // the contact window closed by itself
  const told = await inspection.send(actors.inspector, 'NOMINATED_INDIVIDUAL_TOLD');
  expect(told.deadlines).toEqual([]);
  await expect(inspection.send(actors.inspector, 'NOMINATED_INDIVIDUAL_TOLD')).rejects.toThrow();
  await inspection.send(actors.manager, 'QA_COMPLETED');
  await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
  expect((await inspection.view()).deadlines).toEqual([]); // no comment window on the page: a manager closes it
  await expect(inspection.send(actors.provider, 'COMMENT_WINDOW_CLOSED')).rejects.toThrow();
  await inspection.send(actors.manager, 'COMMENT_WINDOW_CLOSED');
  await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
  await inspection.send(actors.manager, 'REPORT_PUBLISHED');
  expect(await inspection.handle.result()).toMatchObject({ status: 'published', grade: 'not_met_actions', breaches: 1 });
  const entries = await readLedger(servers.worker.db, inspection.inspectionId);
  expect(entries.filter((e) => e.kind === 'clock.expired').map((e) => e.data.clock)).toEqual(['nextDayContact']);
  expect(entries.filter((e) => e.kind === 'deadline.missed').map((e) => e.data.clock)).toEqual(['nominatedIndividualTold']);
});

it('unannounced, met: no one to tell, no breach', async () => {
  const inspection = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'childcare-register-compliance', 1, {});
  await inspection.send(actors.inspector, 'INSPECTION_STARTED_UNANNOUNCED', { wellbeingContact: 'declined' });
  await inspection.send(actors.inspector, 'FIELDWORK_COMPLETED');
  const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { outcome: 'met' }, nominatedIndividualAtFeedback: false });
  expect(due(feedback, 'nominatedIndividualTold')).toBeUndefined();
  await expect(inspection.send(actors.inspector, 'NOMINATED_INDIVIDUAL_TOLD')).rejects.toThrow();
  await sleepPast(due(feedback, 'nextDayContact')!.dueAt);
  await inspection.send(actors.manager, 'QA_COMPLETED');
  await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
  await inspection.send(actors.provider, 'COMMENTS_SUBMITTED');
  await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
  await inspection.send(actors.manager, 'REPORT_PUBLISHED');
  expect(await inspection.handle.result()).toMatchObject({ status: 'published', grade: 'met', breaches: 0 });
});
