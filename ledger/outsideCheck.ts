import { type AuditProof, auditLeaf } from './auditLog';
import { type Checkpoint, openCheckpoint } from './checkpoint';
import { GENESIS_HASH, entryHash } from './hash';
import { verifyConsistency, verifyInclusion } from './merkle';

/** An entry as the API serves it (`GET /inspections/:id/audit`). */
export interface ServedEntry {
  seq: number;
  kind: string;
  at: string;
  actor: string;
  role: string;
  data: Record<string, unknown>;
  source: string | null;
  prevHash: string;
  hash: string;
}

export interface OutsideCheckResult {
  ok: boolean;
  problems: string[];
  /** Entries whose inclusion in the signed log was proved. */
  proved: number;
  /** Entries stored since the server's latest checkpoint: chained, not yet signed. */
  pending: number;
  checkpoint: Pick<Checkpoint, 'size' | 'time'> | null;
  held: Pick<Checkpoint, 'size' | 'time'> | null;
}

/**
 * What an outside party checks, trusting only a verifier key and, optionally, a checkpoint it kept earlier: the
 * server's latest checkpoint is signed by that key; the log it describes still holds the kept one unchanged (no
 * truncation, insertion or rewrite since); every entry of the inspection chains to the one before; and every entry
 * the signed log holds is in the ledger, unchanged (an inclusion proof from the entry's own hash).
 */
export function checkAgainstCheckpoints(input: { inspectionId: string; entries: ServedEntry[]; proof: AuditProof; vkey: string; held?: string }): OutsideCheckResult {
  const problems: string[] = [];
  const result = (proved: number, pending: number, current: Checkpoint | null, held: Checkpoint | null): OutsideCheckResult => ({
    ok: problems.length === 0,
    problems,
    proved,
    pending,
    checkpoint: current && { size: current.size, time: current.time },
    held: held && { size: held.size, time: held.time },
  });
  let current: Checkpoint;
  let held: Checkpoint | null = null;
  try {
    current = openCheckpoint(input.proof.checkpoint, input.vkey);
  } catch (error) {
    problems.push(`the server's checkpoint: ${(error as Error).message}`);
    return result(0, 0, null, null);
  }
  if (input.held !== undefined) {
    try {
      held = openCheckpoint(input.held, input.vkey);
    } catch (error) {
      problems.push(`the checkpoint you kept: ${(error as Error).message}`);
    }
  }
  if (held) {
    const proof = input.proof.consistency;
    if (held.size > current.size) problems.push(`the log was truncated: it holds ${current.size} entries, the checkpoint you kept ${held.size}`);
    else if (!proof || proof.from !== held.size || !verifyConsistency(held.size, current.size, proof.proof.map(hex), held.root, current.root)) {
      problems.push(`the log was changed since the checkpoint you kept (size ${held.size}, ${held.time}): it is not a prefix of the log now`);
    }
  }

  const entries = [...input.entries].sort((a, b) => a.seq - b.seq);
  let prev = GENESIS_HASH;
  entries.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`entry ${i + 1} is missing from the chain (next is ${e.seq})`);
    else if (e.prevHash !== prev) problems.push(`entry ${e.seq} does not follow entry ${e.seq - 1}`);
    else if (entryHash(prev, { inspectionId: input.inspectionId, ...e }) !== e.hash) problems.push(`entry ${e.seq} does not match its hash (edited)`);
    prev = e.hash;
  });

  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  let proved = 0;
  for (const leaf of input.proof.leaves) {
    const entry = bySeq.get(leaf.seq);
    if (!entry) problems.push(`entry ${leaf.seq} is in the signed log but not in the ledger (removed)`);
    else if (!verifyInclusion(auditLeaf({ inspectionId: input.inspectionId, seq: leaf.seq, hash: entry.hash }), leaf.index, current.size, leaf.inclusion.map(hex), current.root)) {
      problems.push(`entry ${leaf.seq} is not the entry the signed log holds (changed or replaced)`);
    } else proved++;
  }
  const logged = new Set(input.proof.leaves.map((l) => l.seq));
  const lastLogged = Math.max(0, ...logged);
  const unlogged = entries.filter((e) => !logged.has(e.seq));
  for (const e of unlogged) if (e.seq < lastLogged) problems.push(`entry ${e.seq} is not in the signed log although a later one is (inserted)`);
  return result(proved, unlogged.length, current, held);
}

const hex = (h: string) => Buffer.from(h, 'hex');
