import { addCalendarMonths, londonDateOf } from '../../calendar';
import { cycleStartAfter } from '../../machines/sccif-rfc/cycle';
import { CENTRE_CYCLE_WORKFLOW, type CentreCycleInput, bringForwardUpdate, centreCycleStateQuery, closeCentreUpdate } from '../../workflows/centreMessages';
import { inspectionStateQuery, recordDecisionUpdate } from '../../workflows/messages';
import { goodJudgements, useTimeSkippingWorker } from '../support/inspectionHarness';
import { PROVIDER_ID, actors } from '../support/pureDriver';

const servers = useTimeSkippingWorker();

const inadequate = { overallExperiencesAndProgress: 'inadequate', helpAndProtection: 'inadequate', leadershipAndManagement: 'requires_improvement' };

async function register(overrides: Partial<CentreCycleInput> = {}) {
  const centreId = `centre-${Math.random().toString(16).slice(2)}`;
  const today = londonDateOf(Date.now());
  const input: CentreCycleInput = { centreId, providerId: PROVIDER_ID, registeredOn: today, last: null, inspectionsCompleted: 0, searchAttributes: true, ...overrides };
  await servers.env.client.workflow.start(CENTRE_CYCLE_WORKFLOW, { workflowId: centreId, taskQueue: servers.worker.taskQueue, args: [input] });
  return servers.env.client.workflow.getHandle(centreId);
}

type Handle = Awaited<ReturnType<typeof register>>;

async function currentInspection(centre: Handle): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const state = await centre.query(centreCycleStateQuery);
    if (state.currentInspectionId) return state.currentInspectionId;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no inspection started');
}

/** Runs one full inspection to its feedback and sends the reports; publication follows by itself. */
async function inspect(id: string, judgements: Record<string, string>) {
  const inspection = servers.env.client.workflow.getHandle(id);
  const send = (role: keyof typeof actors, event: string, fields: Record<string, unknown> = {}) =>
    inspection.executeUpdate(recordDecisionUpdate, { args: [{ decision: { event, ...fields }, actor: actors[role] }] });
  await send('inspector', 'INSPECTION_STARTED');
  const feedback = await send('inspector', 'FEEDBACK_GIVEN', { judgements });
  await send('inspector', 'DRAFT_REPORT_SENT');
  await send('provider', 'COMMENTS_SUBMITTED');
  await send('manager', 'FINAL_REPORT_SENT');
  return feedback.facts.feedbackDate as string;
}

describe('a residential family centre cycle, per centre, over years (time-skipping server)', () => {
  it('inspects a new centre at once, then reinspects 6 to 12 months after an inadequate grade, continuing as new in between', async () => {
    const centre = await register();
    const first = await currentInspection(centre);
    expect((await servers.env.client.workflow.getHandle(first).query(inspectionStateQuery)).facts.scheduledFor).toBe(
      addCalendarMonths(londonDateOf(Date.now()), 12),
    );
    const endedOn = await inspect(first, inadequate);
    await servers.env.sleep('10 days'); // publication, 5 working days after the final report

    const next = await eventuallyState(centre, (s) => s.inspectionsCompleted === 1);
    expect(next).toMatchObject({
      last: { endedOn, grade: 'inadequate' },
      currentInspectionId: null,
      window: { opens: addCalendarMonths(endedOn, 6), dueBy: addCalendarMonths(endedOn, 12), source: expect.stringContaining('Frequency of inspection') },
    });
    const { events } = await centre.fetchHistory(); // the new run only: bounded, whatever came before
    expect(events!.length).toBeLessThan(20);

    await servers.env.sleep('190 days');
    const second = await currentInspection(centre);
    expect(second).not.toBe(first);
    const secondEnded = await inspect(second, goodJudgements);
    await servers.env.sleep('10 days');
    const good = await eventuallyState(centre, (s) => s.inspectionsCompleted === 2);
    expect(good.last?.grade).toBe('good');
    expect(good.window.opens).toBe(cycleStartAfter(secondEnded)); // the rolling 3-year cycle starts on the next 1 April
    expect(good.window.opens.slice(5)).toBe('04-01');
    expect((await centre.executeUpdate(closeCentreUpdate, { args: [{ reason: 'registration cancelled' }] })).closed).toBe('registration cancelled');
    expect(await centre.result()).toEqual({ closed: 'registration cancelled', inspectionsCompleted: 2 });
  });

  it('brings an inspection forward when concerns arise before the window opens', async () => {
    const today = londonDateOf(Date.now());
    const centre = await register({ registeredOn: '2020-01-06', last: { endedOn: today, grade: 'good' }, inspectionsCompleted: 3 });
    const waiting = await centre.query(centreCycleStateQuery);
    expect(waiting.currentInspectionId).toBeNull();
    expect(waiting.window.opens > today).toBe(true);
    const answered = await centre.executeUpdate(bringForwardUpdate, { args: [{ reason: 'regulation 25 reports not received' }] });
    expect(answered.broughtForward).toBe('regulation 25 reports not received');
    const started = await currentInspection(centre);
    expect((await centre.query(centreCycleStateQuery)).broughtForward).toBe('regulation 25 reports not received');
    expect((await servers.env.client.workflow.getHandle(started).query(inspectionStateQuery)).status).toBe('scheduled');
  });
});

async function eventuallyState(centre: Handle, ready: (s: Awaited<ReturnType<Handle['query']>> & { inspectionsCompleted: number }) => boolean) {
  for (let i = 0; i < 100; i++) {
    const state = await centre.query(centreCycleStateQuery).catch(() => undefined);
    if (state && ready(state)) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('centre state not reached');
}
