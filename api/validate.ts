import type { z } from 'zod';
import { boundaryProblem } from '../machines/kit/boundary';
import { ApiError } from './errors';

const BOUNDARY_CODES = { text: 'invalid_text', date: 'invalid_date', nesting: 'invalid_request' } as const;

/**
 * Parses with a schema or throws a 400 naming every problem. What the system takes in at all is checked first,
 * wherever it is (a field, a key, a query or path parameter): text no database could store (a NUL, a lone surrogate),
 * dates the calendar cannot place and values nested beyond any payload (machines/kit/boundary.ts), so none reaches a workflow.
 */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const problem = boundaryProblem(value);
  if (problem) throw new ApiError(400, BOUNDARY_CODES[problem.kind], `invalid ${what}: ${problem.path}: ${problem.message}`, { field: problem.path });
  const proto = protoKey(value);
  if (proto) throw new ApiError(400, 'invalid_request', `invalid ${what}: ${proto}: unknown field`, { field: proto });
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  throw new ApiError(400, 'invalid_request', `invalid ${what}: ${message}`, { issues: parsed.error.issues });
}

/** A `__proto__` field: JSON.parse keeps it as an own property, but schemas skip it; refused like any unknown field. */
function protoKey(value: unknown, path = ''): string | null {
  if (value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (key === '__proto__' && !Array.isArray(value)) return at;
    const found = protoKey((value as Record<string, unknown>)[key], at);
    if (found) return found;
  }
  return null;
}
