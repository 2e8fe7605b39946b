/**
 * An iCalendar feed (RFC 5545) of timeline entries: one all-day event per statutory date, so a manager's
 * calendar shows every deadline still to come. Pure: the stamp is given, never read from a clock.
 */
export interface IcsEntry {
  clock: string;
  label: string;
  /** `YYYY-MM-DD` */
  due: string;
  rule: string;
  source: string;
  kind?: string;
  reading?: string;
}

export interface IcsOptions {
  /** Identifies the inspection (or the preview) in each event's UID, so a re-issued feed updates, not duplicates. */
  inspectionId: string;
  /** When the feed was produced (DTSTAMP): epoch ms, a Date or an ISO instant. */
  stamp: number | Date | string;
  /** Calendar name shown by clients (X-WR-CALNAME). */
  calendarName?: string;
  /** Right-hand side of each UID (default `durable-inspections`). */
  uidDomain?: string;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

export function timelineToIcs(entries: readonly IcsEntry[], options: IcsOptions): string {
  const stamp = utcStamp(options.stamp);
  const domain = options.uidDomain ?? 'durable-inspections';
  const seen = new Map<string, number>();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//durable-inspections//timeline//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.calendarName ? [`X-WR-CALNAME:${escapeText(options.calendarName)}`] : []),
  ];
  for (const entry of entries) {
    // Stable per inspection and clock; a clock that runs twice gets a numbered second event.
    const n = (seen.get(entry.clock) ?? 0) + 1;
    seen.set(entry.clock, n);
    const uid = `${uidPart(options.inspectionId)}-${uidPart(entry.clock)}${n > 1 ? `-${n}` : ''}@${domain}`;
    const description = [entry.rule, ...(entry.reading ? [`Reading: ${entry.reading}`] : []), `Source: ${entry.source}`].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(entry.due)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(entry.due))}`,
      `SUMMARY:${escapeText(entry.label)}`,
      `DESCRIPTION:${escapeText(description)}`,
      ...(entry.kind ? [`CATEGORIES:${escapeText(entry.kind)}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): each continuation starts with one space, which counts
 * towards its 75; a UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function icsDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return date.replace(/-/g, '');
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function utcStamp(stamp: number | Date | string): string {
  const d = stamp instanceof Date ? stamp : new Date(stamp);
  if (Number.isNaN(d.getTime())) throw new RangeError(`stamp: not an instant: ${String(stamp)}`);
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const uidPart = (value: string) => value.replace(/[^A-Za-z0-9._-]/g, '_');
