import { z } from 'zod';
import { type InspectionTypeDefinition, businessMoment, isoDate, note } from '../machines/kit';
import { INSPECTION_TYPES, isLatestRevision } from '../machines/registry';
import { type DocumentedBody, type JsonSchema, jsonSchema } from './jsonSchema';

/**
 * Request schemas. The per-type parts (a type's start input, an event's payload) are the machines' own
 * schemas, composed here for the OpenAPI document, never copied.
 */
export const providerId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore, at most 64');

export const createInspectionBody = z.looseObject({
  type: z.string().min(1).max(100),
  /** The provider's reference number (e.g. its URN): an identifier, never a person's name. */
  providerId,
  at: isoDate.optional().describe('the business date the inspection was opened (default today); no step may be dated before it'),
});

export const correctionBody = z
  .strictObject({
    step: z.number().int().min(1).describe('the seq of the step\'s decision.accepted entry in the audit ledger'),
    action: z.enum(['amend', 'withdraw']).describe('amend its date or fields, or withdraw a step recorded in error'),
    at: businessMoment.optional().describe('amend: the corrected business date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM London time)'),
    fields: z.record(z.string(), z.unknown()).optional().describe("amend: fields replaced in the step's payload"),
    reason: note.describe('why: kept in the audit trail with the original and the correction'),
  })
  .refine((c) => c.action === 'withdraw' || c.at !== undefined || c.fields !== undefined, { message: 'an amendment gives `at` or `fields`', path: ['action'] })
  .refine((c) => c.action === 'amend' || (c.at === undefined && c.fields === undefined), { message: 'a withdrawal takes no `at` or `fields`', path: ['action'] });

export const missedDeadlineBody = z.strictObject({
  clock: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'a clock id such as draftReport'),
  reason: note,
});

export const decisionBody = z.looseObject({
  event: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'an event name such as DRAFT_REPORT_SENT'),
});

/** Every type's start body, for the document: `{ type, providerId, ...that type's input }`, as its latest revisions take it. */
export const createInspectionBodyDoc = z.union(
  INSPECTION_TYPES.filter(isLatestRevision).map((d) =>
    z.strictObject({ type: z.literal(d.type), providerId, at: createInspectionBody.shape.at, ...d.inputSchema.shape }).meta({ title: `${d.type} v${d.version}` }),
  ) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
);

/**
 * Each type's decisions, for the document: per type, framework version and machine revision a component
 * `Decision.<type>.v<version>.r<revision>`, one of its events (`….<EVENT>`: `{ event, ...its payload }`) chosen by
 * `event`. Which one a body must match is the inspection's (GET /inspections/{id}); the body names them all.
 */
export function decisionBodyDoc(): DocumentedBody {
  const components: Record<string, JsonSchema> = {};
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  for (const d of INSPECTION_TYPES) {
    const typeName = decisionComponentName(d);
    const mapping: Record<string, string> = {};
    for (const [event, spec] of Object.entries(d.events)) {
      const name = `${typeName}.${event}`;
      components[name] = { title: `${d.type} v${d.version} r${d.machineRevision}: ${event}`, description: spec.label, ...jsonSchema(spec.schema.extend({ event: z.literal(event) }), 'input') };
      mapping[event] = ref(name).$ref;
    }
    components[typeName] = {
      title: `${d.title}, ${d.type} v${d.version} r${d.machineRevision}`,
      oneOf: Object.values(mapping).map(($ref) => ({ $ref })),
      discriminator: { propertyName: 'event', mapping },
    };
  }
  const perType = INSPECTION_TYPES.map((d) => ref(decisionComponentName(d)));
  return { schema: { description: "the decisions of the inspection's type, version and machine revision (GET /inspections/{id} says which)", anyOf: perType }, components };
}

export const decisionComponentName = (d: InspectionTypeDefinition) => `Decision.${d.type}.v${d.version}.r${d.machineRevision}`;

/** An integer query parameter: its text as a number; an empty one (`?offset=`) is not a number, and refused. */
export const queryInt = (min: number, max: number) => z.preprocess((v) => (v === '' ? Number.NaN : v), z.coerce.number().int().min(min).max(max));

const page = {
  limit: queryInt(1, 200).default(50),
  offset: queryInt(0, 1_000_000).default(0),
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
  dueWithinDays: queryInt(0, 3650).optional(),
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
