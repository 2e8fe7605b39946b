import { addWorkingDays } from '../../calendar';
import { InspectionHandle, goodJudgements, useTimeSkippingWorker } from '../support/inspectionHarness';
import { actors } from '../support/pureDriver';
import { refusalOf } from '../support/updateRefusal';
import { skipPastClock } from '../support/serverClock';

/**
 * On the time-skipping server: the concerns ladder of sccif-rfc-full v3 (seed 002 §"Concerns or complaints about an
 * inspection") and a possible offence on a monitoring visit, sccif-rfc-monitoring-visit v2 (seed 002 §"Finding evidence
 * of possible offences"), as the API drives them (Updates, refused before they reach history).
 */
const servers = useTimeSkippingWorker();

const ledgerOf = (inspectionId: string) =>
  servers.worker.db.query<{ kind: string; data: { clock?: string; event?: string } }>(`SELECT kind, data FROM ledger_entries WHERE inspection_id = $1 ORDER BY seq`, [inspectionId]);

describe('the concerns ladder (sccif-rfc-full v3)', () => {
  it("goes from the inspector to the inspector's RIM on site, then on the working day after to a RIM independent of both", async () => {
    const i = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'sccif-rfc-full', 3);
    await i.send(actors.inspector, 'INSPECTION_STARTED');
    await i.send(actors.provider, 'CONCERN_RAISED_ON_SITE', { summary: 'case files chosen unfairly' });
    await i.send(actors.inspector, 'CONCERN_ANSWERED_BY_INSPECTOR', { actionTaken: 'sampling explained', resolved: false });
    await i.send(actors.provider, 'CONCERN_TAKEN_TO_RIM');
    await i.send(actors.manager, 'CONCERN_ANSWERED_BY_RIM', { response: 'sampling stands', resolved: false });
    await servers.env.sleep('1 day');
    const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
    const end = feedback.facts.feedbackDate as string;
    expect(feedback.status).toBe('next_day_contact_open');
    expect(feedback.deadlines.find((d) => d.clock === 'nextDayContact')).toMatchObject({ kind: 'window', due: addWorkingDays(end, 1) });

    await servers.env.sleep('1 day');
    await i.send(actors.provider, 'CONCERN_RAISED', { summary: "parents' evidence not considered" });
    expect(await refusalOf(i.send(actors.manager, 'CONCERN_ROUTED', { handlerId: actors.inspector.id }))).toMatch(/inspector-1 is the inspection's own inspector or their RIM/);
    expect(await refusalOf(i.send(actors.manager, 'CONCERN_ROUTED', { handlerId: actors.manager.id }))).toMatch(/manager-1 is the inspection's own inspector or their RIM/);
    expect((await i.view()).status).toBe('concern_being_routed'); // nothing changed
    const routed = await i.send(actors.manager, 'CONCERN_ROUTED', { handlerId: 'rim-north-west' });
    expect(routed.status).toBe('quality_assurance');
    const answered = await i.send(actors.manager, 'CONCERN_ANSWERED_BY_INDEPENDENT_RIM', { outcome: 'resolved', answer: 'the evidence was seen; explained' });
    expect(answered.facts.concerns).toMatchObject([{ handlerId: 'rim-north-west', outcome: 'resolved' }]);
    expect(answered.facts.onSiteConcerns).toMatchObject([{ status: 'unresolved', rimId: 'manager-1' }]);

    const entries = await ledgerOf(i.inspectionId);
    expect(entries.filter((e) => e.kind === 'clock.expired').map((e) => e.data.clock)).toEqual([]); // routed before the window closed
  });

  it('closes the next-day window by itself; then comments on the draft, and a complaint on the final report that does not hold publication', async () => {
    const i = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'sccif-rfc-full', 3);
    await i.send(actors.inspector, 'INSPECTION_STARTED');
    const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
    expect(await refusalOf(i.send(actors.inspector, 'DRAFT_REPORT_SENT'))).toMatch(/not allowed/);
    await skipPastClock(servers.env, feedback, 'nextDayContact');
    expect(await refusalOf(i.send(actors.provider, 'CONCERN_RAISED', { summary: 'too late' }))).toMatch(/not allowed/);
    const draft = await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
    expect(draft.facts.draftSentDate! > (feedback.facts.feedbackDate as string)).toBe(true);
    await i.send(actors.provider, 'COMMENTS_SUBMITTED');
    const final = await i.send(actors.manager, 'FINAL_REPORT_SENT');
    const complained = await i.send(actors.provider, 'FINAL_REPORT_COMPLAINT_MADE', { summary: 'the grade is unfair' });
    expect(complained).toMatchObject({ status: 'awaiting_publication', facts: { finalReportComplaint: { summary: 'the grade is unfair' } } });
    await skipPastClock(servers.env, final, 'publication');
    expect(await i.handle.result()).toMatchObject({ status: 'published', grade: 'good' });
    const entries = await ledgerOf(i.inspectionId);
    expect(entries.filter((e) => e.kind === 'clock.expired').map((e) => e.data.clock)).toEqual(['nextDayContact', 'publication']);
  });
});

describe('a possible offence on a monitoring visit (sccif-rfc-monitoring-visit v2)', () => {
  it('stops the visit after advice: recorded, ungraded, no report clocks', async () => {
    const i = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'sccif-rfc-monitoring-visit', 2, { kind: 'specific_concern' });
    await i.send(actors.inspector, 'VISIT_STARTED', { purpose: 'a concern about unregistered provision' });
    const suspected = await i.send(actors.inspector, 'OFFENCE_SUSPECTED', { advisedBy: 'social_care_compliance_inspector', summary: 'families placed at a second address' });
    expect(suspected.status).toBe('offence_suspected');
    expect(await refusalOf(i.send(actors.inspector, 'FEEDBACK_GIVEN', {}))).toMatch(/not allowed/);
    await i.send(actors.manager, 'INSPECTION_STOPPED_FOR_OFFENCE', { reason: 'police investigation under way' });
    const outcome = await i.handle.result();
    expect(outcome).toMatchObject({ status: 'stopped', grade: null, facts: { offence: { decision: 'stop', advisedBy: 'social_care_compliance_inspector' } } });
    expect((await i.view()).deadlines).toEqual([]);
  });

  it('or continues it, and the visit may still re-grade', async () => {
    const i = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'sccif-rfc-monitoring-visit', 2, { kind: 'progress_after_inadequate' });
    await i.send(actors.inspector, 'VISIT_STARTED', { purpose: 'progress since the inadequate inspection' });
    await i.send(actors.inspector, 'OFFENCE_SUSPECTED', { advisedBy: 'regulatory_inspection_manager', summary: 'records falsified' });
    await i.send(actors.inspector, 'INSPECTION_CONTINUED_AFTER_ADVICE');
    const feedback = await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { ...goodJudgements, overallExperiencesAndProgress: 'requires_improvement' } });
    expect(feedback).toMatchObject({ status: 'manager_review', facts: { grade: 'requires_improvement', offence: { decision: 'continue' } } });
    expect(feedback.deadlines.map((d) => d.clock)).toEqual(['draftReport', 'finalReport']);
  });
});
