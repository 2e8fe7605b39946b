import { addWorkingDays } from '../../../calendar';
import { InspectionHandle, useTimeSkippingWorker } from '../../support/inspectionHarness';
import { actors } from '../../support/pureDriver';
import { lifecycleHelpers } from './lifecycleHelpers';

/** An independent school standard inspection on the time-skipping server, from the call to publication. */
const servers = useTimeSkippingWorker();
const { due, sleepPast } = lifecycleHelpers(servers);
const grades = (overall: string) => ({
  overallEffectiveness: overall,
  qualityOfEducation: overall,
  behaviourAndAttitudes: 'good',
  personalDevelopment: 'good',
  leadershipAndManagement: overall,
  safeguardingEffective: true,
  issParagraph7Met: true,
});

it('a pause with the DfE told, judgements at the final team meeting, the comment window closing, 18/30 working days', async () => {
  const school = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'independent-school', 1, { aligned: true });
  await school.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'chair of the proprietor body' });
  await servers.env.sleep('1 day');
  await school.send(actors.inspector, 'INSPECTION_STARTED');
  await school.send(actors.inspector, 'EARLY_WARNING_GIVEN', { concern: 'curriculum in key stage 3 not well planned' });
  await expect(school.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'pupil seriously hurt', dutyDeskContacted: true })).rejects.toThrow();
  const today = (await school.view()).lastEventDate;
  await school.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'pupil seriously hurt', dutyDeskContacted: true, dfeToldOn: today });
  await servers.env.sleep('2 days');
  await school.send(actors.manager, 'INSPECTION_RESUMED');
  await expect(school.send(actors.inspector, 'FEEDBACK_GIVEN')).rejects.toThrow(); // judgements first, at the final team meeting
  await school.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: grades('requires_improvement') });
  const feedback = await school.send(actors.inspector, 'FEEDBACK_GIVEN');
  const end = feedback.facts.feedbackDate as string;
  expect(feedback.deadlines.map((d) => [d.clock, d.due])).toEqual([
    ['nextDayContact', addWorkingDays(end, 1)],
    ['draftReport', addWorkingDays(end, 18)],
    ['finalReport', addWorkingDays(end, 30)],
  ]);
  await sleepPast(due(feedback, 'nextDayContact')!.dueAt);
  await school.send(actors.manager, 'QA_COMPLETED');
  await school.send(actors.manager, 'DRAFT_SHARED_WITH_THIRD_PARTY', { body: 'DfE' });
  const draft = await school.send(actors.inspector, 'DRAFT_REPORT_SENT');
  await sleepPast(due(draft, 'commentWindow')!.dueAt);
  expect((await school.view()).status).toBe('finalising_report');
  await school.send(actors.manager, 'FINAL_REPORT_SENT');
  await school.send(actors.manager, 'REPORT_PUBLISHED');
  expect(await school.handle.result()).toMatchObject({ status: 'published', grade: 'requires_improvement', breaches: 0 });
  expect((await school.view()).facts.pauses).toEqual([expect.objectContaining({ dfeToldOn: today })]);
});
