import { z } from 'zod';

/** Request bodies and queries. Each is strict: unknown fields are refused with a 400. */
export const createInspectionBody = z.looseObject({
  type: z.string().min(1).max(100),
  /** The provider's reference number (e.g. its URN): an identifier, never a person's name. */
  providerId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore, at most 64'),
});

export const decisionBody = z.looseObject({
  event: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'an event name such as DRAFT_REPORT_SENT'),
});

export const listQuery = z.strictObject({
  type: z.string().max(100).optional(),
  status: z.string().max(100).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  providerId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const inspectionIdParam = z.string().regex(/^insp-[a-f0-9-]{8,64}$/, 'not an inspection id');
