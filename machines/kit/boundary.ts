import { SUPPORTED_DATES, isSupportedDate } from '../../calendar';

/**
 * What the system takes in at its boundary (the API's bodies, queries and paths; every new Update, in its validator),
 * whatever the field: text PostgreSQL can store (no NUL, which neither `text` nor `jsonb` takes, and no lone UTF-16
 * surrogate, which is not Unicode), dates the working-day calendar and the Europe/London rules can place, and values
 * nested no deeper than any event's payload. Refused there, such a value never reaches a workflow's history, where
 * it would fail every write, or every workflow task, later. Not part of the event schemas: a workflow re-reads its recorded decisions with those on replay, and what it
 * accepted once it must accept again.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const DATE_LIKE = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The years from `first` to `last` as a regular expression: whole centuries and decades as `\d`, the rest listed. */
export function yearsPattern(first: number, last: number): string {
  const parts: string[] = [];
  for (let year = first; year <= last; ) {
    if (year % 100 === 0 && year + 99 <= last) {
      parts.push(`${year / 100}\\d{2}`);
      year += 100;
    } else if (year % 10 === 0 && year + 9 <= last) {
      parts.push(`${year / 10}\\d`);
      year += 10;
    } else parts.push(String(year++));
  }
  return parts.join('|');
}

/**
 * The dates the boundary takes, as a regular expression for the API's document (the supported dates run from a
 * 1 January to a 31 December, so the years say it exactly; whether a day exists in its month is `format: date`'s).
 */
export const SUPPORTED_DATE_PATTERN = `(?:${yearsPattern(Number(SUPPORTED_DATES.first.slice(0, 4)), Number(SUPPORTED_DATES.last.slice(0, 4)))})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])`;

/** Deeper than any payload of any event; deeper still would only exhaust the stack of whatever walks it next. */
export const MAX_NESTING = 32;

export const UNSTORABLE_MESSAGE = 'contains a NUL character or a lone surrogate, which cannot be stored';
export const UNSUPPORTED_DATE_MESSAGE = `is outside the dates the working-day calendar covers (${SUPPORTED_DATES.first} to ${SUPPORTED_DATES.last})`;

export interface BoundaryProblem {
  /** The field, as a dotted path (`judgements.x`, `items[2]`, or `(value)` for the whole). */
  path: string;
  kind: 'text' | 'date' | 'nesting';
  message: string;
}

/** The first string (or object key) in `value` the system cannot take in, or null. */
export function boundaryProblem(value: unknown, path = '', depth = 0): BoundaryProblem | null {
  if (depth > MAX_NESTING) return { path: path || '(value)', kind: 'nesting', message: `is nested more than ${MAX_NESTING} levels deep` };
  if (typeof value === 'string') {
    const at = path || '(value)';
    if (UNSTORABLE.test(value)) return { path: at, kind: 'text', message: UNSTORABLE_MESSAGE };
    const date = DATE_LIKE.exec(value)?.[1];
    if (date && !isSupportedDate(date)) return { path: at, kind: 'date', message: UNSUPPORTED_DATE_MESSAGE };
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = boundaryProblem(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (UNSTORABLE.test(key)) return { path: `${at} (the name)`, kind: 'text', message: UNSTORABLE_MESSAGE };
      const found = boundaryProblem(child, at, depth + 1);
      if (found) return found;
    }
  }
  return null;
}
