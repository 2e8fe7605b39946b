import type { Queryable } from '../../db';
import { getInspectionSummary, upsertInspectionSummary } from '../../readModel';
import {
  appendEntries,
  appendEntriesInTransaction,
  entryHash,
  GENESIS_HASH,
  LedgerConflictError,
  LedgerGapError,
  LedgerInvalidEntryError,
  readLedger,
  verifyChain,
  type LedgerEntryInput,
} from '../../ledger';
import { describeEachEngine } from '../support/postgres';

let counter = 0;
const newInspectionId = () => `insp-${Date.now().toString(36)}-${++counter}`;

function entry(seq: number, over: Partial<LedgerEntryInput> = {}): LedgerEntryInput {
  return {
    seq,
    kind: seq === 1 ? 'inspection.started' : 'event.accepted',
    at: new Date(Date.UTC(2024, 0, 8, 9, 0, seq)).toISOString(),
    actor: 'user-42',
    role: 'lead_inspector',
    data: { event: `E${seq}`, nested: { b: 2, a: [1, 'x', null] } },
    source: seq % 2 ? '002_585560c834be7ac4.txt#para-12' : null,
    ...over,
  };
}
const entries = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => entry(from + i));

/** A DBA's tampering: the append-only triggers must be switched off on purpose first. */
async function tamper(db: Queryable, sql: string, params: unknown[]): Promise<void> {
  await db.exec('ALTER TABLE ledger_entries DISABLE TRIGGER USER');
  try {
    await db.query(sql, params);
  } finally {
    await db.exec('ALTER TABLE ledger_entries ENABLE TRIGGER USER');
  }
}

describeEachEngine('audit ledger', (ctx) => {
  it('appends a chain that verifies, and reads it back in order with hashes', async () => {
    const id = newInspectionId();
    expect(await appendEntries(ctx.db, id, entries(1, 3))).toEqual({ appended: 3, skipped: 0 });
    expect(await appendEntries(ctx.db, id, entries(4, 5))).toEqual({ appended: 2, skipped: 0 });

    const ledger = await readLedger(ctx.db, id);
    expect(ledger.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(ledger[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < ledger.length; i++) expect(ledger[i]!.prevHash).toBe(ledger[i - 1]!.hash);
    expect(ledger[0]).toMatchObject({ ...entry(1), inspectionId: id });
    expect(ledger[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof ledger[0]!.recordedAt).toBe('string');

    // Hash = sha256(prev_hash + canonical content JSON), computable outside the database.
    const first = entry(1);
    expect(ledger[0]!.hash).toBe(entryHash(GENESIS_HASH, { inspectionId: id, ...first }));

    expect(await verifyChain(ctx.db, id)).toEqual({ ok: true, entries: 5, head: ledger[4]!.hash });
    expect(await verifyChain(ctx.db, id, { entries: 5, head: ledger[4]!.hash })).toMatchObject({ ok: true });
  });

  it('an empty ledger verifies with the genesis head', async () => {
    const id = newInspectionId();
    expect(await readLedger(ctx.db, id)).toEqual([]);
    expect(await verifyChain(ctx.db, id)).toEqual({ ok: true, entries: 0, head: GENESIS_HASH });
    expect(await appendEntries(ctx.db, id, [])).toEqual({ appended: 0, skipped: 0 });
  });

  it('a retried append adds nothing', async () => {
    const id = newInspectionId();
    await appendEntries(ctx.db, id, entries(1, 3));
    const before = await readLedger(ctx.db, id);
    expect(await appendEntries(ctx.db, id, entries(1, 3))).toEqual({ appended: 0, skipped: 3 });
    // A retry that overlaps what is stored and carries new entries appends only the new ones.
    expect(await appendEntries(ctx.db, id, entries(2, 5))).toEqual({ appended: 2, skipped: 2 });
    const after = await readLedger(ctx.db, id);
    expect(after.slice(0, 3)).toEqual(before);
    expect(after).toHaveLength(5);
    expect(await verifyChain(ctx.db, id)).toMatchObject({ ok: true, entries: 5 });
  });

  it('treats the same instant in another notation, and data keys in another order, as the same entry', async () => {
    const id = newInspectionId();
    await appendEntries(ctx.db, id, [entry(1, { at: '2024-01-08T09:00:01.000Z', data: { a: 1, b: { c: 2, d: 3 } } })]);
    expect(
      await appendEntries(ctx.db, id, [entry(1, { at: '2024-01-08T10:00:01+01:00', data: { b: { d: 3, c: 2 }, a: 1 } })]),
    ).toEqual({ appended: 0, skipped: 1 });
  });

  it('concurrent duplicate appends have one effect', async () => {
    const id = newInspectionId();
    await appendEntries(ctx.db, id, entries(1, 2));
    const batch = entries(3, 8);
    const results = await Promise.all([
      appendEntries(ctx.db, id, batch),
      appendEntries(ctx.db, id, batch),
      appendEntries(ctx.db, id, batch),
    ]);
    expect(results.reduce((n, r) => n + r.appended, 0)).toBe(6);
    expect(results.reduce((n, r) => n + r.skipped, 0)).toBe(12);
    const ledger = await readLedger(ctx.db, id);
    expect(ledger.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await verifyChain(ctx.db, id)).toMatchObject({ ok: true, entries: 8 });
  });

  it('concurrent duplicate first appends (empty ledger) have one effect', async () => {
    const id = newInspectionId();
    const results = await Promise.all([appendEntries(ctx.db, id, entries(1, 4)), appendEntries(ctx.db, id, entries(1, 4))]);
    expect(results.map((r) => r.appended).sort()).toEqual([0, 4]);
    expect(await verifyChain(ctx.db, id)).toMatchObject({ ok: true, entries: 4 });
  });

  it('same seq with different content is a conflict, and nothing of the batch is kept', async () => {
    const id = newInspectionId();
    await appendEntries(ctx.db, id, entries(1, 3));
    const changed = entry(2, { data: { event: 'E2', nested: { b: 3, a: [1, 'x', null] } } });
    await expect(appendEntries(ctx.db, id, [changed])).rejects.toBeInstanceOf(LedgerConflictError);
    await expect(appendEntries(ctx.db, id, [entry(3, { actor: 'someone-else' })])).rejects.toMatchObject({
      name: 'LedgerConflictError',
      seq: 3,
      inspectionId: id,
    });
    // all or nothing: new entry 4 must not land when entry 3 conflicts in the same call
    await expect(appendEntries(ctx.db, id, [entry(3, { source: 'other' }), entry(4)])).rejects.toBeInstanceOf(
      LedgerConflictError,
    );
    expect(await readLedger(ctx.db, id)).toHaveLength(3);
    // two different entries with one seq in one batch
    await expect(appendEntries(ctx.db, id, [entry(4), entry(4, { kind: 'other' })])).rejects.toBeInstanceOf(
      LedgerConflictError,
    );
  });

  it('a gap is an error, after the head or inside the batch', async () => {
    const id = newInspectionId();
    await expect(appendEntries(ctx.db, id, [entry(2)])).rejects.toMatchObject({
      name: 'LedgerGapError',
      expectedSeq: 1,
      actualSeq: 2,
    });
    await appendEntries(ctx.db, id, entries(1, 2));
    await expect(appendEntries(ctx.db, id, [entry(4)])).rejects.toBeInstanceOf(LedgerGapError);
    await expect(appendEntries(ctx.db, id, [entry(3), entry(5)])).rejects.toMatchObject({
      name: 'LedgerGapError',
      expectedSeq: 4,
      actualSeq: 5,
    });
    expect(await readLedger(ctx.db, id)).toHaveLength(2);
  });

  it('rejects entries that cannot be recorded as given', async () => {
    const id = newInspectionId();
    await expect(appendEntries(ctx.db, id, [entry(0)])).rejects.toBeInstanceOf(LedgerInvalidEntryError);
    await expect(appendEntries(ctx.db, id, [entry(1, { at: 'yesterday' })])).rejects.toBeInstanceOf(
      LedgerInvalidEntryError,
    );
    await expect(appendEntries(ctx.db, id, [entry(1, { data: { n: Number.NaN } })])).rejects.toBeInstanceOf(
      LedgerInvalidEntryError,
    );
    await expect(appendEntries(ctx.db, '', [entry(1)])).rejects.toBeInstanceOf(LedgerInvalidEntryError);
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE on ledger_entries', async () => {
    const id = newInspectionId();
    await appendEntries(ctx.db, id, entries(1, 2));
    await expect(
      ctx.db.query(`UPDATE ledger_entries SET actor = 'mallory' WHERE inspection_id = $1 AND seq = 1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(ctx.db.query('DELETE FROM ledger_entries WHERE inspection_id = $1', [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(ctx.db.exec('TRUNCATE ledger_entries')).rejects.toThrow(/append-only/);
    expect(await verifyChain(ctx.db, id)).toMatchObject({ ok: true, entries: 2 });
  });

  it('detects an edited row', async () => {
    const id = newInspectionId();
    await appendEntries(ctx.db, id, entries(1, 5));
    await tamper(
      ctx.db,
      `UPDATE ledger_entries SET data = jsonb_set(data, '{event}', '"forged"') WHERE inspection_id = $1 AND seq = 3`,
      [id],
    );
    expect(await verifyChain(ctx.db, id)).toMatchObject({ ok: false, entries: 5, brokenAt: 3 });
  });

  it('detects an edited row whose hash was recomputed (the next link breaks)', async () => {
    const id = newInspectionId();
    await appendEntries(ctx.db, id, entries(1, 4));
    const [, second] = await readLedger(ctx.db, id);
    const forged = { ...second!, actor: 'mallory' };
    const forgedHash = entryHash(second!.prevHash, forged);
    await tamper(ctx.db, `UPDATE ledger_entries SET actor = 'mallory', hash = $2 WHERE inspection_id = $1 AND seq = 2`, [
      id,
      forgedHash,
    ]);
    const result = await verifyChain(ctx.db, id);
    expect(result).toMatchObject({ ok: false, brokenAt: 3 });
    expect(result.ok === false && result.reason).toMatch(/prev_hash/);
  });

  it('detects a deleted row (gap)', async () => {
    const id = newInspectionId();
    await appendEntries(ctx.db, id, entries(1, 5));
    await tamper(ctx.db, 'DELETE FROM ledger_entries WHERE inspection_id = $1 AND seq = 2', [id]);
    const result = await verifyChain(ctx.db, id);
    expect(result).toMatchObject({ ok: false, entries: 4, brokenAt: 2 });
    expect(result.ok === false && result.reason).toMatch(/missing/);
  });

  it('detects a deleted tail only against an expected head kept elsewhere', async () => {
    const id = newInspectionId();
    await appendEntries(ctx.db, id, entries(1, 4));
    const head = (await readLedger(ctx.db, id))[3]!.hash;
    await tamper(ctx.db, 'DELETE FROM ledger_entries WHERE inspection_id = $1 AND seq = 4', [id]);
    expect(await verifyChain(ctx.db, id)).toMatchObject({ ok: true, entries: 3 });
    expect(await verifyChain(ctx.db, id, { entries: 4, head })).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('detects a swapped pair of rows', async () => {
    const id = newInspectionId();
    await appendEntries(ctx.db, id, entries(1, 5));
    // Swap the positions of entries 2 and 3 (through a temporary seq, as the primary key demands).
    await tamper(
      ctx.db,
      `UPDATE ledger_entries SET seq = CASE seq WHEN 2 THEN 1003 WHEN 3 THEN 1002 END WHERE inspection_id = $1 AND seq IN (2, 3)`,
      [id],
    );
    await tamper(ctx.db, 'UPDATE ledger_entries SET seq = seq - 1000 WHERE inspection_id = $1 AND seq > 1000', [id]);
    expect((await readLedger(ctx.db, id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await verifyChain(ctx.db, id)).toMatchObject({ ok: false, entries: 5, brokenAt: 2 });
  });

  it('detects a swapped pair whose contents were exchanged (seq kept)', async () => {
    const id = newInspectionId();
    await appendEntries(ctx.db, id, entries(1, 4));
    await tamper(
      ctx.db,
      `UPDATE ledger_entries AS t SET kind = s.kind, at = s.at, data = s.data
         FROM ledger_entries AS s
        WHERE t.inspection_id = $1 AND s.inspection_id = $1 AND t.seq IN (2, 3) AND s.seq = 5 - t.seq`,
      [id],
    );
    expect(await verifyChain(ctx.db, id)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('appends inside a caller transaction, atomically with the read model', async () => {
    const id = newInspectionId();
    const summary = {
      id,
      type: 'rfc-full',
      version: 1,
      machineRevision: 1,
      status: 'in_progress',
      stage: 'notice',
      providerId: null,
      nextDeadlineAt: null,
      nextDeadlineClock: null,
      openBreaches: 0,
      grade: null,
      revision: 2,
    };
    await expect(
      ctx.db.transaction(async (tx) => {
        await appendEntriesInTransaction(tx, id, entries(1, 2));
        await upsertInspectionSummary(tx, summary);
        throw new Error('activity failed after writing');
      }),
    ).rejects.toThrow('activity failed');
    expect(await readLedger(ctx.db, id)).toEqual([]);
    expect(await getInspectionSummary(ctx.db, id)).toBeNull();

    const result = await ctx.db.transaction(async (tx) => {
      const r = await appendEntriesInTransaction(tx, id, entries(1, 2));
      await upsertInspectionSummary(tx, summary);
      return r;
    });
    expect(result).toEqual({ appended: 2, skipped: 0 });
    expect(await getInspectionSummary(ctx.db, id)).toMatchObject({ revision: 2 });
    expect(await verifyChain(ctx.db, id)).toMatchObject({ ok: true, entries: 2 });
  });

  it('keeps inspections apart', async () => {
    const a = newInspectionId();
    const b = newInspectionId();
    await Promise.all([appendEntries(ctx.db, a, entries(1, 3)), appendEntries(ctx.db, b, entries(1, 2))]);
    expect(await verifyChain(ctx.db, a)).toMatchObject({ ok: true, entries: 3 });
    expect(await verifyChain(ctx.db, b)).toMatchObject({ ok: true, entries: 2 });
    const [la, lb] = [await readLedger(ctx.db, a), await readLedger(ctx.db, b)];
    expect(la[0]!.hash).not.toBe(lb[0]!.hash); // the inspection id is part of the hashed content
  });

  it('concurrent appends from two separate connections pools have one effect (real PostgreSQL)', async () => {
    if (ctx.engine !== 'postgres') return; // one PGlite instance has one connection; covered above
    const other = await ctx.openAnother({ migrate: false });
    const id = newInspectionId();
    const batch = entries(1, 10);
    const results = await Promise.all([
      appendEntries(ctx.db, id, batch),
      appendEntries(other, id, batch),
      appendEntries(other, id, batch),
    ]);
    expect(results.reduce((n, r) => n + r.appended, 0)).toBe(10);
    expect(await verifyChain(ctx.db, id)).toMatchObject({ ok: true, entries: 10 });
    await other.close();
  });
});
