import type { Database, Queryable } from '../db';
import { canonicalJson } from './canonicalJson';
import { LedgerConflictError, LedgerGapError, LedgerInvalidEntryError } from './errors';
import { contentJson, entryHash, GENESIS_HASH, type LedgerContent } from './hash';
import type { LedgerEntry, VerifyResult } from './schemas';

export type { LedgerEntry, VerifyResult } from './schemas';

/**
 * One entry as the caller (a workflow, through an activity) gives it: its content without the inspection id.
 * `seq` is assigned by the caller, deterministically (1, 2, 3, ... per inspection); `at` may carry any offset
 * and is stored and hashed at millisecond precision, in UTC; `source` is the rule's seed reference, or null.
 */
export type LedgerEntryInput = Omit<LedgerContent, 'inspectionId'>;

export type AppendResult = { appended: number; skipped: number };

type Row = {
  inspection_id: string;
  seq: number;
  kind: string;
  at: Date;
  actor: string;
  role: string;
  data: Record<string, unknown>;
  source: string | null;
  prev_hash: string;
  hash: string;
  recorded_at: Date;
};

const COLUMNS = 'inspection_id, seq, kind, at, actor, role, data, source, prev_hash, hash, recorded_at';

function rowContent(r: Row): LedgerContent {
  return {
    inspectionId: r.inspection_id,
    seq: r.seq,
    kind: r.kind,
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    role: r.role,
    data: r.data,
    source: r.source,
  };
}

function normalise(inspectionId: string, e: LedgerEntryInput): LedgerContent {
  const bad = (why: string) =>
    new LedgerInvalidEntryError(`Ledger ${inspectionId}: entry ${String(e.seq)}: ${why}`, inspectionId);
  if (!Number.isInteger(e.seq) || e.seq < 1 || e.seq > 2_147_483_647) throw bad('seq must be an integer >= 1');
  for (const k of ['kind', 'actor', 'role'] as const) {
    if (typeof e[k] !== 'string' || e[k] === '') throw bad(`${k} must be a non-empty string`);
  }
  if (e.source !== null && typeof e.source !== 'string') throw bad('source must be a string or null');
  const at = new Date(e.at);
  if (typeof e.at !== 'string' || Number.isNaN(at.getTime())) throw bad(`at is not an ISO instant: ${String(e.at)}`);
  if (typeof e.data !== 'object' || e.data === null || Array.isArray(e.data)) throw bad('data must be an object');
  let data: Record<string, unknown>;
  try {
    // What jsonb will give back: canonical JSON text parsed again (Dates become ISO strings, undefined dropped).
    data = JSON.parse(canonicalJson(e.data)) as Record<string, unknown>;
  } catch (err) {
    throw bad(`data is not JSON: ${(err as Error).message}`);
  }
  return {
    inspectionId,
    seq: e.seq,
    kind: e.kind,
    at: at.toISOString(),
    actor: e.actor,
    role: e.role,
    data,
    source: e.source,
  };
}

/**
 * Appends entries to one inspection's ledger, in one transaction, all or nothing.
 *
 * Idempotent: an entry already recorded with the same content is skipped, so a retried activity adds
 * nothing. The same seq with other content is a `LedgerConflictError`; a seq beyond the next one is a
 * `LedgerGapError`. Two concurrent calls for the same inspection are serialised by a transaction-scoped
 * advisory lock on the inspection, and the primary key (inspection_id, seq) stays the last guard:
 * an insert that still meets an existing row is compared like any other retry.
 */
export async function appendEntries(
  db: Database,
  inspectionId: string,
  entries: readonly LedgerEntryInput[],
): Promise<AppendResult> {
  const batch = prepareBatch(inspectionId, entries);
  if (batch.length === 0) return { appended: 0, skipped: 0 };
  return db.transaction((tx) => appendPrepared(tx, inspectionId, batch));
}

/**
 * The same as `appendEntries`, inside a transaction the caller already holds (`db.transaction(tx => ...)`),
 * so ledger entries and, say, the read-model row can be written atomically. Must not run outside one:
 * the per-inspection lock and all-or-nothing behaviour come from the enclosing transaction.
 */
export async function appendEntriesInTransaction(
  tx: Queryable,
  inspectionId: string,
  entries: readonly LedgerEntryInput[],
): Promise<AppendResult> {
  const batch = prepareBatch(inspectionId, entries);
  if (batch.length === 0) return { appended: 0, skipped: 0 };
  return appendPrepared(tx, inspectionId, batch);
}

/** Validates and normalises the entries; sorted, duplicates folded, consecutive. */
function prepareBatch(inspectionId: string, entries: readonly LedgerEntryInput[]): LedgerContent[] {
  if (typeof inspectionId !== 'string' || inspectionId === '') {
    throw new LedgerInvalidEntryError('inspectionId must be a non-empty string', String(inspectionId));
  }
  const incoming = entries.map((e) => normalise(inspectionId, e)).sort((a, b) => a.seq - b.seq);
  const batch: LedgerContent[] = [];
  for (const c of incoming) {
    const last = batch[batch.length - 1];
    if (last && last.seq === c.seq) {
      // The same seq twice in one batch must be the same entry.
      if (contentJson(last) !== contentJson(c)) throw new LedgerConflictError(inspectionId, c.seq);
      continue;
    }
    if (last && c.seq !== last.seq + 1) throw new LedgerGapError(inspectionId, last.seq + 1, c.seq);
    batch.push(c);
  }
  return batch;
}

async function appendPrepared(tx: Queryable, inspectionId: string, batch: LedgerContent[]): Promise<AppendResult> {
  const first = batch[0]!;
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`ledger:${inspectionId}`]);
  const existing = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM ledger_entries WHERE inspection_id = $1 AND seq >= $2 ORDER BY seq`,
    [inspectionId, first.seq],
  );
  const bySeq = new Map(existing.map((r) => [r.seq, r]));
  const headRows = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM ledger_entries WHERE inspection_id = $1 ORDER BY seq DESC LIMIT 1',
    [inspectionId],
  );
  let head = headRows[0] ?? { seq: 0, hash: GENESIS_HASH };

  let appended = 0;
  let skipped = 0;
  for (const c of batch) {
    const have = bySeq.get(c.seq);
    if (have || c.seq <= head.seq) {
      if (!have || contentJson(rowContent(have)) !== contentJson(c)) throw new LedgerConflictError(inspectionId, c.seq);
      skipped++;
      continue;
    }
    if (c.seq !== head.seq + 1) throw new LedgerGapError(inspectionId, head.seq + 1, c.seq);
    const hash = entryHash(head.hash, c);
    const inserted = await tx.query<{ seq: number }>(
      `INSERT INTO ledger_entries (inspection_id, seq, kind, at, actor, role, data, source, prev_hash, hash)
       VALUES ($1, $2, $3, $4::timestamptz, $5, $6, $7::text::jsonb, $8, $9, $10)
       ON CONFLICT (inspection_id, seq) DO NOTHING
       RETURNING seq`,
      [c.inspectionId, c.seq, c.kind, c.at, c.actor, c.role, JSON.stringify(c.data), c.source, head.hash, hash],
    );
    if (inserted.length === 0) {
      // A concurrent writer got there first (possible only if it bypassed the lock): same entry, or conflict.
      const [row] = await tx.query<Row>(`SELECT ${COLUMNS} FROM ledger_entries WHERE inspection_id = $1 AND seq = $2`, [
        inspectionId,
        c.seq,
      ]);
      if (!row || contentJson(rowContent(row)) !== contentJson(c)) throw new LedgerConflictError(inspectionId, c.seq);
      head = { seq: row.seq, hash: row.hash };
      skipped++;
      continue;
    }
    head = { seq: c.seq, hash };
    appended++;
  }
  return { appended, skipped };
}

function toEntry(r: Row): LedgerEntry {
  const c = rowContent(r);
  return {
    inspectionId: c.inspectionId,
    seq: c.seq,
    kind: c.kind,
    at: c.at,
    actor: c.actor,
    role: c.role,
    data: c.data,
    source: c.source,
    prevHash: r.prev_hash,
    hash: r.hash,
    recordedAt: new Date(r.recorded_at).toISOString(),
  };
}

/** The inspection's entries in seq order, with their hashes. Empty if it has none. */
export async function readLedger(db: Queryable, inspectionId: string): Promise<LedgerEntry[]> {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM ledger_entries WHERE inspection_id = $1 ORDER BY seq`, [
    inspectionId,
  ]);
  return rows.map(toEntry);
}

/**
 * Recomputes the whole chain from the stored content. Detects an edited row (its hash no longer
 * matches), a deleted row (a gap in seq), rows moved or swapped (seq is hashed, and each prev_hash must
 * be the hash of the row before). A chain rewritten from some point to its end with fresh hashes, or a
 * deleted tail, verifies: compare `head` and `entries` with a copy kept elsewhere (`expect`) to catch it.
 */
export async function verifyChain(
  db: Queryable,
  inspectionId: string,
  expect: { entries?: number; head?: string } = {},
): Promise<VerifyResult> {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM ledger_entries WHERE inspection_id = $1 ORDER BY seq`, [
    inspectionId,
  ]);
  let prev = GENESIS_HASH;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const expectedSeq = i + 1;
    const broken = (reason: string): VerifyResult => ({ ok: false, entries: rows.length, brokenAt: expectedSeq, reason });
    if (r.seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing (next stored entry is ${r.seq})`);
    if (r.prev_hash !== prev) return broken(`prev_hash does not match the hash of entry ${expectedSeq - 1}`);
    let recomputed: string;
    try {
      recomputed = entryHash(r.prev_hash, rowContent(r));
    } catch (err) {
      return broken(`content cannot be hashed: ${(err as Error).message}`);
    }
    if (recomputed !== r.hash) return broken('content does not match its hash (entry edited)');
    prev = r.hash;
  }
  if (expect.entries !== undefined && expect.entries !== rows.length) {
    return {
      ok: false,
      entries: rows.length,
      brokenAt: Math.min(rows.length, expect.entries) + 1,
      reason: `expected ${expect.entries} entries, found ${rows.length}`,
    };
  }
  if (expect.head !== undefined && expect.head !== prev) {
    return { ok: false, entries: rows.length, brokenAt: rows.length, reason: 'head hash differs from the expected head' };
  }
  return { ok: true, entries: rows.length, head: prev };
}
