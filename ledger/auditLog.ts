import fs from 'node:fs';
import path from 'node:path';
import type { Database, Queryable } from '../db';
import { canonicalJson } from './canonicalJson';
import { type Checkpoint, type SigningKey, signCheckpoint } from './checkpoint';
import { type Hash, MerkleTree, leafHash } from './merkle';

/**
 * The audit log: every ledger entry of every inspection, appended in the order it was stored, as the leaves of one
 * Merkle tree (ledger/merkle.ts), with signed checkpoints of it kept outside the database (ledger/checkpoint.ts).
 * A leaf commits to an entry's inspection, seq and hash, and so, through the hash chain, to its content and all
 * before it.
 */
export interface LoggedEntry {
  inspectionId: string;
  seq: number;
  hash: string;
}

export const auditLeaf = (e: LoggedEntry): Hash => leafHash(canonicalJson({ inspectionId: e.inspectionId, seq: e.seq, hash: e.hash }));

/** Any fixed 64-bit key: one appender at a time, across processes. */
const APPEND_LOCK_KEY = 7_264_019_332;

/** Appends every ledger entry not yet in the log, in the order it was stored; returns the log's size. */
export async function extendAuditLog(db: Database, batch = 5_000): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
    for (;;) {
      const [{ size }] = (await tx.query<{ size: number }>('SELECT count(*)::int AS size FROM audit_log_leaves')) as [{ size: number }];
      const fresh = await tx.query<{ inspection_id: string; seq: number; hash: string }>(
        `SELECT e.inspection_id, e.seq, e.hash FROM ledger_entries e
         WHERE NOT EXISTS (SELECT 1 FROM audit_log_leaves l WHERE l.inspection_id = e.inspection_id AND l.seq = e.seq)
         ORDER BY e.recorded_at, e.inspection_id, e.seq LIMIT $1`,
        [batch],
      );
      if (fresh.length === 0) return size;
      const values = fresh.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`).join(', ');
      const params = fresh.flatMap((e, i) => [size + i, e.inspection_id, e.seq, auditLeaf({ inspectionId: e.inspection_id, seq: e.seq, hash: e.hash }).toString('hex')]);
      await tx.query(`INSERT INTO audit_log_leaves (position, inspection_id, seq, leaf_hash) VALUES ${values}`, params);
    }
  });
}

/** The first `size` leaves of the log, as a tree. */
export async function auditLogTree(db: Queryable, size: number): Promise<MerkleTree> {
  const rows = await db.query<{ leaf_hash: string }>('SELECT leaf_hash FROM audit_log_leaves WHERE position < $1 ORDER BY position', [size]);
  if (rows.length !== size) throw new AuditLogTruncatedError(`the audit log holds ${rows.length} entries, fewer than the ${size} of its signed checkpoint: it was truncated`);
  return new MerkleTree(rows.map((r) => Buffer.from(r.leaf_hash, 'hex')));
}

export class AuditLogTruncatedError extends Error {
  override readonly name = 'AuditLogTruncatedError';
}

/** Checkpoints as files in a directory, each written once and never changed: the append-only store outside the database. */
export class CheckpointDirectory {
  constructor(readonly dir: string) {}

  write(checkpoint: Checkpoint): string {
    fs.mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, `checkpoint-${String(checkpoint.size).padStart(12, '0')}-${checkpoint.time.replace(/[:.]/g, '')}.txt`);
    fs.writeFileSync(file, checkpoint.note, { flag: 'wx' });
    return file;
  }

  /** The note of the checkpoint of the largest log, or null before the first. */
  latestNote(): string | null {
    if (!fs.existsSync(this.dir)) return null;
    const files = fs.readdirSync(this.dir).filter((f) => /^checkpoint-\d{12}-.*\.txt$/.test(f)).sort();
    const last = files.at(-1);
    return last ? fs.readFileSync(path.join(this.dir, last), 'utf8') : null;
  }
}

/**
 * Extends the log and, if it grew since the last checkpoint, signs a checkpoint of it and stores it. Returns the
 * checkpoint of the log as it now stands (null while the log is empty).
 */
export async function checkpointAuditLog(db: Database, store: CheckpointDirectory, key: SigningKey, now: Date = new Date()): Promise<{ size: number; written: string | null }> {
  const size = await extendAuditLog(db);
  const latest = store.latestNote();
  const latestSize = latest === null ? -1 : Number(latest.split('\n')[1]);
  if (size === 0 || size === latestSize) return { size, written: null };
  const tree = await auditLogTree(db, size);
  return { size, written: store.write(signCheckpoint(key, size, tree.root(), now.toISOString())) };
}

export interface AuditProof {
  /** The signed checkpoint the proofs are against. */
  checkpoint: string;
  treeSize: number;
  /** This inspection's entries in the log, by seq, with each one's inclusion proof against the checkpoint. */
  leaves: { seq: number; index: number; inclusion: string[] }[];
  /** Entries of this inspection stored since the checkpoint (in the ledger, not yet in a signed tree). */
  pending: number;
  /** That the tree of `from` leaves is a prefix of this one, when asked. */
  consistency?: { from: number; proof: string[] };
}

/** The proofs an outside party checks an inspection's ledger with, against the signed checkpoint given. */
export async function auditProof(db: Queryable, inspectionId: string, checkpoint: { note: string; size: number }, from?: number): Promise<AuditProof> {
  const tree = await auditLogTree(db, checkpoint.size);
  const rows = await db.query<{ seq: number; position: string | number }>('SELECT seq, position FROM audit_log_leaves WHERE inspection_id = $1 ORDER BY seq', [inspectionId]);
  const logged = rows.map((r) => ({ seq: r.seq, index: Number(r.position) })).filter((r) => r.index < checkpoint.size);
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entries WHERE inspection_id = $1', [inspectionId])) as [{ n: number }];
  const hex = (hs: Hash[]) => hs.map((h) => h.toString('hex'));
  return {
    checkpoint: checkpoint.note,
    treeSize: checkpoint.size,
    leaves: logged.map((l) => ({ ...l, inclusion: hex(tree.inclusionProof(l.index)) })),
    pending: Math.max(0, n - logged.length),
    // From a larger tree than this one there is no proof: the reader sees the log shrank.
    ...(from !== undefined ? { consistency: { from, proof: from <= checkpoint.size ? hex(tree.consistencyProof(from)) : [] } } : {}),
  };
}
