import { addCalendarDays, addCalendarMonths, londonDateOf, startOfLondonDay } from '../../calendar';
import { CENTRE_CYCLE_WORKFLOW, type CentreCycleInput, type CentreCycleState, centreCycleStateQuery, recordManagerChangeUpdate } from '../../workflows/centreMessages';
import { inspectionStateQuery } from '../../workflows/messages';
import { versionInForce } from '../../machines/registry';
import { InspectionHandle, goodJudgements, useTimeSkippingWorker } from '../support/inspectionHarness';
import { eventually } from '../support/eventually';
import { PROVIDER_ID, actors } from '../support/pureDriver';
import { refusalOf } from '../support/updateRefusal';

/**
 * The situations of seed 002 that reach beyond one inspection, on the time-skipping server: requirements and
 * recommendations made at feedback started as their own workflows, each with its own date; a change of registered
 * manager bringing the centre's next inspection forward and reaching the leadership judgement.
 */
const servers = useTimeSkippingWorker();

const today = async () => londonDateOf(await servers.env.currentTimeMs());
const workflow = (id: string) => servers.env.client.workflow.getHandle(id);

describe('requirements and recommendations made at feedback (sccif-rfc-full v2)', () => {
  it('are raised as their own workflows at once, each requirement with its own date, running while the report is written', async () => {
    const inspection = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'sccif-rfc-full', 2);
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    const feedbackOn = await today();
    const soon = addCalendarDays(feedbackOn, 3); // before the draft report is even due
    const later = addCalendarMonths(feedbackOn, 3);
    await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', {
      judgements: { ...goodJudgements, overallExperiencesAndProgress: 'requires_improvement' },
      requirements: [
        { requirementId: 'R1', regulation: 'Regulation 12: protection of children', dueDate: soon },
        { requirementId: 'R2', regulation: 'Regulation 16: staffing', dueDate: later },
      ],
      recommendations: [{ recommendationId: 'N1', standard: 'NMS 5: assessment' }],
    });

    const child = (key: string) => workflow(`${inspection.inspectionId}-${key}`);
    const [r1, r2, n1] = await eventually(async () => {
      const views = await Promise.all(['requirement-1', 'requirement-2', 'recommendation-1'].map((k) => child(k).query(inspectionStateQuery)));
      return views.every((v) => v.status === 'open') ? views : undefined;
    });
    expect(r1).toMatchObject({ type: 'sccif-rfc-requirement', providerId: PROVIDER_ID, facts: { requirementId: 'R1', dueDate: soon } });
    expect(r1!.deadlines.map((d) => [d.clock, d.due])).toEqual([['dueDate', soon]]);
    expect(r2!.deadlines.map((d) => [d.clock, d.due])).toEqual([['dueDate', later]]);
    // checked at the next inspection, due within 18 months after requires improvement
    expect(n1).toMatchObject({ type: 'sccif-rfc-recommendation', facts: { standard: 'NMS 5: assessment', nextInspectionDueBy: addCalendarMonths(feedbackOn, 18) } });

    // The ledger of the inspection says what was started.
    const audit = await servers.worker.db.query<{ data: { result: { started: { key: string }[] } } }>(
      `SELECT data FROM ledger_entries WHERE inspection_id = $1 AND kind = 'effect.completed'`,
      [inspection.inspectionId],
    );
    expect(audit.map((r) => r.data.result.started.map((s) => s.key))).toEqual([['requirement-1', 'requirement-2', 'recommendation-1']]);

    // The first requirement's date passes with the inspection still in quality assurance: it waits to be checked.
    await servers.env.sleep(startOfLondonDay(addCalendarDays(soon, 1)) - (await servers.env.currentTimeMs()) + 3_600_000);
    expect((await inspection.view()).status).toBe('quality_assurance');
    expect((await child('requirement-1').query(inspectionStateQuery)).status).toBe('awaiting_check');
    expect((await child('requirement-2').query(inspectionStateQuery)).status).toBe('open');
  });

  it('a set of judgements that breaks the limiting rules is refused before it reaches history, naming the rule', async () => {
    const inspection = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'sccif-rfc-full', 2);
    await inspection.send(actors.inspector, 'INSPECTION_STARTED');
    const judgements = { overallExperiencesAndProgress: 'requires_improvement', helpAndProtection: 'inadequate', leadershipAndManagement: 'good' };
    expect(await refusalOf(inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements }))).toMatch(/must be inadequate \(limiting judgement\)/);
    expect((await inspection.view()).status).toBe('on_site');
  });
});

describe('a recommendation checked at the next inspection and turned into a requirement (sccif-rfc-recommendation v2)', () => {
  it('starts the requirement as its own workflow, with the date the inspector set', async () => {
    const recommendation = await InspectionHandle.start(servers.env, servers.worker.taskQueue, 'sccif-rfc-recommendation', 2, {
      recommendationId: 'N1',
      standard: 'NMS 5: assessment',
    });
    const dueDate = addCalendarDays(await today(), 20);
    await recommendation.send(actors.inspector, 'RECOMMENDATION_CHECKED', { outcome: 'turned_into_requirement', requirementDueDate: dueDate, regulation: 'Regulation 12' });
    const requirement = await eventually(() => workflow(`${recommendation.inspectionId}-requirement`).query(inspectionStateQuery));
    expect(requirement).toMatchObject({ type: 'sccif-rfc-requirement', status: 'open', facts: { requirementId: 'N1 (requirement)', regulation: 'Regulation 12', dueDate } });
    expect(requirement.deadlines.map((d) => [d.clock, d.due])).toEqual([['dueDate', dueDate]]);
    expect((await recommendation.view()).status).toBe('turned_into_requirement');
  });
});

describe('no registered manager: the centre cycle', () => {
  async function register(overrides: Partial<CentreCycleInput>) {
    const centreId = `centre-${Math.random().toString(16).slice(2)}`;
    const input: CentreCycleInput = { centreId, providerId: PROVIDER_ID, registeredOn: '2025-01-06', last: null, inspectionsCompleted: 0, searchAttributes: true, ...overrides };
    await servers.env.client.workflow.start(CENTRE_CYCLE_WORKFLOW, { workflowId: centreId, taskQueue: servers.worker.taskQueue, args: [input] });
    return workflow(centreId);
  }
  const stateOf = (centre: ReturnType<typeof workflow>, until: (s: CentreCycleState) => boolean) =>
    eventually(async () => {
      const s = await centre.query(centreCycleStateQuery);
      return until(s) ? s : undefined;
    });

  it('a manager leaving, notified late, brings the next inspection forward; the inspection knows the post is vacant', async () => {
    // Requires improvement a month ago: the next inspection opens 12 months after it.
    const lastOn = addCalendarMonths(await today(), -1);
    const centre = await register({ last: { endedOn: lastOn, grade: 'requires_improvement' } });
    const waiting = await stateOf(centre, () => true);
    expect(waiting).toMatchObject({ current: null, window: { opens: addCalendarMonths(lastOn, 12) } });

    // Five months on, the manager left three weeks ago and is only notified now.
    await servers.env.sleep('150 days');
    const notifiedOn = await today();
    const leftOn = addCalendarDays(notifiedOn, -21);
    const onTime = await centre.executeUpdate(recordManagerChangeUpdate, {
      args: [{ change: 'absence', from: addCalendarDays(notifiedOn, 40), lastsDays: 30, emergency: false, notifiedOn, interimArrangementsSatisfactory: true }],
    });
    expect(onTime).toMatchObject({ broughtForward: null, current: null, managerChanges: [{ change: 'absence', late: false, bringsForward: null }] });

    const late = await centre.executeUpdate(recordManagerChangeUpdate, {
      args: [{ change: 'left', from: leftOn, emergency: false, recruitmentEvidence: 'active', notifiedOn, interimArrangementsSatisfactory: true }],
    });
    expect(late.managerChanges![1]).toMatchObject({ change: 'left', notifyBy: addCalendarDays(leftOn, -28), late: true });
    expect(late.broughtForward).toMatch(/the manager leaving from .* was notified on/);
    expect(late.window).toMatchObject({ opens: notifiedOn, dueBy: notifiedOn, rule: expect.stringContaining('Brought forward on') }); // inspect now
    expect(late.manager).toEqual({ position: 'vacant', vacantSince: leftOn, recruitmentEvidence: 'active' });

    const started = await stateOf(centre, (s) => s.current?.kind === 'full_inspection');
    expect(await today()).toBe(notifiedOn); // now, not when the window opens
    const inspection = await workflow(started.current!.inspectionId).query(inspectionStateQuery);
    expect(inspection).toMatchObject({ type: 'sccif-rfc-full', version: versionInForce('sccif-rfc-full', notifiedOn).version, facts: { scheduledFor: notifiedOn, managerPosition: { position: 'vacant', vacantSince: leftOn } } });
    // With no registered manager in post, the inspector asks to interview the responsible individual before fieldwork ends.
    const running = InspectionHandle.of(servers.env.client, started.current!.inspectionId);
    await running.send(actors.inspector, 'INSPECTION_STARTED');
    expect(await refusalOf(running.send(actors.inspector, 'FIELDWORK_COMPLETED'))).toMatch(/interview the responsible individual/);
    await running.send(actors.inspector, 'RESPONSIBLE_INDIVIDUAL_CHECKED', { interviewed: true, fitnessSteps: 'satisfactory' });
    expect((await running.send(actors.inspector, 'FIELDWORK_COMPLETED')).status).toBe('awaiting_feedback');
  });

  it('refuses a change with a notification date in the future, of an unknown kind, or dated where the calendar cannot place it, changing nothing', async () => {
    const centre = await register({ last: { endedOn: addCalendarMonths(await today(), -1), grade: 'good' } });
    const future = addCalendarDays(await today(), 2);
    expect(await refusalOf(
      centre.executeUpdate(recordManagerChangeUpdate, {
        args: [{ change: 'left', from: await today(), emergency: true, recruitmentEvidence: 'active', notifiedOn: future, interimArrangementsSatisfactory: true }],
      }),
    )).toMatch(/in the future/);
    expect(await refusalOf(centre.executeUpdate(recordManagerChangeUpdate, { args: [{ change: 'resigned', from: future } as never] }))).toMatch(/change/);
    // A date the working-day calendar cannot place would fail every workflow task of the centre: refused before.
    expect(await refusalOf(
      centre.executeUpdate(recordManagerChangeUpdate, {
        args: [{ change: 'left', from: '1950-01-02', emergency: false, recruitmentEvidence: 'active', notifiedOn: await today(), interimArrangementsSatisfactory: true }],
      }),
    )).toMatch(/from: is outside the dates the working-day calendar covers/);
    expect(await centre.query(centreCycleStateQuery)).toMatchObject({ managerChanges: [], manager: null, broughtForward: null });
    const { events } = await centre.fetchHistory();
    expect(events!.some((e) => e.workflowTaskFailedEventAttributes)).toBe(false);
  });
});
