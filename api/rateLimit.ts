import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Queryable } from '../db';

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Requests per caller per minute, counted in PostgreSQL (rate-limiter-flexible's store, table `rate_limits`), so every
 * API replica shares one count. A caller is a token's subject, or an address for anyone without a valid token.
 * If the database cannot be reached the request goes on: /readyz already says so, and refusing everyone would hide it.
 */
export class RateLimiter {
  private readonly limiter: RateLimiterPostgres;

  constructor(db: Queryable, perMinute: number) {
    const storeClient = { query: async (q: { text: string; values: unknown[] }) => { const rows = await db.query(q.text, q.values); return { rows, rowCount: rows.length }; } };
    this.limiter = new RateLimiterPostgres({ storeClient, storeType: 'client', tableName: 'rate_limits', tableCreated: true, points: perMinute, duration: 60 });
  }

  async take(caller: string): Promise<Taken> {
    try {
      await this.limiter.consume(caller.slice(0, 255));
      return { ok: true };
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
      return { ok: true };
    }
  }
}
