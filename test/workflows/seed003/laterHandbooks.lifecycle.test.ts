import { addWorkingDays } from '../../../calendar';
import { readLedger } from '../../../ledger';
import { useTimeSkippingWorker } from '../../support/inspectionHarness';
import { actors } from '../../support/pureDriver';
import { SKELETON_SAMPLES } from '../../machines/seed003Samples';
import { cafcassGood, iteGood, ilacsGood, stcGood } from '../../machines/seed003/samples';
import { lifecycleHelpers } from './lifecycleHelpers';

/** One full lifecycle per handbook of ILACS, secure training centres, Cafcass and ITE, on the time-skipping server. */
const servers = useTimeSkippingWorker();
const { start, due, sleepPast, refused, today } = lifecycleHelpers(servers);

describe('seed 003 inspections of ILACS, STC, Cafcass and ITE on the time-skipping server', () => {
  it("local authority children's services: a standard inspection, the DCS told the judgements before feedback, the QA manager's day, published", async () => {
    const inspection = await start('ilacs', { kind: 'standard' });
    await inspection.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the DCS\'s PA' });
    await inspection.send(actors.provider, 'DEFERRAL_REQUESTED', SKELETON_SAMPLES.DEFERRAL_REQUESTED![0]);
    await inspection.send(actors.manager, 'DEFERRAL_REFUSED');
    await servers.env.sleep('7 days');
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    await refused(inspection.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'too late: fieldwork started' }));
    await refused(inspection.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'no inspection pause in ILACS', dutyDeskContacted: true }));
    await inspection.send(actors.inspector, 'ACTIVITY_PAUSED_FOR_WELLBEING', { summary: 'social worker upset; discussion resumed later', wellbeingContactTold: true });
    await refused(inspection.send(actors.inspector, 'VISIT_FINDINGS_AGREED', { findings: 'not a visit' }));
    await servers.env.sleep('4 days');
    await inspection.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: ilacsGood });
    const told = await inspection.send(actors.inspector, 'DCS_TOLD_PROVISIONAL_JUDGEMENTS');
    expect(told.facts.dcsToldJudgementsOn).toBe(await today());
    await refused(inspection.send(actors.inspector, 'DCS_TOLD_PROVISIONAL_JUDGEMENTS')); // told once
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN');
    const end = feedback.facts.feedbackDate as string;
    expect(end).toBe(await today());
    expect(feedback.deadlines.map((d) => [d.clock, d.kind, d.due])).toEqual([['nextDayContact', 'window', addWorkingDays(end, 1)]]);
    await inspection.send(actors.provider, 'CONCERN_RAISED', { summary: 'evidence on care leavers not considered' });
    await refused(inspection.send(actors.manager, 'CONCERN_ROUTED', { handlerId: actors.inspector.id }));
    await inspection.send(actors.manager, 'CONCERN_ROUTED', { handlerId: 'qa-manager-1' });
    await inspection.send(actors.manager, 'JUDGEMENTS_CHANGED', { judgements: { ...ilacsGood, careLeavers: 'requires_improvement' }, reasons: 'moderation' });
    await inspection.send(actors.manager, 'QA_COMPLETED');
    const draft = await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    expect(draft.deadlines).toEqual([]); // ILACS states no draft, comment or final report timings
    await refused(inspection.send(actors.provider, 'COMMENT_WINDOW_CLOSED'));
    await inspection.send(actors.manager, 'COMMENT_WINDOW_CLOSED');
    await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
    await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    expect(await inspection.handle.result()).toMatchObject({ status: 'published', grade: 'good', breaches: 0 });
    const entries = await readLedger(servers.worker.db, inspection.inspectionId);
    expect(entries.filter((e) => e.kind === 'clock.expired')).toEqual([]);
  });

  it("local authority children's services: a focused visit ends with findings, the QA manager's day closing by itself", async () => {
    const inspection = await start('ilacs', { kind: 'focused_visit' });
    await inspection.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'head of service' });
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    await refused(inspection.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: ilacsGood }));
    await inspection.send(actors.inspector, 'VISIT_FINDINGS_AGREED', { findings: 'front door decisions are timely' });
    await refused(inspection.send(actors.inspector, 'DCS_TOLD_PROVISIONAL_JUDGEMENTS'));
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN');
    await sleepPast(due(feedback, 'nextDayContact')!.dueAt);
    expect((await inspection.view()).status).toBe('quality_assurance');
    await refused(inspection.send(actors.manager, 'JUDGEMENTS_CHANGED', { judgements: ilacsGood, reasons: 'a visit has none' }));
    await inspection.send(actors.manager, 'QA_COMPLETED');
    await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    await inspection.send(actors.provider, 'COMMENTS_SUBMITTED');
    await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
    await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    expect(await inspection.handle.result()).toMatchObject({ status: 'published', grade: null });
    expect((await inspection.view()).facts).toMatchObject({ findings: 'front door decisions are timely', judgements: null });
  });
  it('secure training centre: arrives without notice; CQC sends its requirement notice with the draft and its letter once agreed', async () => {
    const inspection = await start('secure-training-centre');
    await inspection.send(actors.inspector, 'INSPECTION_STARTED_UNANNOUNCED', { wellbeingContact: 'the director' });
    await refused(inspection.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'no deferral in STC' }));
    await inspection.send(actors.inspector, 'EARLY_WARNING_GIVEN', { concern: 'use of restraint records incomplete' });
    await servers.env.sleep('3 days');
    await inspection.send(actors.inspector, 'FIELDWORK_COMPLETED');
    await refused(inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: stcGood })); // CQC must say whether health standards are met
    const health = { ...stcGood, health: 'requires_improvement' };
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: health, healthcareStandardsMet: false });
    expect(feedback.facts.feedbackDate).toBe(await today());
    await sleepPast(due(feedback, 'nextDayContact')!.dueAt);
    await inspection.send(actors.manager, 'QA_COMPLETED');
    await refused(inspection.send(actors.inspector, 'REQUIREMENT_NOTICE_SENT')); // only with the draft
    const draft = await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    expect(draft.deadlines).toEqual([]); // the "timeframe section" is not on the page: no report clock
    await refused(inspection.send(actors.inspector, 'REQUIREMENT_LETTER_ISSUED', { requirementsAgreedOn: await today() })); // no notice yet
    await inspection.send(actors.inspector, 'REQUIREMENT_NOTICE_SENT');
    await refused(inspection.send(actors.inspector, 'REQUIREMENT_NOTICE_SENT'));
    await inspection.send(actors.provider, 'COMMENTS_SUBMITTED');
    await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
    await servers.env.sleep('5 days');
    const letterDay = await today();
    await inspection.send(actors.inspector, 'REQUIREMENT_LETTER_ISSUED', { requirementsAgreedOn: letterDay });
    await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    expect(await inspection.handle.result()).toMatchObject({ status: 'published', grade: 'good', breaches: 0 });
    expect((await inspection.view()).facts).toMatchObject({ healthcareStandardsMet: false, requirementNoticeSentOn: draft.facts.draftSentDate, requirementLetterIssuedOn: letterDay });
  });
  it('Cafcass: an inspection with a late-found concern routed to the QA manager; the final version to Cafcass and the MoJ, published', async () => {
    const inspection = await start('cafcass');
    await inspection.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'chair of the board' });
    await servers.env.sleep('5 days');
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    await refused(inspection.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'no inspection pause in CAF', dutyDeskContacted: true }));
    await inspection.send(actors.inspector, 'ACTIVITY_PAUSED_FOR_WELLBEING', { summary: 'FCA distressed; regional duty manager advised', wellbeingContactTold: true });
    await refused(inspection.send(actors.inspector, 'VISIT_FINDINGS_AGREED', { findings: 'an inspection judges' }));
    await servers.env.sleep('4 days');
    await inspection.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: cafcassGood });
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN');
    expect(feedback.deadlines.map((d) => [d.clock, d.due])).toEqual([['nextDayContact', addWorkingDays(feedback.facts.feedbackDate as string, 1)]]);
    await inspection.send(actors.provider, 'CONCERN_RAISED', { summary: 'private law sample not representative' });
    await inspection.send(actors.manager, 'CONCERN_ROUTED', { handlerId: 'qa-manager-1' });
    await inspection.send(actors.manager, 'QA_COMPLETED');
    await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    await inspection.send(actors.provider, 'COMMENTS_SUBMITTED');
    await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
    await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    expect(await inspection.handle.result()).toMatchObject({ status: 'published', grade: 'good', breaches: 0 });
    expect((await inspection.view()).facts).toMatchObject({ judgements: cafcassGood, findings: null, concerns: [expect.objectContaining({ handlerId: 'qa-manager-1' })] });
  });
  it('initial teacher education: four days on site with a pause, the draft within 18 working days, the comment window closing by itself', async () => {
    const inspection = await start('initial-teacher-education');
    await inspection.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'ITE partnership director' });
    await servers.env.sleep('1 day');
    const started = await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    expect(due(started, 'onSiteLength')!.due).toBe(addWorkingDays(started.facts.onSiteStartedOn as string, 3));
    await refused(inspection.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: { ...iteGood, overallEffectiveness: 'excellent' } }));
    await inspection.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'a serious incident at a partner school', dutyDeskContacted: true });
    await servers.env.sleep('1 day');
    await inspection.send(actors.manager, 'INSPECTION_RESUMED');
    await servers.env.sleep('3 days');
    await inspection.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: iteGood });
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN');
    const end = feedback.facts.feedbackDate as string;
    expect(due(feedback, 'draftReport')!.due).toBe(addWorkingDays(end, 18));
    await sleepPast(due(feedback, 'nextDayContact')!.dueAt);
    await refused(inspection.send(actors.manager, 'DRAFT_SHARED_WITH_THIRD_PARTY', { body: 'DfE' })); // only after QA
    await inspection.send(actors.manager, 'QA_COMPLETED');
    await inspection.send(actors.manager, 'DRAFT_SHARED_WITH_THIRD_PARTY', { body: 'DfE' });
    const draft = await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    expect(due(draft, 'commentWindow')).toMatchObject({ kind: 'window', due: addWorkingDays(draft.facts.draftSentDate as string, 5) });
    await sleepPast(due(draft, 'commentWindow')!.dueAt);
    expect((await inspection.view()).status).toBe('finalising_report');
    await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
    await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    expect(await inspection.handle.result()).toMatchObject({ status: 'published', grade: 'good', breaches: 0 });
  });
  it.each(['early-years', 'school-inspection', 'jtai'])('%s (placeholder, handbook only linked): the common skeleton runs from notification to publication', async (type) => {
    const inspection = await start(type);
    await inspection.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the most senior leader' });
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    await refused(inspection.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD', { judgements: { overallEffectiveness: 'good' } })); // no scale on the page
    await inspection.send(actors.inspector, 'FINAL_TEAM_MEETING_HELD');
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN');
    expect(feedback.deadlines.map((d) => d.clock)).toEqual(['nextDayContact']);
    await sleepPast(due(feedback, 'nextDayContact')!.dueAt);
    await inspection.send(actors.manager, 'QA_COMPLETED');
    await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
    await inspection.send(actors.manager, 'COMMENT_WINDOW_CLOSED');
    await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
    await inspection.send(actors.manager, 'REPORT_PUBLISHED');
    expect(await inspection.handle.result()).toMatchObject({ status: 'published', grade: null, breaches: 0 });
  });
});
