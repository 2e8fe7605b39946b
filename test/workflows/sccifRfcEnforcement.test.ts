import { randomUUID } from 'node:crypto';
import { addCalendarDays, addCalendarMonths, addWorkingDays } from '../../calendar';
import type { InspectionView } from '../../engine';
import { readLedger } from '../../ledger';
import type { Actor, Role } from '../../machines/kit';
import { INSPECTION_WORKFLOW, type InspectionOutcome, type StartInspectionInput, confirmMissedUpdate, inspectionStateQuery, recordDecisionUpdate } from '../../workflows/messages';
import { useTimeSkippingWorker } from '../support/inspectionHarness';
import { PROVIDER_ID, actors } from '../support/pureDriver';
import { serverDay, skipDays, skipPastClock } from '../support/serverClock';
import { CURRENT_ENGINE_REVISION } from '../../engine';

/**
 * The enforcement machines of seed 002 (SCCIF residential family centres) run by the generic inspection
 * workflow on the time-skipping server: each is started with its input, as the per-centre workflow will.
 */
const servers = useTimeSkippingWorker();

async function start(type: string, input: Record<string, unknown>) {
  const id = `${type}-${randomUUID()}`;
  const args: StartInspectionInput = { inspectionId: id, type, version: 1, providerId: PROVIDER_ID, input, createdBy: actors.manager, engineRevision: CURRENT_ENGINE_REVISION };
  await servers.env.client.workflow.start(INSPECTION_WORKFLOW, { workflowId: id, taskQueue: servers.worker.taskQueue, args: [args] });
  const handle = servers.env.client.workflow.getHandle(id);
  return {
    id,
    send: (role: Role, event: string, fields: Record<string, unknown> = {}): Promise<InspectionView> =>
      handle.executeUpdate(recordDecisionUpdate, { args: [{ decision: { event, ...fields }, actor: actors[role] }] }),
    view: () => handle.query(inspectionStateQuery),
    result: () => handle.result() as Promise<InspectionOutcome>,
    ledger: () => readLedger(servers.worker.db, id),
  };
}

const today = () => serverDay(servers.env);

describe('SCCIF RFC enforcement on the time-skipping server (seed 002)', () => {
  it('compliance notice: the compliance date passes by itself, the follow-up visit is on time, the notice is met and closed', async () => {
    const complianceDate = addCalendarDays(await today(), 7);
    const notice = await start('sccif-rfc-compliance-notice', { noticeId: 'CN-1', requirement: 'Regulation 12', complianceDate });
    const served = await notice.view();
    expect(served.status).toBe('awaiting_compliance_date');
    expect(served.deadlines.map((d) => [d.clock, d.due])).toEqual([
      ['complianceDate', complianceDate],
      ['followUpVisit', addWorkingDays(complianceDate, 5)],
    ]);

    await skipPastClock(servers.env, served, 'complianceDate');
    const due = await notice.view();
    expect(due.status).toBe('follow_up_visit_due');
    await notice.send('inspector', 'FOLLOW_UP_VISITED', { visitId: 'MV-1' });
    await notice.send('inspector', 'NOTICE_OUTCOME_RECORDED', { outcome: 'met' });
    await notice.send('manager', 'NOTICE_CASE_REVIEW_DECIDED', { decision: 'close' });
    expect(await notice.result()).toMatchObject({ status: 'closed', grade: null, breaches: 0, endedOn: null });

    const ledger = await notice.ledger();
    expect(ledger.find((e) => e.kind === 'clock.expired')?.data).toMatchObject({ clock: 'complianceDate', due: complianceDate, event: 'COMPLIANCE_DATE_PASSED' });
    expect(ledger.find((e) => e.kind === 'deadline.closed' && e.data.clock === 'followUpVisit')?.data).toMatchObject({ met: true });
  });

  it('case review: overdue past its 5 working days, a manager confirms it missed; the late decision answers it, alerts are sent and confirmed', async () => {
    const endedOn = await today();
    const review = await start('sccif-rfc-case-review', { inspectionEndedOn: endedOn });
    const due = addWorkingDays(endedOn, 5);
    expect((await review.view()).deadlines.map((d) => [d.clock, d.due, d.kind])).toEqual([['caseReview', due, 'target']]);
    const debriefed = await review.send('inspector', 'DEBRIEF_HELD', { recommendation: 'reinspect within 6 months; compliance notice' });

    await skipPastClock(servers.env, debriefed, 'caseReview');
    const late = await review.view();
    expect(late).toMatchObject({ status: 'awaiting_case_review', breaches: [] });
    expect(late.deadlines).toEqual([expect.objectContaining({ clock: 'caseReview', due, overdue: true })]);
    const confirm = (actor: Actor) => servers.env.client.workflow.getHandle(review.id).executeUpdate(confirmMissedUpdate, { args: [{ clock: 'caseReview', reason: 'no panel date', actor }] });
    await expect(confirm(actors.inspector)).rejects.toThrow(); // a manager's call
    const confirmed = await confirm(actors.manager);
    expect(confirmed.breaches).toEqual([expect.objectContaining({ clock: 'caseReview', due, resolvedOn: null })]);

    const decided = await review.send('manager', 'CASE_REVIEW_DECIDED', {
      nextInspectionBy: addCalendarMonths(endedOn, 12),
      nextInspectionType: 'full',
      monitoringVisits: { everyWeeks: 4, announced: false },
      complianceNotices: [{ noticeId: 'CN-1', requirement: 'Regulation 12', complianceDate: addCalendarDays(endedOn, 40) }],
    });
    expect(decided.breaches[0]!.resolvedOn).toBe(decided.lastEventDate);
    await review.send('inspector', 'LA_ALERTS_SENT', { currentAuthorities: 1, previousSixMonthsAuthorities: 2 });
    await review.send('inspector', 'LA_ALERTS_CONFIRMED');
    expect(await review.result()).toMatchObject({ status: 'alerts_confirmed', grade: null, breaches: 1, endedOn: null });
    const ledger = await review.ledger();
    expect(ledger.find((e) => e.kind === 'deadline.missed')?.data).toMatchObject({ clock: 'caseReview', due });
  });

  const ri = { overallExperiencesAndProgress: 'requires_improvement', helpAndProtection: 'requires_improvement', leadershipAndManagement: 'requires_improvement' };

  async function visitToFinalReport(input: Record<string, unknown>) {
    const visit = await start('sccif-rfc-monitoring-visit', input);
    await visit.send('inspector', 'VISIT_STARTED', { purpose: 'progress since the inadequate inspection' });
    const feedback = await visit.send('inspector', 'FEEDBACK_GIVEN', { judgements: ri });
    await skipDays(servers.env, 5);
    await visit.send('inspector', 'DRAFT_REPORT_SENT');
    await visit.send('provider', 'COMMENTS_SUBMITTED');
    const final = await visit.send('manager', 'FINAL_REPORT_SENT');
    return { visit, feedback, final };
  }

  it('monitoring visit that re-grades: published by itself 5 working days after the final report, with the new grade', async () => {
    const { visit, feedback, final } = await visitToFinalReport({ kind: 'progress_after_inadequate' });
    expect(feedback.grade).toBe('requires_improvement');
    const publicationDue = addWorkingDays(final.facts.finalReportSentDate as string, 5);
    expect(final.deadlines.map((d) => [d.clock, d.due])).toEqual([['publication', publicationDue]]);
    const outcome = await visit.result(); // the server skips to the publication date
    expect(outcome).toMatchObject({ status: 'published', grade: 'requires_improvement', breaches: 0, endedOn: feedback.facts.feedbackDate });
    const ledger = await visit.ledger();
    expect(ledger.find((e) => e.kind === 'effect.completed')?.data).toMatchObject({ effect: 'publishReport', result: { publishedOn: publicationDue, grade: 'requires_improvement' } });
  });

  it('monitoring visit the regional director decides not to publish: ends not published, nothing published', async () => {
    const { visit, final } = await visitToFinalReport({ kind: 'compliance_or_enforcement', announced: true });
    expect(final.status).toBe('awaiting_publication');
    await skipDays(servers.env, 1);
    const withheld = await visit.send('manager', 'PUBLICATION_WITHHELD', { decidedBy: 'regional_director', reasons: 'exceptional: a police investigation would be prejudiced' });
    expect(withheld).toMatchObject({ status: 'not_published', deadlines: [] });
    expect(await visit.result()).toMatchObject({ status: 'not_published', grade: 'requires_improvement', breaches: 0 });
    const ledger = await visit.ledger();
    expect(ledger.some((e) => e.kind === 'effect.requested' || e.kind === 'clock.expired')).toBe(false);
    const published = await servers.worker.db.query('SELECT 1 FROM publications WHERE inspection_id = $1', [visit.id]);
    expect(published).toEqual([]);
  });

  it('requirement: its due date passes by itself, it is found not met and escalated to enforcement', async () => {
    const dueDate = addCalendarDays(await today(), 3);
    const req = await start('sccif-rfc-requirement', { requirementId: 'R-1', regulation: 'Regulation 12', dueDate });
    const set = await req.view();
    expect(set.deadlines.map((d) => [d.clock, d.due])).toEqual([['dueDate', dueDate]]);
    await skipPastClock(servers.env, set, 'dueDate');
    expect((await req.view()).status).toBe('awaiting_check');
    await req.send('inspector', 'REQUIREMENT_CHECKED', { outcome: 'not_met' });
    await req.send('manager', 'ESCALATED_TO_ENFORCEMENT', { action: 'compliance_notice' });
    expect(await req.result()).toMatchObject({ status: 'enforcement', grade: null, breaches: 0, endedOn: null });
  });

  it('recommendation: checked at the next inspection and turned into a requirement', async () => {
    const rec = await start('sccif-rfc-recommendation', { recommendationId: 'REC-1', standard: 'NMS 5', nextInspectionDueBy: addCalendarMonths(await today(), 12) });
    await skipDays(servers.env, 60);
    await rec.send('inspector', 'RECOMMENDATION_CHECKED', { outcome: 'turned_into_requirement', requirementDueDate: addCalendarMonths(await today(), 3), regulation: 'Regulation 12' });
    expect(await rec.result()).toMatchObject({ status: 'turned_into_requirement', grade: null, breaches: 0, endedOn: null });
  });
});
