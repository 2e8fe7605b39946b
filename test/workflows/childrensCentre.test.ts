import { addCalendarMonths, addWorkingDays } from '../../calendar';
import { readLedger, verifyChain } from '../../ledger';
import { type ChildrensCentreJudgements, uniformJudgements } from '../../machines/childrens-centre/judgements';
import { eventually } from '../support/eventually';
import { InspectionHandle, useTimeSkippingWorker } from '../support/inspectionHarness';
import { actors } from '../support/pureDriver';
import { skipDays, skipPast, skipPastClock } from '../support/serverClock';

const servers = useTimeSkippingWorker();

const good = uniformJudgements('good');
const inadequate: ChildrensCentreJudgements = { ...good, overallEffectiveness: 'inadequate' };
const start = () => InspectionHandle.start(servers.env, servers.worker.taskQueue, 'childrens-centre', 1);

describe("children's centre inspection on the time-skipping test server (seed 000)", () => {
  it('runs the whole lifecycle: notice, contact, linked inspection, report, publication, action plan, complaint window', async () => {
    const inspection = await start();
    await inspection.send(actors.manager, 'LINKED_INSPECTION_RECORDED', { linkedId: 'EY-1', kind: 'early_years' });
    const notified = await inspection.send(actors.manager, 'CENTRE_NOTIFIED', { notifiedBy: 'ofsted' });
    expect(notified.status).toBe('awaiting_lead_inspector_contact,notice_period');
    await inspection.send(actors.inspector, 'LEAD_INSPECTOR_CONTACTED');
    await servers.env.sleep('7 days'); // the notice is served by itself
    expect((await inspection.view()).status).toBe('lead_inspector_contact_made,notice_served');
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    await servers.env.sleep('1 day');
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: good });
    const feedbackDate = feedback.facts.feedbackDate as string;
    expect(feedback.deadlines.find((d) => d.clock === 'publication')!.due).toBe(addWorkingDays(feedbackDate, 15));
    await servers.env.sleep('3 days');
    await inspection.send(actors.inspector, 'DRAFT_SENT');
    await inspection.send(actors.provider, 'COMMENTS_SUBMITTED');
    await inspection.send(actors.inspector, 'LINKED_REPORT_SENT', { linkedId: 'EY-1' });
    const published = await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    expect(published.status).toBe('awaiting_action_plan,complaint_window_open,linked_reports_sent');
    await servers.env.sleep('20 days');
    await inspection.send(actors.provider, 'ACTION_PLAN_RECEIVED');

    const outcome = await inspection.handle.result(); // the server skips to the end of the complaint window
    expect(outcome).toEqual({ status: 'closed', grade: 'good', breaches: 0, endedOn: expect.any(String), facts: expect.any(Object) });
    const entries = await readLedger(servers.worker.db, inspection.inspectionId);
    expect(entries.filter((e) => e.kind === 'clock.expired').map((e) => [e.data.clock, e.data.due])).toEqual([
      ['noticePeriod', addWorkingDays(notified.facts.notificationDate as string, 2)],
      ['complaintWindow', addCalendarMonths(feedbackDate, 3)],
    ]);
    expect(entries.find((e) => e.kind === 'effect.completed')?.data).toMatchObject({ effect: 'publishReport', result: { grade: 'good' } });
    expect(await verifyChain(servers.worker.db, inspection.inspectionId)).toMatchObject({ ok: true, entries: entries.length });
    const rows = await servers.worker.db.query<{ grade: string }>('SELECT grade FROM publications WHERE inspection_id = $1', [inspection.inspectionId]);
    expect(rows).toEqual([{ grade: 'good' }]);
  });

  it("takes the zero-notice route; an inadequate centre's 5-working-day comment window closes by itself", async () => {
    const inspection = await start();
    const onSite = await inspection.send(actors.inspector, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: "children's welfare" });
    expect(onSite).toMatchObject({ status: 'on_site', facts: { noticeGiven: false } });
    expect(onSite.deadlines.map((d) => d.clock)).toEqual(['onSiteLength']);
    await servers.env.sleep('1 day');
    await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: inadequate });
    await servers.env.sleep('2 days');
    const draft = await inspection.send(actors.inspector, 'DRAFT_SENT');
    expect(draft.stage).toContain('afterInspection.report.commentWindowInadequate');
    const closes = draft.deadlines.find((d) => d.clock === 'factualAccuracyCommentsInadequate')!;
    expect(closes.due).toBe(addWorkingDays(draft.facts.draftSentDate as string, 5));
    await skipDays(servers.env, 4);
    expect((await inspection.view()).stage).toContain('commentWindowInadequate'); // 4 calendar days < 5 working days
    await skipPast(servers.env, closes.dueAt);
    const after = await inspection.view();
    expect(after.stage).toContain('afterInspection.report.finalising');
    const entries = await readLedger(servers.worker.db, inspection.inspectionId);
    expect(entries.find((e) => e.kind === 'clock.expired')?.data).toMatchObject({
      clock: 'factualAccuracyCommentsInadequate',
      event: 'COMMENT_WINDOW_CLOSED',
      due: closes.due,
    });
  });

  it("shows the local authority's late action plan overdue, a manager escalates it, and the late plan is a breach", async () => {
    const inspection = await start();
    await inspection.send(actors.inspector, 'INSPECTION_STARTED_WITHOUT_NOTICE', { reason: 'safeguarding concern' });
    await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: good });
    await inspection.send(actors.inspector, 'DRAFT_SENT');
    await inspection.send(actors.provider, 'COMMENTS_SUBMITTED');
    const published = await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    const due = published.deadlines.find((d) => d.clock === 'actionPlan')!.due;
    expect(due).toBe(addCalendarMonths(published.facts.reportReceivedDate as string, 2));
    await expect(inspection.send(actors.manager, 'ACTION_PLAN_ESCALATED', { reason: 'too soon' })).rejects.toThrow(); // not overdue yet
    await skipPastClock(servers.env, published, 'actionPlan');
    const late = await inspection.view();
    expect(late.stage).toContain('afterInspection.report.actionPlanDue'); // a target: the inspection does not move
    expect(late.deadlines.find((d) => d.clock === 'actionPlan')).toMatchObject({ due, overdue: true });
    expect(late.breaches).toEqual([]); // overdue, awaiting the record
    const escalated = await inspection.send(actors.manager, 'ACTION_PLAN_ESCALATED', { reason: 'no plan after two months' });
    expect(escalated.status).toContain('action_plan_escalated');
    const received = await inspection.send(actors.provider, 'ACTION_PLAN_RECEIVED');
    expect(received.breaches.map((b) => [b.clock, b.due, b.resolvedOn])).toEqual([['actionPlan', due, received.facts.actionPlanReceivedDate]]);
    // The ledger is written after the Update answers: wait for the entry the late plan adds.
    const entries = await eventually(async () => {
      const read = await readLedger(servers.worker.db, inspection.inspectionId);
      return read.some((e) => e.kind === 'deadline.missed') ? read : undefined;
    });
    expect(entries.find((e) => e.kind === 'deadline.overdue')?.data).toMatchObject({ clock: 'actionPlan', due });
    expect(entries.find((e) => e.kind === 'deadline.missed')?.data).toMatchObject({ clock: 'actionPlan', due, answeredOn: received.facts.actionPlanReceivedDate });
  });
});
