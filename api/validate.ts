import type { z } from 'zod';
import { ApiError } from './errors';

/** Parses with a schema or throws a 400 naming every problem. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  throw new ApiError(400, 'invalid_request', `invalid ${what}: ${message}`, { issues: parsed.error.issues });
}
