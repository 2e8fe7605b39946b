import { z } from 'zod';

/** A stored ledger entry and a chain check, as readers see them; the single source of their types and API schemas. */
export const ledgerEntry = z.object({
  inspectionId: z.string(),
  seq: z.number().int().min(1),
  kind: z.string(),
  at: z.string().describe('ISO 8601 instant, UTC'),
  actor: z.string(),
  role: z.string(),
  data: z.record(z.string(), z.unknown()),
  source: z.string().nullable().describe('the rule behind it: seed file and paragraph'),
  prevHash: z.string(),
  hash: z.string(),
  /** When the database stored it (not covered by the hash). */
  recordedAt: z.string(),
});
export type LedgerEntry = z.infer<typeof ledgerEntry>;

export const verifyResult = z.union([
  z.object({ ok: z.literal(true), entries: z.number().int(), head: z.string() }),
  z.object({ ok: z.literal(false), entries: z.number().int(), brokenAt: z.number().int(), reason: z.string() }),
]);
export type VerifyResult = z.infer<typeof verifyResult>;
