import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers (everything the caller said, nothing the database added). */
export interface LedgerContent {
  inspectionId: string;
  seq: number;
  kind: string;
  /** ISO 8601 instant in UTC with milliseconds, as Date#toISOString gives. */
  at: string;
  actor: string;
  role: string;
  data: Record<string, unknown>;
  source: string | null;
}

export function contentJson(c: LedgerContent): string {
  return canonicalJson({
    inspectionId: c.inspectionId,
    seq: c.seq,
    kind: c.kind,
    at: c.at,
    actor: c.actor,
    role: c.role,
    data: c.data,
    source: c.source,
  });
}

/** sha256 hex of prev_hash followed by the entry's canonical content JSON. */
export function entryHash(prevHash: string, c: LedgerContent): string {
  return createHash('sha256').update(prevHash).update(contentJson(c)).digest('hex');
}
