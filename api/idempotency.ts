import { createHash } from 'node:crypto';
import type { Queryable } from '../db';
import { canonicalJson } from '../ledger';
import { ApiError } from './errors';

/**
 * An Idempotency-Key stands for one request: the first use records what it was sent with (route, target and body,
 * canonically hashed); a retry with the same request goes on (Temporal then answers it once), the same key with
 * another request is refused with 422 and changes nothing. Kept in PostgreSQL, so every API replica agrees.
 * While the database cannot be reached the request goes on unchecked: Temporal still applies a key once, and
 * decisions are taken while the database is down (the ledger catches up), so the key's check must not stop them.
 */
export async function claimIdempotencyKey(db: Queryable, actorId: string, key: string, request: { route: string; target: string; body: unknown }): Promise<void> {
  const hash = createHash('sha256').update(canonicalJson(request)).digest('hex');
  const rows = await db
    .query<{ request_hash: string }>(
      `INSERT INTO idempotency_keys (actor, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (actor, key) DO UPDATE SET actor = EXCLUDED.actor RETURNING request_hash`,
      [actorId, key, hash],
    )
    .catch(() => null);
  if (rows && rows[0]?.request_hash !== hash) {
    throw new ApiError(422, 'idempotency_key_reused', `Idempotency-Key "${key}" was first sent with another request; use a new key for a new request`);
  }
}
