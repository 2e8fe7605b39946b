import { addCalendarMonths, addCalendarDays, addWorkingDays, startOfLondonDay } from '../../calendar';
import { readLedger, verifyChain } from '../../ledger';
import { useTimeSkippingWorker } from '../support/inspectionHarness';
import { actors } from '../support/pureDriver';
import { agencyGood, deemedGood, sccifGood } from '../machines/seed003Samples';
import { lifecycleHelpers } from './seed003/lifecycleHelpers';

/** One full lifecycle per seed 003 handbook built from the fragments, on the time-skipping server. */
const servers = useTimeSkippingWorker();
const { start, due, sleepPast, refused, today } = lifecycleHelpers(servers);

describe('seed 003 inspections on the time-skipping server', () => {
  it('further education and skills: a short inspection extended into a full one at feedback, then published', async () => {
    const inspection = await start('fes-inspection', { kind: 'short' });
    const notified = await inspection.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'chair of governors', nominee: 'Vice principal' });
    expect(due(notified, 'followUpCall')!.due).toBe(addWorkingDays(notified.facts.notifiedOn as string, 1));
    await inspection.send(actors.inspector, 'FOLLOW_UP_CALL_MADE');
    await servers.env.sleep('2 days');
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    await refused(inspection.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: { overallEffectiveness: 'good', leadershipAndManagement: 'good' } }));
    await inspection.send(actors.inspector, 'SHORT_INSPECTION_OUTCOME_DECIDED', { outcome: 'may_no_longer_be_good_or_outstanding' });
    const converted = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN');
    expect(converted).toMatchObject({ status: 'on_site', facts: { kind: 'full', convertedFromShortOn: await today(), feedbackDate: null } });
    expect(converted.deadlines).toEqual([]);

    await servers.env.sleep('2 days');
    await inspection.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: { overallEffectiveness: 'requires_improvement', leadershipAndManagement: 'requires_improvement' } });
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN');
    const end = feedback.facts.feedbackDate as string;
    expect(feedback.deadlines.map((d) => [d.clock, d.due])).toEqual([
      ['nextDayContact', addWorkingDays(end, 1)],
      ['draftReport', addWorkingDays(end, 18)],
    ]);
    await sleepPast(due(feedback, 'nextDayContact')!.dueAt);
    expect((await inspection.view()).status).toBe('quality_assurance');
    await refused(inspection.send(actors.manager, 'DRAFT_SHARED_WITH_THIRD_PARTY', { body: 'FE Commissioner' }));
    await inspection.send(actors.manager, 'QA_COMPLETED');
    await inspection.send(actors.manager, 'DRAFT_SHARED_WITH_THIRD_PARTY', { body: 'FE Commissioner' });
    await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    await inspection.send(actors.provider, 'COMMENTS_SUBMITTED');
    await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
    await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    expect(await inspection.handle.result()).toMatchObject({ status: 'published', grade: 'requires_improvement', breaches: 0 });
    const rows = await servers.worker.db.query<{ grade: string }>('SELECT grade FROM publications WHERE inspection_id = $1', [inspection.inspectionId]);
    expect(rows).toEqual([{ grade: 'requires_improvement' }]);
  });

  it("school monitoring: the early monitoring inspection after a safeguarding-only inadequate is deemed graded", async () => {
    const publishedOn = addCalendarDays(await today(), -20);
    const inspection = await start('school-monitoring', { kind: 'early_safeguarding', gradedReportPublishedOn: publishedOn });
    expect(due(await inspection.view(), 'earlyMonitoring')!.due).toBe(addCalendarMonths(publishedOn, 3));
    const notified = await inspection.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the trust' });
    // After 4.30pm on notification day a request is marked late: granting it needs the reason it was considered.
    const cutOff = startOfLondonDay(notified.facts.notifiedOn as string) + (16 * 60 + 31) * 60_000;
    await servers.env.sleep(Math.max(0, cutOff - (await servers.env.currentTimeMs())));
    const late = await inspection.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'headteacher bereaved' });
    expect(late.facts.deferralRequestLate).toBe(true);
    await refused(inspection.send(actors.manager, 'DEFERRAL_GRANTED'));
    await inspection.send(actors.manager, 'DEFERRAL_REFUSED');
    await servers.env.sleep('1 day');
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    await inspection.send(actors.inspector, 'EARLY_WARNING_GIVEN', { concern: 'single central record incomplete' });
    await servers.env.sleep('1 day');
    await inspection.send(actors.inspector, 'FIELDWORK_COMPLETED');
    // Deemed graded only because "safeguarding is now effective".
    await refused(inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { ...deemedGood, deemedGraded: { overallEffectiveness: 'good', safeguardingEffective: false } } }));
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: deemedGood });
    const end = feedback.facts.feedbackDate as string;
    await inspection.send(actors.provider, 'CONCERN_RAISED', { summary: 'feedback meeting ran very late' });
    await refused(inspection.send(actors.manager, 'CONCERN_ROUTED', { handlerId: actors.inspector.id }));
    await inspection.send(actors.manager, 'CONCERN_ROUTED', { handlerId: 'inspector-2' });
    await inspection.send(actors.manager, 'QA_COMPLETED');
    const draft = await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    expect(due(draft, 'commentWindow')!.due).toBe(addWorkingDays(draft.facts.draftSentDate as string, 5));
    expect(due(draft, 'finalReport')!.due).toBe(addWorkingDays(end, 30));
    await sleepPast(due(draft, 'commentWindow')!.dueAt);
    expect((await inspection.view()).status).toBe('finalising_report');
    await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
    await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    const outcome = await inspection.handle.result();
    expect(outcome).toMatchObject({ status: 'published', grade: 'good', breaches: 0 });
    expect((await inspection.view()).facts).toMatchObject({ judgements: deemedGood, concerns: [expect.objectContaining({ handlerId: 'inspector-2' })] });
  });

  it('childminder agency: childminder visits, a pause advised by the regional director, and the complaint window closing', async () => {
    const inspection = await start('childminder-agency', { previousInspectionEndedOn: '2023-06-01' });
    await inspection.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'agency owner' });
    await servers.env.sleep('2 days');
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    const visit = await inspection.send(actors.inspector, 'CHILDMINDER_VISIT_STARTED');
    expect(due(visit, 'childminderVisitLength')).toMatchObject({ kind: 'target' });
    await servers.env.sleep('2 hours');
    await inspection.send(actors.inspector, 'CHILDMINDER_VISIT_ENDED', { childcareProvider: 'CM-42' });
    await refused(inspection.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'serious incident', dutyDeskContacted: true }));
    await inspection.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'serious incident', dutyDeskContacted: true, regionalDirectorAdvice: 'pause until Monday' });
    await servers.env.sleep('3 days');
    await inspection.send(actors.manager, 'INSPECTION_RESUMED');
    await inspection.send(actors.inspector, 'FIELDWORK_COMPLETED');
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: agencyGood });
    await sleepPast(due(feedback, 'nextDayContact')!.dueAt);
    await inspection.send(actors.manager, 'QA_COMPLETED');
    await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    await inspection.send(actors.provider, 'COMMENTS_SUBMITTED');
    const final = await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
    expect(final.status).toBe('complaint_window_open');
    expect(due(final, 'complaintWindow')).toMatchObject({ kind: 'window', due: addWorkingDays(final.facts.finalReportSentDate as string, 5) });
    await sleepPast(due(final, 'complaintWindow')!.dueAt); // the agency lodges nothing: the window closes
    expect((await inspection.view()).status).toBe('awaiting_publication');
    await refused(inspection.send(actors.provider, 'COMPLAINT_MADE', { summary: 'too late' }));
    await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    const outcome = await inspection.handle.result();
    expect(outcome).toMatchObject({ status: 'published', grade: 'good' });
    const view = await inspection.view();
    expect(view.facts.nextInspectionDueBy).toBe(addCalendarMonths(feedback.facts.feedbackDate as string, 36));
    const entries = await readLedger(servers.worker.db, inspection.inspectionId);
    expect(entries.filter((e) => e.kind === 'clock.expired').map((e) => [e.data.clock, e.data.event])).toEqual([
      ['nextDayContact', 'NEXT_DAY_CONTACT_CLOSED'],
      ['complaintWindow', 'COMPLAINT_WINDOW_CLOSED'],
    ]);
    expect(await verifyChain(servers.worker.db, inspection.inspectionId)).toMatchObject({ ok: true });
  });

  it("children's home: an unannounced full inspection, a changed judgement told before the draft, published", async () => {
    const inspection = await start('sccif-childrens-home', { kind: 'full' });
    await inspection.send(actors.inspector, 'INSPECTION_STARTED_UNANNOUNCED', { wellbeingContact: 'responsible individual', feedbackAttendees: 'RM and RI' });
    await inspection.send(actors.inspector, 'EARLY_WARNING_GIVEN', { concern: 'missing-from-care records' });
    await inspection.send(actors.inspector, 'ACTIVITY_PAUSED_FOR_WELLBEING', { summary: 'staff member upset', wellbeingContactTold: true });
    await refused(inspection.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'no pause in SCCIF', dutyDeskContacted: true }));
    await servers.env.sleep('1 day');
    await inspection.send(actors.inspector, 'FIELDWORK_COMPLETED');
    await servers.env.sleep('1 day');
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: sccifGood, likelyRequirements: ['Regulation 12'] });
    const end = feedback.facts.feedbackDate as string;
    await sleepPast(due(feedback, 'nextDayContact')!.dueAt);
    const changed = { ...sccifGood, overallExperiencesAndProgress: 'requires_improvement' };
    await inspection.send(actors.manager, 'JUDGEMENTS_CHANGED', { judgements: changed, reasons: 'evidence on missing children' });
    await inspection.send(actors.manager, 'QA_COMPLETED');
    await refused(inspection.send(actors.inspector, 'DRAFT_REPORT_SENT'));
    await inspection.send(actors.inspector, 'PROVIDER_TOLD_OF_CHANGED_JUDGEMENTS');
    await servers.env.sleep('5 days');
    const draft = await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    expect(due(draft, 'finalReport')!.due).toBe(addWorkingDays(end, 30));
    await sleepPast(due(draft, 'commentWindow')!.dueAt);
    await inspection.send(actors.inspector, 'FINAL_REPORT_SENT');
    await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    expect(await inspection.handle.result()).toMatchObject({ status: 'published', grade: 'requires_improvement', breaches: 0 });
  });
});
