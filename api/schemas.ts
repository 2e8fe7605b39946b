import { z } from 'zod';
import { INSPECTION_TYPES } from '../machines/registry';

/**
 * Request schemas. The per-type parts (a type's start input, an event's payload) are the machines' own
 * schemas, composed here for the OpenAPI document, never copied.
 */
export const providerId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore, at most 64');

export const createInspectionBody = z.looseObject({
  type: z.string().min(1).max(100),
  /** The provider's reference number (e.g. its URN): an identifier, never a person's name. */
  providerId,
});

export const decisionBody = z.looseObject({
  event: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'an event name such as DRAFT_REPORT_SENT'),
});

/** Every type's start body, for the document: `{ type, providerId, ...that type's input }`. */
export const createInspectionBodyDoc = z.union(
  INSPECTION_TYPES.map((d) =>
    z.strictObject({ type: z.literal(d.type), providerId, ...d.inputSchema.shape }).meta({ title: `${d.type} v${d.version}` }),
  ) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
);

/** Every event of every type, for the document: `{ event, ...its payload }`. */
export const decisionBodyDoc = z.union(
  INSPECTION_TYPES.flatMap((d) =>
    Object.entries(d.events).map(([event, spec]) =>
      spec.schema.extend({ event: z.literal(event) }).meta({ title: `${d.type} v${d.version}: ${event}`, description: spec.label }),
    ),
  ) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
);

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const listQuery = z.strictObject({
  type: z.string().max(100).optional(),
  status: z.string().max(100).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  providerId: z.string().max(64).optional(),
  ...page,
});

export const inboxQuery = z.strictObject({
  role: z.enum(['manager', 'inspector', 'provider', 'auditor']).optional().describe('default: your own role'),
  ...page,
});

export const deadlinesQuery = z.strictObject({
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  dueWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  ...page,
});

export const breachesQuery = z.strictObject({
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...page,
});

export const emptyQuery = z.strictObject({});

export const inspectionIdParams = z.strictObject({
  id: z.string().regex(/^insp-[a-f0-9-]{8,64}$/, 'not an inspection id'),
});

export const errorBody = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
  }),
});
