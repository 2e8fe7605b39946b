import { addWorkingDays } from '../../../calendar';
import { readLedger } from '../../../ledger';
import { InspectionHandle, useTimeSkippingWorker } from '../../support/inspectionHarness';
import { actors } from '../../support/pureDriver';
import { lifecycleHelpers } from './lifecycleHelpers';

/** An ECF lead provider monitoring visit on the time-skipping server: the LPMV letter published by itself at 38 working days. */
const servers = useTimeSkippingWorker();
const { due, sleepPast } = lifecycleHelpers(servers);

it('LPMV: judgement at the final team meeting, every report clock from the end, the letter published by itself', async () => {
  const visit = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'ecf-lead-provider', 1, { kind: 'monitoring' });
  await visit.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'deputy director' });
  await servers.env.sleep('3 days');
  await visit.send(actors.inspector, 'INSPECTION_STARTED');
  await visit.send(actors.inspector, 'EARLY_WARNING_GIVEN', { concern: 'delivery partners report weak mentor training' });
  await servers.env.sleep('2 days');
  await expect(visit.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: { overallEffectiveness: 'good' } })).rejects.toThrow();
  await visit.send(actors.inspector, 'LPMV_JUDGEMENT_MADE', { judgements: { leadersTakingEffectiveAction: false } });
  const feedback = await visit.send(actors.inspector, 'FEEDBACK_GIVEN');
  const end = feedback.facts.feedbackDate as string;
  expect(feedback.deadlines.map((d) => [d.clock, d.due])).toEqual([
    ['nextDayContact', addWorkingDays(end, 1)],
    ['draftReport', addWorkingDays(end, 18)],
    ['finalReport', addWorkingDays(end, 30)],
  ]);
  await sleepPast(due(feedback, 'nextDayContact')!.dueAt);
  await expect(visit.send(actors.manager, 'JUDGEMENTS_CHANGED', { judgements: { overallEffectiveness: 'good' }, reasons: 'QA' })).rejects.toThrow();
  await visit.send(actors.manager, 'JUDGEMENTS_CHANGED', { judgements: { leadersTakingEffectiveAction: true }, reasons: 'moderation' });
  await visit.send(actors.manager, 'QA_COMPLETED');
  await visit.send(actors.manager, 'DRAFT_SHARED_WITH_THIRD_PARTY', { body: 'DfE' });
  const draft = await visit.send(actors.inspector, 'DRAFT_REPORT_SENT');
  expect(due(draft, 'commentWindow')!.due).toBe(addWorkingDays(draft.facts.draftSentDate as string, 5));
  await sleepPast(due(draft, 'commentWindow')!.dueAt);
  const final = await visit.send(actors.manager, 'FINAL_REPORT_SENT');
  expect(due(final, 'publication')).toMatchObject({ kind: 'automatic', due: addWorkingDays(end, 38) });
  await expect(visit.send(actors.manager, 'REPORT_PUBLISHED')).rejects.toThrow(); // the clock publishes
  await sleepPast(due(final, 'publication')!.dueAt);
  expect(await visit.handle.result()).toMatchObject({ status: 'published', grade: 'taking_effective_action', breaches: 0 });
  const entries = await readLedger(servers.worker.db, visit.inspectionId);
  expect(entries.filter((e) => e.kind === 'clock.expired').map((e) => e.data.clock)).toEqual(['nextDayContact', 'commentWindow', 'publication']);
});
