import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { addWorkingDays, workingDaysBetween } from '../../calendar';
import { readLedger, verifyChain } from '../../ledger';
import { getInspectionSummary } from '../../readModel';
import { InspectionHandle, goodJudgements, useTimeSkippingWorker, workflowBundle } from '../support/inspectionHarness';
import { actors } from '../support/pureDriver';
import { skipPast } from '../support/serverClock';

const servers = useTimeSkippingWorker();

const start = () => InspectionHandle.start(servers.env, servers.worker.taskQueue);

async function toDraftSent(inspection: InspectionHandle) {
  await inspection.send(actors.inspector, 'INSPECTION_STARTED');
  await servers.env.sleep('1 day');
  await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
  await servers.env.sleep('10 days');
  return inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
}

describe('inspection workflow on the time-skipping test server (SCCIF RFC full inspection)', () => {
  it('runs the whole lifecycle from scheduling to publication, skipping weeks in seconds', async () => {
    const inspection = await start();
    expect((await inspection.view()).status).toBe('scheduled');
    await inspection.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'registered manager on leave' });
    await inspection.send(actors.manager, 'DEFERRAL_REFUSED');
    const draft = await toDraftSent(inspection);
    expect(draft.status).toBe('awaiting_provider_comments');
    await servers.env.sleep('2 days');
    await inspection.send(actors.provider, 'COMMENTS_SUBMITTED');
    const final = await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
    const publicationDue = final.deadlines[0]!.due;
    expect(publicationDue).toBe(addWorkingDays(final.facts.finalReportSentDate as string, 5));

    const outcome = await inspection.handle.result(); // the server skips to the publication date
    expect(outcome).toEqual({ status: 'published', grade: 'good', breaches: 0, endedOn: expect.any(String), facts: expect.any(Object) });

    const entries = await readLedger(servers.worker.db, inspection.inspectionId);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.filter((e) => e.kind === 'decision.accepted').map((e) => e.data.event)).toEqual([
      'DEFERRAL_REQUESTED',
      'DEFERRAL_REFUSED',
      'INSPECTION_STARTED',
      'FEEDBACK_GIVEN',
      'DRAFT_REPORT_SENT',
      'COMMENTS_SUBMITTED',
      'FINAL_REPORT_SENT',
    ]);
    expect(entries.find((e) => e.kind === 'effect.completed')?.data).toMatchObject({ effect: 'publishReport', result: { publishedOn: publicationDue, grade: 'good' } });
    expect(await verifyChain(servers.worker.db, inspection.inspectionId)).toMatchObject({ ok: true, entries: entries.length });
    expect(await getInspectionSummary(servers.worker.db, inspection.inspectionId)).toMatchObject({ status: 'published', grade: 'good', openBreaches: 0 });
    const published = await servers.worker.db.query<{ grade: string }>('SELECT grade FROM publications WHERE inspection_id = $1', [inspection.inspectionId]);
    expect(published).toEqual([{ grade: 'good' }]);

    // No decision met a clock due but not fired, so the patch for that case was never needed: no marker, and no
    // TemporalChangeVersion upsert with it (patchedWhereItMatters). The history replays on the same code.
    const history = await inspection.handle.fetchHistory();
    expect(history.events!.filter((e) => e.markerRecordedEventAttributes)).toEqual([]);
    const upserted = history.events!.flatMap((e) => Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}));
    expect(upserted).toContain('InspectionStatus');
    expect(upserted).not.toContain('TemporalChangeVersion');
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, inspection.inspectionId);
  });

  it("closes the provider's comment window on its own when 5 working days pass", async () => {
    const inspection = await start();
    const draft = await toDraftSent(inspection);
    const closes = draft.deadlines.find((d) => d.clock === 'commentWindow')!;
    expect(closes.due).toBe(addWorkingDays(draft.facts.draftSentDate as string, 5));
    await skipPast(servers.env, closes.dueAt);
    const view = await inspection.view();
    expect(view.status).toBe('finalising_report');
    const entries = await readLedger(servers.worker.db, inspection.inspectionId);
    expect(entries.find((e) => e.kind === 'clock.expired')?.data).toMatchObject({ clock: 'commentWindow', event: 'COMMENT_WINDOW_CLOSED', due: closes.due });
  });

  it('stops the final-report clock during a complaint and extends it afterwards', async () => {
    const inspection = await start();
    const draft = await toDraftSent(inspection);
    const originalDue = draft.deadlines.find((d) => d.clock === 'finalReport')!.due;
    await servers.env.sleep('1 day');
    await inspection.send(actors.provider, 'COMPLAINT_MADE', { summary: 'findings not supported by evidence' });
    await servers.env.sleep('40 days'); // well past the original 30 working days
    const during = await inspection.view();
    expect(during).toMatchObject({ status: 'complaint_under_review', deadlines: [], breaches: [] });
    const after = await inspection.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' });
    const { complaintReceivedDate, finalReportSentDate } = after.facts;
    expect(finalReportSentDate).toBeNull();
    const extension = workingDaysBetween(complaintReceivedDate as string, after.lastEventDate!);
    expect(extension).toBeGreaterThan(20);
    expect(after.deadlines.find((d) => d.clock === 'finalReport')!.due).toBe(addWorkingDays(originalDue, extension));
  });

  it('rejects a decision in the wrong state before it reaches history', async () => {
    const inspection = await start();
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    const refused = await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    const failure = (refused as WorkflowUpdateFailedError).cause as ApplicationFailure;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure.type).toBe('DecisionRefused.not_allowed_now');
    expect(failure.message).toContain('allowed now: INSPECTION_PAUSED, ON_SITE_EXTENDED, FIELDWORK_COMPLETED, FEEDBACK_GIVEN');
    const forbidden = await inspection.send(actors.provider, 'FEEDBACK_GIVEN', { judgements: goodJudgements }).catch((e: unknown) => e);
    expect(((forbidden as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('DecisionRefused.forbidden');

    const { events } = await inspection.handle.fetchHistory();
    const accepted = (events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    const names = accepted.map((e) => e.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest!.input!.name);
    expect(names).toEqual(['recordDecision']); // only INSPECTION_STARTED
    expect(events!.some((e) => e.workflowExecutionUpdateRejectedEventAttributes)).toBe(false);
    expect((await inspection.view()).stage).toBe('onSite.fieldwork');
  });


  it('refuses, in the validator, text no database stores and dates the calendar cannot place, from any client', async () => {
    const inspection = await start();
    const refusal = (update: Promise<unknown>) => update.then(() => null, (e: WorkflowUpdateFailedError) => e.cause as ApplicationFailure);
    const refusals = [
      await refusal(inspection.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'away\u0000' })),
      await refusal(inspection.send(actors.inspector, 'INSPECTION_STARTED', { at: '2205-01-05' })),
    ];
    expect(refusals.map((f) => f?.type)).toEqual(['DecisionRefused.invalid_payload', 'DecisionRefused.invalid_date']);
    expect(refusals[1]?.message).toMatch(/at: is outside the dates the working-day calendar covers/);

    const { events } = await inspection.handle.fetchHistory();
    expect(events!.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
    expect(events!.some((e) => e.workflowTaskFailedEventAttributes)).toBe(false);
    expect((await inspection.view()).stage).toBe('scheduled');
  });
  it('freezes the on-site clock while paused and resumes it, extended by the pause', async () => {
    const inspection = await start();
    const started = await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    const firstDue = started.deadlines.find((d) => d.clock === 'onSiteLength')!.due;
    await inspection.send(actors.manager, 'INSPECTION_PAUSED', { reason: 'serious incident' });
    await servers.env.sleep('7 days');
    const paused = await inspection.view();
    expect(paused).toMatchObject({ status: 'paused', deadlines: [], breaches: [] });
    const resumed = await inspection.send(actors.manager, 'INSPECTION_RESUMED');
    const pausedDays = resumed.facts.pausedWorkingDays as number;
    expect(pausedDays).toBe(workingDaysBetween(started.facts.onSiteStartedAt as string, resumed.lastEventDate!));
    const due = resumed.deadlines.find((d) => d.clock === 'onSiteLength')!.due;
    expect(due).toBe(addWorkingDays(firstDue, pausedDays));
    await skipPast(servers.env, resumed.deadlines.find((d) => d.clock === 'onSiteLength')!.dueAt);
    const late = await inspection.view();
    expect(late.status).toBe('on_site'); // a target running out does not move the inspection on: it is overdue
    expect(late.deadlines.find((d) => d.clock === 'onSiteLength')).toMatchObject({ due, overdue: true });
    const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
    expect(feedback.breaches.map((b) => [b.clock, b.due, b.resolvedOn])).toEqual([['onSiteLength', due, feedback.facts.feedbackDate]]);
  });
});
