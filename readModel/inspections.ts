import { z } from 'zod';
import type { Queryable } from '../db';

/** What the workflow reports about an inspection, for lists. Written by an activity after each change. */
export type InspectionSummaryInput = {
  id: string;
  type: string;
  /** The framework version and the machine revision the inspection runs. */
  version: number;
  machineRevision: number;
  /** Public status (mapped from machine state in one place by the caller). */
  status: string;
  stage: string;
  providerId: string | null;
  nextDeadlineAt: string | Date | null;
  /** Which statutory clock the next deadline belongs to. */
  nextDeadlineClock: string | null;
  openBreaches: number;
  grade: string | null;
  /**
   * Monotonic per inspection (for example the last ledger seq). A summary whose revision is lower than
   * the stored one is ignored, so a late retry never overwrites newer state; an equal one is rewritten.
   */
  revision: number;
  /** Set on first insert only; default now(). */
  createdAt?: string | Date;
  /** Default now(). */
  updatedAt?: string | Date;
};

export const inspectionSummary = z.object({
  id: z.string(),
  type: z.string(),
  version: z.number().int(),
  machineRevision: z.number().int(),
  status: z.string(),
  stage: z.string(),
  providerId: z.string().nullable(),
  nextDeadlineAt: z.string().nullable(),
  nextDeadlineClock: z.string().nullable(),
  openBreaches: z.number().int(),
  grade: z.string().nullable(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InspectionSummary = z.infer<typeof inspectionSummary>;

export type ListInspectionsQuery = {
  type?: string;
  status?: string;
  providerId?: string;
  /** true: deadline passed (next_deadline_at < now) or open breaches; false: neither. */
  overdue?: boolean;
  now: Date;
  limit: number;
  offset: number;
};

export type InspectionPage = { items: InspectionSummary[]; total: number };

type Row = {
  id: string;
  type: string;
  version: number;
  machine_revision: number;
  status: string;
  stage: string;
  provider_id: string | null;
  next_deadline_at: Date | null;
  next_deadline_clock: string | null;
  open_breaches: number;
  grade: string | null;
  revision: number | string;
  created_at: Date;
  updated_at: Date;
};

const COLUMNS =
  'id, type, version, machine_revision, status, stage, provider_id, next_deadline_at, next_deadline_clock, open_breaches, grade, revision, created_at, updated_at';

const iso = (d: Date | null): string | null => (d === null ? null : new Date(d).toISOString());

function toSummary(r: Row): InspectionSummary {
  return {
    id: r.id,
    type: r.type,
    version: r.version,
    machineRevision: r.machine_revision,
    status: r.status,
    stage: r.stage,
    providerId: r.provider_id,
    nextDeadlineAt: iso(r.next_deadline_at),
    nextDeadlineClock: r.next_deadline_clock,
    openBreaches: r.open_breaches,
    grade: r.grade,
    revision: Number(r.revision),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

function instant(v: string | Date | null | undefined, field: string): string | null {
  if (v === null || v === undefined) return null;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new TypeError(`${field} is not a valid instant: ${String(v)}`);
  return d.toISOString();
}

function nonNegativeInt(v: number, field: string): number {
  if (!Number.isInteger(v) || v < 0) throw new TypeError(`${field} must be a non-negative integer, got ${v}`);
  return v;
}

/**
 * Inserts or updates one inspection's row. Idempotent; a summary older than the stored one (lower
 * revision) changes nothing. Returns whether the row was written.
 */
export async function upsertInspectionSummary(db: Queryable, s: InspectionSummaryInput): Promise<{ applied: boolean }> {
  if (!s.id) throw new TypeError('id is required');
  nonNegativeInt(s.openBreaches, 'openBreaches');
  nonNegativeInt(s.revision, 'revision');
  const rows = await db.query<{ id: string }>(
    `INSERT INTO inspections (id, type, version, status, stage, provider_id, next_deadline_at, next_deadline_clock,
                              open_breaches, grade, revision, created_at, updated_at, machine_revision)
     VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8, $9, $10, $11,
             COALESCE($12::timestamptz, now()), COALESCE($13::timestamptz, now()), $14)
     ON CONFLICT (id) DO UPDATE SET
       type = EXCLUDED.type,
       version = EXCLUDED.version,
       machine_revision = EXCLUDED.machine_revision,
       status = EXCLUDED.status,
       stage = EXCLUDED.stage,
       provider_id = EXCLUDED.provider_id,
       next_deadline_at = EXCLUDED.next_deadline_at,
       next_deadline_clock = EXCLUDED.next_deadline_clock,
       open_breaches = EXCLUDED.open_breaches,
       grade = EXCLUDED.grade,
       revision = EXCLUDED.revision,
       updated_at = EXCLUDED.updated_at
     WHERE inspections.revision <= EXCLUDED.revision
     RETURNING id`,
    [
      s.id,
      s.type,
      s.version,
      s.status,
      s.stage,
      s.providerId,
      instant(s.nextDeadlineAt, 'nextDeadlineAt'),
      s.nextDeadlineClock,
      s.openBreaches,
      s.grade,
      s.revision,
      instant(s.createdAt, 'createdAt'),
      instant(s.updatedAt, 'updatedAt'),
      s.machineRevision,
    ],
  );
  return { applied: rows.length > 0 };
}

export async function getInspectionSummary(db: Queryable, id: string): Promise<InspectionSummary | null> {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM inspections WHERE id = $1`, [id]);
  return rows[0] ? toSummary(rows[0]) : null;
}

/** A page of inspections, soonest next deadline first (none last), then by id; `total` counts all matches. */
export async function listInspections(db: Queryable, q: ListInspectionsQuery): Promise<InspectionPage> {
  const limit = nonNegativeInt(q.limit, 'limit');
  const offset = nonNegativeInt(q.offset, 'offset');
  if (!(q.now instanceof Date) || Number.isNaN(q.now.getTime())) throw new TypeError('now must be a valid Date');
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (q.type !== undefined) add((p) => `type = ${p}`, q.type);
  if (q.status !== undefined) add((p) => `status = ${p}`, q.status);
  if (q.providerId !== undefined) add((p) => `provider_id = ${p}`, q.providerId);
  if (q.overdue !== undefined) {
    add(
      (p) =>
        q.overdue
          ? `(next_deadline_at < ${p}::timestamptz OR open_breaches > 0)`
          : `((next_deadline_at IS NULL OR next_deadline_at >= ${p}::timestamptz) AND open_breaches = 0)`,
      q.now.toISOString(),
    );
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [countRow] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM inspections ${whereSql}`, params);
  const items = await db.query<Row>(
    `SELECT ${COLUMNS} FROM inspections ${whereSql}
     ORDER BY next_deadline_at ASC NULLS LAST, id ASC
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, limit, offset],
  );
  return { items: items.map(toSummary), total: countRow?.total ?? 0 };
}
