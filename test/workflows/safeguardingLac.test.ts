import { addWorkingDays } from '../../calendar';
import type { InspectionView } from '../../engine';
import { readLedger, verifyChain } from '../../ledger';
import { InspectionHandle, useTimeSkippingWorker } from '../support/inspectionHarness';
import { actors } from '../support/pureDriver';
import { skipPast } from '../support/serverClock';

const servers = useTimeSkippingWorker();

const grades = <T extends string>(keys: readonly T[], grade: string) => Object.fromEntries(keys.map((k) => [k, grade])) as Record<T, string>;
const judgements = {
  safeguarding: grades(
    ['overallEffectiveness', 'capacityForImprovement', 'ambitionAndPrioritisation', 'leadershipAndManagement', 'performanceManagementAndQualityAssurance', 'partnershipWorking', 'contributionOfHealthAgencies', 'qualityOfProvision', 'safeguardingOutcomes', 'equalityAndDiversity'],
    'adequate',
  ),
  lookedAfterChildren: grades(
    ['overallEffectiveness', 'capacityForImprovement', 'ambitionAndPrioritisation', 'leadershipAndManagement', 'performanceManagementAndQualityAssurance', 'qualityOfProvision', 'beingHealthy', 'stayingSafe', 'enjoyingAndAchieving', 'makingAPositiveContribution', 'economicWellBeing', 'equalityAndDiversity'],
    'good',
  ),
};

const start = () => InspectionHandle.start(servers.env, servers.worker.taskQueue, 'safeguarding-lac', 1);
const due = (view: InspectionView, clock: string) => view.deadlines.find((d) => d.clock === clock)!;

describe('safeguarding and looked after children inspection on the time-skipping server (seed 001)', () => {
  it('runs the lifecycle from notice to publication and the close of the complaint window', async () => {
    const inspection = await start();
    expect((await inspection.view()).status).toBe('scheduled,no_open_complaint');
    const notified = await inspection.send(actors.manager, 'NOTICE_GIVEN', { fieldworkStartsOn: '2030-01-01', cqcInspector: 'cqc-42' });
    expect(due(notified, 'notice').due).toBe(addWorkingDays(notified.facts.notifiedAt as string, 10));
    await servers.env.sleep('2 days');
    await inspection.send(actors.inspector, 'SET_UP_MEETING_HELD');
    await inspection.send(actors.inspector, 'CASES_SELECTED', { safeguardingCases: 4, lookedAfterChildrenCases: 4 });
    await servers.env.sleep('3 days');
    await inspection.send(actors.inspector, 'FIELDWORK_STARTED');
    await inspection.send(actors.inspector, 'FURTHER_CASES_SELECTED', { safeguardingCases: 6, lookedAfterChildrenCases: 6 });
    await inspection.send(actors.provider, 'CASE_AUDIT_SHARED');
    const told = await inspection.send(actors.inspector, 'SIGNIFICANT_RISK_TOLD_TO_DCS', { summary: 'unassessed referral' });
    expect(told.status).toBe('on_site,no_open_complaint');
    await servers.env.sleep('2 hours');
    await inspection.send(actors.inspector, 'RISK_CONFIRMED_IN_WRITING');
    await servers.env.sleep('7 days');
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements });
    const end = feedback.facts.feedbackDate as string;
    expect(feedback.deadlines.map((d) => [d.clock, d.due])).toEqual([
      ['draftReport', addWorkingDays(end, 10)],
      ['finalReport', addWorkingDays(end, 20)],
    ]);
    await servers.env.sleep('5 days');
    await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    await servers.env.sleep('2 days');
    await inspection.send(actors.provider, 'FACTUAL_ACCURACY_COMMENTS_RETURNED');
    const final = await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
    expect(due(final, 'publication')).toMatchObject({ due: addWorkingDays(end, 25), kind: 'automatic' });

    const outcome = await inspection.handle.result(); // publication on the 25th working day, then 30 calendar days
    expect(outcome).toEqual({ status: 'complaints_closed,published', grade: 'adequate', breaches: 0, endedOn: expect.any(String), facts: expect.any(Object) });

    const entries = await readLedger(servers.worker.db, inspection.inspectionId);
    const expired = entries.filter((e) => e.kind === 'clock.expired').map((e) => [e.data.clock, e.data.event]);
    expect(expired).toEqual([
      ['publication', 'REPORT_PUBLISHED'],
      ['complaintWindow', 'COMPLAINT_WINDOW_CLOSED'],
    ]);
    expect(entries.find((e) => e.kind === 'effect.completed')?.data).toMatchObject({ effect: 'publishReport', result: { publishedOn: addWorkingDays(end, 25), grade: 'adequate' } });
    expect(await verifyChain(servers.worker.db, inspection.inspectionId)).toMatchObject({ ok: true, entries: entries.length });
    const view = await inspection.view();
    expect(view.facts).toMatchObject({
      jointInspectorate: { body: 'Care Quality Commission', inspector: 'cqc-42' },
      judgements,
      riskNotices: [expect.objectContaining({ summary: 'unassessed referral', confirmedInWritingOn: expect.any(String) })],
    });
  });

  it('takes the zero-notice route and publishes on time while a complaint is still open', async () => {
    const inspection = await start();
    const started = await inspection.send(actors.manager, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: 'judged_inadequate_previously', cqcInspector: 'cqc-7' });
    expect(started.status).toBe('on_site,no_open_complaint');
    expect(started.deadlines.map((d) => d.clock)).toEqual(['onSiteLength']);
    await servers.env.sleep('9 days');
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements });
    const end = feedback.facts.feedbackDate as string;
    await inspection.send(actors.provider, 'COMPLAINT_MADE', { summary: 'findings not supported', healthCareAspects: true });
    await servers.env.sleep('6 days');
    const draft = await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    expect(draft.status).toBe('awaiting_factual_accuracy_comments,complaint_under_review');
    await skipPast(servers.env, due(draft, 'factualAccuracyWindow').dueAt); // the director sends nothing: the window closes
    expect((await inspection.view()).status).toBe('finalising_report,complaint_under_review');
    const final = await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
    await skipPast(servers.env, due(final, 'publication').dueAt);

    const published = await inspection.view();
    expect(published).toMatchObject({ status: 'published,complaint_under_review', done: false, grade: 'adequate', breaches: [] });
    expect(published.facts.publishedDate).toBe(addWorkingDays(end, 25));
    const rows = await servers.worker.db.query<{ grade: string }>('SELECT grade FROM publications WHERE inspection_id = $1', [inspection.inspectionId]);
    expect(rows).toEqual([{ grade: 'adequate' }]);

    const resolved = await inspection.send(actors.manager, 'COMPLAINT_RESOLVED', { outcome: 'referred_to_cqc' });
    expect(resolved.status).toBe('published,no_open_complaint');
    expect(await inspection.handle.result()).toEqual({ status: 'complaints_closed,published', grade: 'adequate', breaches: 0, endedOn: expect.any(String), facts: expect.any(Object) });
  });
});
