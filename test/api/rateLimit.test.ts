import { openDatabase } from '../../db';
import { RateLimiter } from '../../api/rateLimit';

describe('rate limiter, shared through the database', () => {
  it('allows a caller up to the limit a minute, then asks it to wait; callers and limiters sharing a database count together', async () => {
    const db = await openDatabase({ memory: true });
    try {
      const replicaA = new RateLimiter(db, 5);
      const replicaB = new RateLimiter(db, 5);
      for (let i = 0; i < 3; i++) expect((await replicaA.take('actor:a')).ok).toBe(true);
      for (let i = 0; i < 2; i++) expect((await replicaB.take('actor:a')).ok).toBe(true); // the other replica counts the same caller
      const refused = await replicaA.take('actor:a');
      expect(refused).toEqual({ ok: false, retryAfterSeconds: expect.any(Number) });
      expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
      expect((await replicaB.take('address:127.0.0.1')).ok).toBe(true); // callers are counted apart
    } finally {
      await db.close();
    }
  });
});
