import { migrate, migrations, openDatabase } from '../../db';
import type { DeadlineView } from '../../engine/view';
import { listDeadlines, saveOpenWork, upsertInspectionSummary, type InspectionSummaryInput } from '../../readModel';
import { describeEachEngine } from '../support/postgres';

const now = new Date('2024-03-01T12:00:00Z');
const page = { limit: 50, offset: 0 };

function summary(id: string, revision: number, providerId = 'prov-1'): InspectionSummaryInput {
  return { id, type: 'rfc-full', version: 1, machineRevision: 1, status: 'on_site', stage: 'onSite', providerId, nextDeadlineAt: null, nextDeadlineClock: null, openBreaches: 0, grade: null, revision };
}

function deadline(clock: string, dueAt: string): DeadlineView {
  return { clock, label: clock, due: dueAt.slice(0, 10), dueAt, kind: 'target', overdue: false, rule: `${clock} on time`, source: 'seed §1' };
}

async function save(db: Parameters<typeof saveOpenWork>[0], id: string, revision: number, deadlines: DeadlineView[], providerId?: string) {
  await upsertInspectionSummary(db, summary(id, revision, providerId));
  await saveOpenWork(db, id, revision, { deadlines, breaches: [], decisions: [] });
}

describeEachEngine('open work: running clocks, one row each', (ctx) => {
  beforeEach(async () => {
    await ctx.db.query('DELETE FROM inspections');
  });

  it('replaces an inspection’s clocks as a set, and never with an older revision’s', async () => {
    await save(ctx.db, 'a', 1, [deadline('onSite', '2024-02-20T00:00:00.000Z'), deadline('report', '2024-03-20T00:00:00.000Z')]);
    await save(ctx.db, 'a', 2, [deadline('report', '2024-03-22T00:00:00.000Z')]);
    expect(await ctx.db.query('SELECT clock, due_at FROM inspection_deadlines ORDER BY clock')).toEqual([{ clock: 'report', due_at: new Date('2024-03-22T00:00:00.000Z') }]);
    await saveOpenWork(ctx.db, 'a', 1, { deadlines: [deadline('onSite', '2024-02-20T00:00:00.000Z')], breaches: [], decisions: [] });
    expect(await ctx.db.query('SELECT clock FROM inspection_deadlines')).toEqual([{ clock: 'report' }]);
    await saveOpenWork(ctx.db, 'a', 2, { deadlines: [deadline('report', '2024-03-22T00:00:00.000Z')], breaches: [], decisions: [] });
    expect(await ctx.db.query('SELECT count(*)::int AS n FROM inspection_deadlines')).toEqual([{ n: 1 }]);
  });

  it('lists overdue clocks and those due within days, soonest first, by provider, paged', async () => {
    await save(ctx.db, 'a', 1, [deadline('onSite', '2024-02-28T00:00:00.000Z'), deadline('report', '2024-03-04T00:00:00.000Z')]);
    await save(ctx.db, 'b', 1, [deadline('onSite', '2024-02-27T00:00:00.000Z')], 'prov-2');
    await save(ctx.db, 'c', 1, [deadline('report', '2024-04-30T00:00:00.000Z')]);
    const overdue = await listDeadlines(ctx.db, { now, overdue: true, ...page });
    expect(overdue.total).toBe(2);
    expect(overdue.items.map((d) => [d.inspectionId, d.clock, d.overdue])).toEqual([
      ['b', 'onSite', true],
      ['a', 'onSite', true],
    ]);
    const soon = await listDeadlines(ctx.db, { now, withinDays: 7, ...page });
    expect(soon.items.map((d) => [d.inspectionId, d.clock, d.overdue])).toEqual([
      ['b', 'onSite', true],
      ['a', 'onSite', true],
      ['a', 'report', false],
    ]);
    expect((await listDeadlines(ctx.db, { now, ...page })).total).toBe(4);
    expect((await listDeadlines(ctx.db, { now, providerId: 'prov-1', ...page })).items.map((d) => d.inspectionId)).toEqual(['a', 'a', 'c']);
    expect(await listDeadlines(ctx.db, { now, limit: 1, offset: 1 })).toMatchObject({ total: 4, items: [{ inspectionId: 'a', clock: 'onSite', status: 'on_site', providerId: 'prov-1' }] });
  });
});

it('the migration to one row per clock carries over the clocks already stored', async () => {
  const db = await openDatabase({ memory: true, migrate: false });
  try {
    await migrate(db, migrations.filter((m) => m.version < 5));
    // The row as the code of that time wrote it (no machine revision yet).
    await db.query(`INSERT INTO inspections (id, type, version, status, stage, revision) VALUES ('a', 'rfc-full', 1, 'on_site', 'onSite', 3)`);
    await db.query(`UPDATE inspections SET deadlines = $1::jsonb WHERE id = 'a'`, [JSON.stringify([deadline('report', '2024-03-04T00:00:00.000Z')])]);
    expect(await migrate(db)).toEqual(migrations.filter((m) => m.version >= 5).map((m) => m.version));
    expect(await db.query('SELECT inspection_id, clock, due_at FROM inspection_deadlines')).toEqual([{ inspection_id: 'a', clock: 'report', due_at: new Date('2024-03-04T00:00:00.000Z') }]);
    expect((await listDeadlines(db, { now, overdue: false, ...page })).items).toMatchObject([{ inspectionId: 'a', clock: 'report', overdue: false }]);
  } finally {
    await db.close();
  }
});

it('the migration to machine revisions renumbers rows that held a later revision as a version, and no other', async () => {
  const db = await openDatabase({ memory: true, migrate: false });
  try {
    await migrate(db, migrations.filter((m) => m.version < 10));
    const row = (id: string, type: string, version: number) =>
      db.query(`INSERT INTO inspections (id, type, version, status, stage, revision) VALUES ($1, $2, $3, 'on_site', 'onSite', 1)`, [id, type, version]);
    await row('v3', 'sccif-rfc-full', 3);
    await row('v1', 'sccif-rfc-full', 1);
    await row('v0', 'sccif-rfc-full', 0);
    await row('smh2', 'school-monitoring', 2);
    await row('other2', 'childminder-agency', 2);
    await migrate(db);
    const rows = await db.query<{ id: string; version: number; machine_revision: number }>('SELECT id, version, machine_revision FROM inspections ORDER BY id');
    expect(rows).toEqual([
      { id: 'other2', version: 2, machine_revision: 1 },
      { id: 'smh2', version: 1, machine_revision: 2 },
      { id: 'v0', version: 0, machine_revision: 1 },
      { id: 'v1', version: 1, machine_revision: 1 },
      { id: 'v3', version: 1, machine_revision: 3 },
    ]);
  } finally {
    await db.close();
  }
});
