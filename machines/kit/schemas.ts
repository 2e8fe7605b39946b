import { z } from 'zod';

/** A calendar date in Europe/London, `YYYY-MM-DD`. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');

/** Free text kept short: it goes to the audit ledger, so no documents or personal data dumps. */
export const note = z.string().trim().min(1).max(2000);

/**
 * The fields every decision may carry. `at` is the business date of the event (DESIGN §4): it may be
 * in the past but not the future, and never before the previous event's date; the workflow checks both
 * and fills in today when it is left out.
 */
export const eventBase = { at: isoDate.optional(), note: note.optional() };

/** A decision's payload schema: strict, so unknown fields are refused, never silently dropped. */
export function payload<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...eventBase, ...shape });
}
