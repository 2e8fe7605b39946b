import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Database, openDatabase } from '../../db';
import { appendEntries, entryHash, readLedger } from '../../ledger';
import { CheckpointDirectory, auditProof, checkpointAuditLog, extendAuditLog } from '../../ledger/auditLog';
import { signingKey, verifierKey } from '../../ledger/checkpoint';
import { checkAgainstCheckpoints } from '../../ledger/outsideCheck';

/**
 * Tamper evidence beyond the database: with the audit log checkpointed and signed by a key the database never holds,
 * someone with full access to the database (triggers disabled, as its superuser) cannot remove, insert or change an
 * entry, even recomputing every hash of the chain, without the outside check against a kept checkpoint saying so.
 */
const A = 'insp-aaaaaaaa-0000-0000-0000-000000000001';
const B = 'insp-bbbbbbbb-0000-0000-0000-000000000002';

let dir: string;
let db: Database;
let store: CheckpointDirectory;
const key = signingKey('test.example/audit-log', generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
const vkey = verifierKey(key);

const entry = (seq: number, event: string) => ({ seq, kind: 'decision.accepted', at: new Date(Date.UTC(2026, 10, seq, 12)).toISOString(), actor: 'inspector-1', role: 'inspector', data: { event, payload: { note: `step ${seq}` } }, source: 'seed 002' });

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoints-'));
  store = new CheckpointDirectory(dir);
  db = await openDatabase({ memory: true });
  await appendEntries(db, A, [1, 2, 3, 4].map((n) => entry(n, `STEP_${n}`)));
  await appendEntries(db, B, [1, 2].map((n) => entry(n, `STEP_${n}`)));
  await checkpointAuditLog(db, store, key);
});

afterEach(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What `inspections audit verify` checks, with the checkpoint kept at the start. */
async function check(inspectionId: string, held: string) {
  const entries = (await readLedger(db, inspectionId)).map(({ seq, kind, at, actor, role, data, source, prevHash, hash }) => ({ seq, kind, at, actor, role, data, source, prevHash, hash }));
  const note = store.latestNote()!;
  const proof = await auditProof(db, inspectionId, { note, size: Number(note.split('\n')[1]) }, Number(held.split('\n')[1]));
  return checkAgainstCheckpoints({ inspectionId, entries, proof, vkey, held });
}

/** As the database's superuser: triggers off, then whatever SQL. */
async function asSuperuser(sql: string, params: unknown[] = []) {
  await db.exec('ALTER TABLE ledger_entries DISABLE TRIGGER USER');
  await db.query(sql, params);
  await db.exec('ALTER TABLE ledger_entries ENABLE TRIGGER USER');
}

/** Rewrites the hashes of an inspection's chain, as a careful forger would, so the chain alone verifies. */
async function recomputeChain(inspectionId: string) {
  const rows = await readLedger(db, inspectionId);
  let prev = '0'.repeat(64);
  for (const r of rows) {
    const hash = entryHash(prev, { inspectionId, seq: r.seq, kind: r.kind, at: r.at, actor: r.actor, role: r.role, data: r.data, source: r.source });
    await asSuperuser('UPDATE ledger_entries SET prev_hash = $1, hash = $2 WHERE inspection_id = $3 AND seq = $4', [prev, hash, inspectionId, r.seq]);
    prev = hash;
  }
}

describe('tamper evidence against signed checkpoints kept outside the database', () => {
  it('verifies an untouched ledger, also after the log has grown and been checkpointed again', async () => {
    const kept = store.latestNote()!;
    await appendEntries(db, A, [entry(5, 'STEP_5')]);
    await checkpointAuditLog(db, store, key);
    await appendEntries(db, A, [entry(6, 'STEP_6')]); // stored since the last checkpoint
    const result = await check(A, kept);
    expect(result).toMatchObject({ ok: true, problems: [], proved: 5, pending: 1, held: { size: 6 }, checkpoint: { size: 7 } });
    expect(fs.readdirSync(dir)).toHaveLength(2); // one file per checkpoint, none rewritten
  });

  it('detects truncation: the last entries deleted with the triggers disabled', async () => {
    const kept = store.latestNote()!;
    await asSuperuser('DELETE FROM ledger_entries WHERE inspection_id = $1 AND seq >= 3', [A]);
    const result = await check(A, kept);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(expect.arrayContaining([expect.stringContaining('entry 3 is in the signed log but not in the ledger'), expect.stringContaining('entry 4')]));
  });

  it('detects truncation of the log itself: the entries and their leaves deleted', async () => {
    await asSuperuser('DELETE FROM ledger_entries WHERE inspection_id = $1', [B]);
    await db.query('DELETE FROM audit_log_leaves WHERE inspection_id = $1', [B]);
    await expect(check(A, store.latestNote()!)).rejects.toThrow(/truncated/);
  });

  it('detects a rewritten entry, even with every later hash recomputed so the chain alone verifies', async () => {
    const kept = store.latestNote()!;
    await asSuperuser(`UPDATE ledger_entries SET data = jsonb_set(data, '{payload,note}', '"nothing happened"') WHERE inspection_id = $1 AND seq = 2`, [A]);
    await recomputeChain(A);
    const result = await check(A, kept);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(expect.arrayContaining([expect.stringContaining('entry 2 is not the entry the signed log holds')]));
    expect(result.problems.some((p) => /chain|hash \(edited\)/.test(p))).toBe(false); // the chain itself was made to verify
  });

  it('detects an insertion in the middle, renumbered and rechained', async () => {
    const kept = store.latestNote()!;
    await asSuperuser('UPDATE ledger_entries SET seq = seq + 100 WHERE inspection_id = $1 AND seq >= 3', [A]);
    await asSuperuser('UPDATE ledger_entries SET seq = seq - 99 WHERE inspection_id = $1 AND seq >= 100', [A]);
    const forged = entry(3, 'FORGED');
    await asSuperuser(`INSERT INTO ledger_entries (inspection_id, seq, kind, at, actor, role, data, source, prev_hash, hash) VALUES ($1, 3, $2, $3, $4, $5, $6, $7, '', '')`, [
      A, forged.kind, forged.at, forged.actor, forged.role, JSON.stringify(forged.data), forged.source,
    ]);
    await recomputeChain(A);
    const result = await check(A, kept);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(expect.arrayContaining([expect.stringContaining('entry 3 is not the entry the signed log holds')]));
  });

  it('detects a log rebuilt to match a rewritten ledger, and refuses checkpoints signed by any other key', async () => {
    const kept = store.latestNote()!;
    await asSuperuser(`UPDATE ledger_entries SET data = jsonb_set(data, '{payload,note}', '"rewritten"') WHERE inspection_id = $1 AND seq = 1`, [B]);
    await recomputeChain(B);
    await db.query('DELETE FROM audit_log_leaves'); // the log rebuilt from the rewritten ledger
    await extendAuditLog(db); // leaves only: the forger has no key to sign with
    const rebuilt = await check(B, kept);
    expect(rebuilt.ok).toBe(false);
    expect(rebuilt.problems).toEqual(expect.arrayContaining([expect.stringContaining('entry 1 is not the entry the signed log holds')]));

    // A checkpoint of the rebuilt log signed with a key of the forger's own, in place of the genuine ones.
    await appendEntries(db, B, [entry(3, 'STEP_3')]);
    const forger = signingKey('test.example/audit-log', generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
    await checkpointAuditLog(db, store, forger);
    fs.rmSync(path.join(dir, fs.readdirSync(dir).sort()[0]!));
    const forged = await check(B, kept);
    expect(forged.ok).toBe(false);
    expect(forged.problems[0]).toMatch(/^the server's checkpoint: the checkpoint is not signed by test.example\/audit-log/);
  });
});
