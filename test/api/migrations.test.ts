import { Worker } from '@temporalio/worker';
import { addWorkingDays, londonDateOf } from '../../calendar';
import { readLedger } from '../../ledger';
import { useApiStack } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { InspectionHandle, goodJudgements, workflowBundle } from '../support/inspectionHarness';
import { actors } from '../support/pureDriver';

/**
 * Governed migration through the API, the dev server and a worker: running inspections of the 2024 SCCIF started on
 * machine revision 1 moved to revision 3, first as a dry run, then by a migration batch; one whose steps have no place
 * in revision 3 is refused on its own line and left as it was.
 */
const stack = useApiStack();
const OPENED = addWorkingDays(londonDateOf(Date.now()), -6);
const BASE = { type: 'sccif-rfc-full', version: 1, fromRevision: 1, toRevision: 3, reason: 'the concerns ladder applies to every inspection of the 2024 framework' };

const migrate = (body: Record<string, unknown>, role: 'manager' | 'inspector' = 'manager') => stack.api.call('POST', '/migrations', { role, body });
const view = async (id: string) => (await stack.api.call('GET', `/inspections/${id}`, { role: 'manager' })).body;
/** A migration batch once it has ended, read back through the API. */
const finished = (batchId: string) =>
  eventually(async () => {
    const res = await stack.api.call('GET', `/migrations/${batchId}`, { role: 'manager' });
    return ['completed', 'stopped'].includes(res.body.status) ? res.body : undefined;
  }, 60_000);

/** A revision 1 inspection opened a week ago: feedback on its first day, the draft `draftAfter` working days later. */
async function onRevision1(draftAfter?: number) {
  const inspection = await InspectionHandle.startAs(stack.env, stack.worker.taskQueue, { type: 'sccif-rfc-full', version: 1, machineRevision: 1 }, {}, OPENED);
  if (draftAfter !== undefined) {
    await inspection.send(actors.inspector, 'INSPECTION_STARTED', { at: OPENED });
    await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { at: OPENED, judgements: goodJudgements });
    await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT', { at: addWorkingDays(OPENED, draftAfter) });
  }
  return inspection.inspectionId;
}

describe('POST /migrations', () => {
  let commenting: string; // the provider's comment window running
  let scheduled: string;
  let draftTooSoon: string; // its draft dated the day of feedback: no place in revision 3

  beforeAll(async () => {
    commenting = await onRevision1(3);
    scheduled = await onRevision1();
    draftTooSoon = await onRevision1(0);
  }, 60_000);

  it('dry run (the default): per inspection, where it would stand and each deadline that would move; nothing changes', async () => {
    const res = await migrate({ ...BASE, inspectionIds: [commenting, scheduled, draftTooSoon] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, refused: 1 });
    const [a, b, c] = res.body.results;
    expect(a).toMatchObject({ inspectionId: commenting, ok: true, preview: { from: { machineRevision: 1 }, to: { machineRevision: 3 }, stage: { before: 'reporting.commentWindow', after: 'reporting.commentWindow' } } });
    expect(b).toMatchObject({ inspectionId: scheduled, ok: true, preview: { stage: { before: 'scheduled', after: 'scheduled' }, deadlines: [] } });
    expect(c).toMatchObject({ inspectionId: draftTooSoon, ok: false, error: { code: 'conflicts_with_record', message: expect.stringContaining('no place for it in revision 3') } });
    for (const id of [commenting, scheduled, draftTooSoon]) expect(await view(id)).toMatchObject({ machineRevision: 1 });
  });

  it('migrates as a batch: its progress read back, each that can move migrated and audited, the other refused with its reason; a second batch applies nothing twice', async () => {
    const body = { ...BASE, inspectionIds: [commenting, scheduled, draftTooSoon], dryRun: false };
    const started = await migrate(body);
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/migrations/${started.body.batchId}`);
    expect(started.body).toMatchObject({ total: 3, type: 'sccif-rfc-full', fromRevision: 1, toRevision: 3 });
    const done = await finished(started.body.batchId);
    expect(done).toMatchObject({ status: 'completed', total: 3, migrated: 2, alreadyMigrated: 0, refused: 1, remaining: 0, refusals: [{ inspectionId: draftTooSoon, code: 'conflicts_with_record' }] });
    expect(await view(commenting)).toMatchObject({ version: 1, machineRevision: 3 });
    expect(await view(draftTooSoon)).toMatchObject({ machineRevision: 1 });

    const again = await finished((await migrate(body)).body.batchId);
    expect(again).toMatchObject({ migrated: 0, alreadyMigrated: 2, refused: 1 });
    const entries = await eventually(async () => {
      const read = await readLedger(stack.worker.db, commenting);
      return read.some((e) => e.kind === 'inspection.migrated') ? read : undefined;
    });
    const migrated = entries.filter((e) => e.kind === 'inspection.migrated');
    expect(migrated).toHaveLength(1);
    expect(migrated[0]).toMatchObject({ role: 'manager', data: { reason: BASE.reason, from: { machineRevision: 1 }, to: { machineRevision: 3 } } });

    // The provider's comments are now judged by revision 3, and the migrated history replays.
    expect((await stack.api.call('POST', `/inspections/${commenting}/decisions`, { role: 'provider', body: { event: 'COMMENTS_SUBMITTED' } })).body).toMatchObject({ machineRevision: 3 });
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, await stack.env.client.workflow.getHandle(commenting).fetchHistory());
  });

  it('a batch is stopped by a manager with a reason; an auditor may read it; a finished one cannot be stopped', async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, () => onRevision1()));
    const started = await migrate({ ...BASE, inspectionIds: ids, dryRun: false });
    const stop = await stack.api.call('POST', `/migrations/${started.body.batchId}/stop`, { role: 'manager', body: { reason: 'paused for the night' } });
    if (stop.status === 200) {
      const stopped = await finished(started.body.batchId);
      expect(stopped).toMatchObject({ status: 'stopped', stoppedBecause: expect.stringContaining('paused for the night') });
      expect(stopped.migrated + stopped.remaining).toBe(40);
    } else {
      expect(stop.body.error.code).toBe('closed'); // it finished first, on a fast machine
    }
    expect((await stack.api.call('GET', `/migrations/${started.body.batchId}`, { role: 'auditor' })).status).toBe(200);
    expect((await stack.api.call('POST', `/migrations/${started.body.batchId}/stop`, { role: 'manager', body: { reason: 'again' } })).status).toBe(409);
    expect((await stack.api.call('POST', `/migrations/${started.body.batchId}/stop`, { role: 'inspector', body: { reason: 'x' } })).status).toBe(403);
    expect((await stack.api.call('GET', '/migrations/migration-00000000-0000-0000-0000-000000000000', { role: 'manager' })).status).toBe(404);
  });

  it('all: every running inspection the read model lists on the revision', async () => {
    const res = await eventually(async () => {
      const r = await migrate({ ...BASE, all: true });
      return r.body.results?.some((x: { inspectionId: string }) => x.inspectionId === draftTooSoon) ? r : undefined;
    });
    const ids = res.body.results.map((r: { inspectionId: string }) => r.inspectionId);
    expect(ids).not.toContain(commenting); // already on revision 3
  });

  it('refuses what it cannot do, with a reason: another role, no such revision, no declared path, both or neither of inspectionIds and all', async () => {
    expect((await migrate({ ...BASE, inspectionIds: [scheduled] }, 'inspector')).status).toBe(403);
    expect((await migrate({ ...BASE, toRevision: 9, inspectionIds: [scheduled] })).body.error).toMatchObject({ code: 'unknown_revision' });
    expect((await migrate({ ...BASE, fromRevision: 3, toRevision: 2, inspectionIds: [scheduled] })).body.error).toMatchObject({ code: 'conflicts_with_record', message: expect.stringContaining('declares no migration from revision 3') });
    expect((await migrate({ ...BASE, inspectionIds: [scheduled], all: true })).status).toBe(400);
    expect((await migrate(BASE)).status).toBe(400);
  });
});
