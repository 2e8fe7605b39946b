import { z } from 'zod';
import { SUPPORTED_DATE_PATTERN } from './boundary';

const realDate = (s: string) => {
  const d = new Date(`${s.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s.slice(0, 10);
};

/**
 * A calendar date in Europe/London, `YYYY-MM-DD`. Which years the system can place is the boundary's rule
 * (./boundary.ts), not the schema's: a workflow re-reads its recorded decisions with these schemas.
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(realDate, 'not a real calendar date')
  .meta({ format: 'date', pattern: `^${SUPPORTED_DATE_PATTERN}$` });

/** Free text kept short: it goes to the audit ledger, so no documents or personal data dumps. */
export const note = z.string().trim().min(1).max(2000);

/**
 * When a step happened: its date, or its date and London wall-clock time where the time of day matters (a service
 * level in clock hours, a 4.30pm cut-off).
 */
export const businessMoment = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d)?$/, 'expected a date as YYYY-MM-DD, or with a London time as YYYY-MM-DDTHH:MM')
  .refine(realDate, 'not a real calendar date')
  .meta({ pattern: `^${SUPPORTED_DATE_PATTERN}(?:T(?:[01]\\d|2[0-3]):[0-5]\\d)?$` });

/**
 * The fields every decision may carry. `at` is when the step happened (docs/ARCHITECTURE.md §4), its business date: it may be in
 * the past but not the future, nor before the inspection was opened; the workflow checks both and fills in today
 * when it is left out. Steps take their place by it, whenever they are recorded.
 */
export const eventBase = { at: businessMoment.optional(), note: note.optional() };

/** A decision's payload schema: strict, so unknown fields are refused, never silently dropped. */
export function payload<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...eventBase, ...shape });
}
