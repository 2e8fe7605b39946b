import { addWorkingDays, londonDateOf } from '../../calendar';
import type { InspectionView } from '../../engine';
import { getDefinition, versionInForce } from '../../machines/registry';
import { useApiStack } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { LIFECYCLES, type Lifecycle, runOnTheDay } from '../support/lifecycles';
import { PROVIDER_ID } from '../support/pureDriver';

/**
 * Business time through the whole stack (API, dev server, worker, ledger): each lifecycle of test/support/lifecycles.ts
 * entered today, weeks after it happened, step by step as an inspector entering a backlog would, ends exactly as the
 * same lifecycle entered on the day (the reference, run through the engine alone). Then corrections, audited.
 */
const stack = useApiStack();

/** A Monday whose lifecycles have all ended before today; the versions in force then are the ones they are written for. */
const BEGAN_ON = '2026-06-01';

type Role = 'manager' | 'inspector' | 'provider';

async function open(lifecycle: Lifecycle, startOn: string) {
  const res = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: lifecycle.type, providerId: PROVIDER_ID, at: startOn, ...lifecycle.input } });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ version: lifecycle.version, machineRevision: lifecycle.machineRevision, openedOn: startOn, engineRevision: 2 });
  return res.body.inspectionId as string;
}

const decide = (id: string, role: Role, body: Record<string, unknown>) => stack.api.call('POST', `/inspections/${id}/decisions`, { role, body });
const correct = (id: string, body: Record<string, unknown>, role: Role = 'manager') => stack.api.call('POST', `/inspections/${id}/corrections`, { role, body });
const view = async (id: string) => (await stack.api.call('GET', `/inspections/${id}`, { role: 'manager' })).body as InspectionView;
const ledger = (id: string) => stack.api.call('GET', `/inspections/${id}/audit`, { role: 'auditor' }).then((r) => r.body.entries as { seq: number; kind: string; data: Record<string, unknown> }[]);

/** The ledger entry that recorded a step (the ledger is written just after the Update answers). */
const stepEntry = (id: string, event: string) => eventually(async () => (await ledger(id)).find((e) => e.kind === 'decision.accepted' && e.data.event === event));

/** What must not depend on when steps were entered. */
const outcome = (v: InspectionView) => ({
  status: v.status,
  stage: v.stage,
  grade: v.grade,
  deadlines: v.deadlines.map((d) => [d.clock, d.due]),
  breaches: v.breaches.map((b) => [b.clock, b.due, b.resolvedOn]),
});

/** Enters every step of an on-the-day run now, in the order it happened; returns the inspection and the reference. */
async function enterLate(lifecycle: Lifecycle) {
  const reference = runOnTheDay(lifecycle, BEGAN_ON);
  const id = await open(lifecycle, BEGAN_ON);
  for (const d of reference.decisions) {
    const res = await decide(id, d.role as Role, { event: d.event, at: d.at, ...d.fields });
    expect([d.event, res.status, res.body?.error?.message]).toEqual([d.event, 200, undefined]);
  }
  reference.driver.record.fireDueClocks(Date.now());
  return { id, reference: reference.driver.record.view(Date.now()) };
}

const today = () => londonDateOf(Date.now());
/** The lifecycles written for the machine a new inspection runs (the framework in force at its latest revision). */
const enteredToday = LIFECYCLES.filter((l) => versionInForce(l.type, BEGAN_ON) === getDefinition(l.type, l.version, l.machineRevision));

describe('steps entered weeks late, through the API, end as if entered on the day', () => {
  it.each(enteredToday.map((l) => [l.name, l] as const))('%s', async (_name, lifecycle) => {
    const { id, reference } = await enterLate(lifecycle);
    const late = await view(id);
    expect(outcome(late)).toEqual(outcome(reference));
    expect(late.breaches.map((b) => b.clock)).toEqual(lifecycle.late ?? []);
    // The ledger says what was known when: no breach on record but the late steps' own.
    const missed = await eventually(async () => {
      const entries = await ledger(id);
      return entries.some((e) => e.kind === 'inspection.completed') || !late.done ? entries.filter((e) => e.kind === 'deadline.missed') : undefined;
    });
    expect(missed.map((e) => e.data.clock)).toEqual(lifecycle.late ?? []);
  });

  it('takes the provider\'s comments dated inside a window that had already closed when the draft was entered', async () => {
    const id = await open(enteredToday[0]!, BEGAN_ON);
    await decide(id, 'inspector', { event: 'INSPECTION_STARTED', at: BEGAN_ON });
    await decide(id, 'inspector', { event: 'FEEDBACK_GIVEN', at: '2026-06-03', judgements: { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' } });
    const draft = await decide(id, 'inspector', { event: 'DRAFT_REPORT_SENT', at: '2026-06-19' });
    expect(draft.body.status).toBe('finalising_report'); // the window (to 26 June) closed by itself, weeks ago
    const comments = await decide(id, 'provider', { event: 'COMMENTS_SUBMITTED', at: '2026-06-24' });
    expect(comments.status).toBe(200);
    expect(comments.body).toMatchObject({ status: 'finalising_report', facts: { commentsReceived: true }, breaches: [] });
    const entries = await eventually(async () => {
      const read = await ledger(id);
      return read.some((e) => e.kind === 'record.rederived') ? read : undefined;
    });
    expect(entries.find((e) => e.kind === 'clock.expiry.withdrawn')?.data).toMatchObject({ clock: 'commentWindow', due: '2026-06-26' });
  });
});

describe('corrections, through the API', () => {
  const rfc = enteredToday.find((l) => l.type === 'sccif-rfc-full' && !l.late)!;
  const good = { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' };

  /** On site and feedback weeks ago, the draft on its last day: open, awaiting the provider's comments. */
  async function draftOnItsDay() {
    const id = await open(rfc, BEGAN_ON);
    await decide(id, 'inspector', { event: 'INSPECTION_STARTED', at: BEGAN_ON });
    const feedback = await decide(id, 'inspector', { event: 'FEEDBACK_GIVEN', at: '2026-06-03', judgements: good });
    const draftDue = feedback.body.deadlines.find((d: { clock: string }) => d.clock === 'draftReport').due as string;
    await decide(id, 'inspector', { event: 'DRAFT_REPORT_SENT', at: draftDue });
    const draftStep = await stepEntry(id, 'DRAFT_REPORT_SENT');
    return { id, draftDue, draftStep };
  }

  it("a draft's date corrected to after its due date raises a breach, corrected back withdraws it; both audited, the original kept", async () => {
    const { id, draftDue, draftStep } = await draftOnItsDay();
    const dayLate = addWorkingDays(draftDue, 1);
    const late = await correct(id, { step: draftStep.seq, action: 'amend', at: dayLate, reason: 'the draft went out the day after: date mistyped' });
    expect(late.status).toBe(200);
    expect(late.body.breaches.map((b: { clock: string; resolvedOn: string }) => [b.clock, b.resolvedOn])).toEqual([['draftReport', dayLate]]);
    expect(late.body.facts.draftSentDate).toBe(dayLate);

    const back = await correct(id, { step: draftStep.seq, action: 'amend', at: draftDue, reason: 'checked against the sent email: it was on time after all' });
    expect(back.status).toBe(200);
    expect(back.body.breaches).toEqual([]);

    const audit = await eventually(async () => {
      const read = await ledger(id);
      return read.filter((e) => e.kind === 'correction.accepted').length === 2 && read.some((e) => e.kind === 'breach.withdrawn') ? read : undefined;
    });
    expect(audit.filter((e) => e.kind === 'correction.accepted').map((e) => e.data)).toEqual([
      expect.objectContaining({ step: draftStep.seq, action: 'amend', before: expect.objectContaining({ at: draftDue }), after: expect.objectContaining({ at: dayLate }) }),
      expect.objectContaining({ step: draftStep.seq, action: 'amend', before: expect.objectContaining({ at: dayLate }), after: expect.objectContaining({ at: draftDue }) }),
    ]);
    expect(audit.filter((e) => e.kind === 'deadline.missed').map((e) => e.data.clock)).toEqual(['draftReport']);
    expect(audit.filter((e) => e.kind === 'breach.withdrawn').map((e) => e.data.clock)).toEqual(['draftReport']);
    expect(audit.find((e) => e.seq === draftStep.seq)).toEqual(draftStep); // the original entry is untouched
    expect((await stack.api.call('GET', `/inspections/${id}/audit/verify`, { role: 'auditor' })).body).toMatchObject({ ok: true });
  });

  it('refuses a correction the rules do not allow, a role that may not correct and malformed ones; none changes anything', async () => {
    const { id, draftStep } = await draftOnItsDay();
    const before = await view(id);
    const feedback = await stepEntry(id, 'FEEDBACK_GIVEN');
    const impossible = await correct(id, { step: feedback.seq, action: 'amend', at: today(), reason: 'moved after the draft' });
    expect(impossible).toMatchObject({ status: 409, body: { error: { code: 'conflicts_with_record', message: expect.stringContaining('DRAFT_REPORT_SENT') } } });
    expect((await correct(id, { step: draftStep.seq, action: 'amend', at: today(), reason: 'x' }, 'inspector')).status).toBe(403);
    expect((await correct(id, { step: 9999, action: 'withdraw', reason: 'x' })).status).toBe(404);
    expect((await correct(id, { step: draftStep.seq, action: 'amend', reason: 'nothing to amend' })).status).toBe(400);
    expect((await correct(id, { step: draftStep.seq, action: 'withdraw', at: today(), reason: 'x' })).status).toBe(400);
    expect((await correct(id, { step: draftStep.seq, action: 'amend', at: '2026-05-01', reason: 'before it was opened' })).status).toBe(400);
    expect((await view(id)).revision).toBe(before.revision);
  });

  it('refuses to withdraw a published report, and anything once the inspection has ended', async () => {
    const centre = enteredToday.find((l) => l.type === 'childrens-centre')!;
    const { id } = await enterLate(centre);
    expect((await view(id)).done).toBe(true);
    const published = await stepEntry(id, 'REPORT_PUBLISHED');
    const ended = await correct(id, { step: published.seq, action: 'withdraw', reason: 'entered in error' });
    expect(ended).toMatchObject({ status: 409, body: { error: { code: 'closed' } } });

    // While it is open, the publication is an effect already carried out: it cannot be taken back.
    const open = await enterLate({ ...centre, steps: centre.steps.slice(0, centre.steps.findIndex((s) => 'event' in s && s.event === 'REPORT_PUBLISHED') + 1) });
    const step = await stepEntry(open.id, 'REPORT_PUBLISHED');
    const unpublish = await correct(open.id, { step: step.seq, action: 'withdraw', reason: 'entered in error' });
    expect(unpublish).toMatchObject({ status: 409, body: { error: { code: 'conflicts_with_record', message: expect.stringContaining('already carried out') } } });
  });
});
