import { getInspectionSummary, listInspections, upsertInspectionSummary, type InspectionSummaryInput } from '../../readModel';
import { describeEachEngine } from '../support/postgres';

const now = new Date('2024-03-01T12:00:00Z');

function summary(id: string, over: Partial<InspectionSummaryInput> = {}): InspectionSummaryInput {
  return {
    id,
    type: 'rfc-full',
    version: 1,
    machineRevision: 1,
    status: 'in_progress',
    stage: 'onSite',
    providerId: 'prov-1',
    nextDeadlineAt: null,
    nextDeadlineClock: null,
    openBreaches: 0,
    grade: null,
    revision: 1,
    ...over,
  };
}

describeEachEngine('inspections read model', (ctx) => {
  beforeEach(async () => {
    await ctx.db.query('DELETE FROM inspections');
  });

  it('inserts, reads back in camelCase, and returns null for an unknown id', async () => {
    expect(
      await upsertInspectionSummary(
        ctx.db,
        summary('a', {
          nextDeadlineAt: '2024-03-05T17:00:00+00:00',
          nextDeadlineClock: 'draftReport',
          grade: 'good',
          createdAt: '2024-02-01T09:00:00Z',
          updatedAt: new Date('2024-02-02T09:00:00Z'),
        }),
      ),
    ).toEqual({ applied: true });
    expect(await getInspectionSummary(ctx.db, 'a')).toEqual({
      id: 'a',
      type: 'rfc-full',
      version: 1,
      machineRevision: 1,
      status: 'in_progress',
      stage: 'onSite',
      providerId: 'prov-1',
      nextDeadlineAt: '2024-03-05T17:00:00.000Z',
      nextDeadlineClock: 'draftReport',
      openBreaches: 0,
      grade: 'good',
      revision: 1,
      createdAt: '2024-02-01T09:00:00.000Z',
      updatedAt: '2024-02-02T09:00:00.000Z',
    });
    expect(await getInspectionSummary(ctx.db, 'nope')).toBeNull();
  });

  it('is idempotent, takes newer or equal revisions and ignores older ones', async () => {
    await upsertInspectionSummary(ctx.db, summary('a', { revision: 5, stage: 's5', createdAt: '2024-01-01T00:00:00Z' }));
    expect(await upsertInspectionSummary(ctx.db, summary('a', { revision: 5, stage: 's5' }))).toEqual({ applied: true });
    expect(await upsertInspectionSummary(ctx.db, summary('a', { revision: 4, stage: 'old' }))).toEqual({ applied: false });
    expect(await getInspectionSummary(ctx.db, 'a')).toMatchObject({ revision: 5, stage: 's5' });
    expect(
      await upsertInspectionSummary(ctx.db, summary('a', { revision: 6, stage: 's6', createdAt: '2030-01-01T00:00:00Z' })),
    ).toEqual({ applied: true });
    const row = await getInspectionSummary(ctx.db, 'a');
    expect(row).toMatchObject({ revision: 6, stage: 's6' });
    expect(row!.createdAt).toBe('2024-01-01T00:00:00.000Z'); // created once, kept
    expect(await ctx.db.query('SELECT count(*) AS n FROM inspections')).toEqual([{ n: 1 }]);
  });

  it('lists by next deadline (none last) then id, with filters, overdue and pagination', async () => {
    const rows: InspectionSummaryInput[] = [
      summary('i-01', { nextDeadlineAt: '2024-03-10T17:00:00Z' }),
      summary('i-02', { nextDeadlineAt: '2024-02-28T17:00:00Z' }), // overdue by deadline
      summary('i-03', { nextDeadlineAt: null, openBreaches: 2 }), // overdue by breaches
      summary('i-04', { nextDeadlineAt: '2024-03-10T17:00:00Z', type: 'ilacs', providerId: 'prov-2' }),
      summary('i-05', { nextDeadlineAt: null, status: 'closed' }),
      summary('i-06', { nextDeadlineAt: '2024-03-01T12:00:00Z' }), // exactly now: not overdue
      summary('i-07', { nextDeadlineAt: '2024-03-02T09:00:00Z', status: 'closed', providerId: null }),
    ];
    for (const r of rows) await upsertInspectionSummary(ctx.db, r);

    const all = await listInspections(ctx.db, { now, limit: 100, offset: 0 });
    expect(all.total).toBe(7);
    expect(all.items.map((i) => i.id)).toEqual(['i-02', 'i-06', 'i-07', 'i-01', 'i-04', 'i-03', 'i-05']);

    const ids = async (q: Partial<Parameters<typeof listInspections>[1]>) =>
      (await listInspections(ctx.db, { now, limit: 100, offset: 0, ...q })).items.map((i) => i.id);
    expect(await ids({ type: 'ilacs' })).toEqual(['i-04']);
    expect(await ids({ status: 'closed' })).toEqual(['i-07', 'i-05']);
    expect(await ids({ providerId: 'prov-2' })).toEqual(['i-04']);
    expect(await ids({ overdue: true })).toEqual(['i-02', 'i-03']);
    expect(await ids({ overdue: false })).toEqual(['i-06', 'i-07', 'i-01', 'i-04', 'i-05']);
    expect(await ids({ overdue: true, type: 'ilacs' })).toEqual([]);
    expect(await ids({ status: 'in_progress', providerId: 'prov-1', overdue: false })).toEqual(['i-06', 'i-01']);
    // The same data seen later: more is overdue.
    expect(await ids({ overdue: true, now: new Date('2024-03-11T00:00:00Z') })).toEqual([
      'i-02',
      'i-06',
      'i-07',
      'i-01',
      'i-04',
      'i-03',
    ]);

    const page1 = await listInspections(ctx.db, { now, limit: 3, offset: 0 });
    const page2 = await listInspections(ctx.db, { now, limit: 3, offset: 3 });
    const page3 = await listInspections(ctx.db, { now, limit: 3, offset: 6 });
    const beyond = await listInspections(ctx.db, { now, limit: 3, offset: 30 });
    expect([page1, page2, page3, beyond].map((p) => p.total)).toEqual([7, 7, 7, 7]);
    expect([...page1.items, ...page2.items, ...page3.items].map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    expect(page3.items).toHaveLength(1);
    expect(beyond.items).toEqual([]);
    const overduePage = await listInspections(ctx.db, { now, overdue: true, limit: 1, offset: 1 });
    expect(overduePage).toMatchObject({ total: 2, items: [{ id: 'i-03', openBreaches: 2 }] });
  });

  it('rejects bad paging and instants', async () => {
    await expect(listInspections(ctx.db, { now, limit: -1, offset: 0 })).rejects.toThrow(TypeError);
    await expect(listInspections(ctx.db, { now: new Date('x'), limit: 1, offset: 0 })).rejects.toThrow(TypeError);
    await expect(upsertInspectionSummary(ctx.db, summary('a', { nextDeadlineAt: 'soon' }))).rejects.toThrow(TypeError);
  });
});
