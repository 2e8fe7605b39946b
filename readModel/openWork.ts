import type { Queryable } from '../db';
import type { AllowedDecisionView, BreachView, DeadlineView } from '../engine/view';

/** What one inspection is waiting for: its running clocks, its breaches and the decisions open now. */
export interface OpenWork {
  deadlines: DeadlineView[];
  breaches: BreachView[];
  decisions: AllowedDecisionView[];
}

/**
 * Stores an inspection's open work beside its summary, for the same revision only (never an older one): its
 * breaches and open decisions in its row, its running clocks as rows of their own (replaced as a set).
 */
export async function saveOpenWork(db: Queryable, id: string, revision: number, work: OpenWork): Promise<void> {
  // One statement: the DELETE sees the clocks stored before it, the INSERT adds today's. A retried write of the
  // same revision racing this one meets its rows in the key and updates them.
  await db.query(
    `WITH updated AS (
       UPDATE inspections SET breaches = $4::jsonb, pending_decisions = $5::jsonb
       WHERE id = $1 AND revision = $2
       RETURNING id
     ), cleared AS (
       DELETE FROM inspection_deadlines WHERE inspection_id IN (SELECT id FROM updated)
     )
     INSERT INTO inspection_deadlines (inspection_id, clock, due_at, deadline)
     SELECT u.id, d.value->>'clock', (d.value->>'dueAt')::timestamptz, d.value
     FROM updated u CROSS JOIN LATERAL jsonb_array_elements($3::jsonb) AS d(value)
     ON CONFLICT (inspection_id, clock) DO UPDATE SET due_at = EXCLUDED.due_at, deadline = EXCLUDED.deadline`,
    [id, revision, JSON.stringify(work.deadlines), JSON.stringify(work.breaches), JSON.stringify(work.decisions)],
  );
}

interface Scope {
  /** Only this provider's inspections (a provider's own view). */
  providerId?: string;
  limit: number;
  offset: number;
}

export interface InboxItem {
  inspectionId: string;
  type: string;
  status: string;
  providerId: string | null;
  event: string;
  label: string;
  roles: string[];
  source: string;
  /** The clock the decision answers (why it is due), or null when it answers none. */
  answers: DeadlineView | null;
  due: string | null;
  overdue: boolean;
}

/** The decisions waiting for a role across all open inspections, soonest due first (undated last). */
export async function listInbox(db: Queryable, q: Scope & { role: string; now: Date }): Promise<{ items: InboxItem[]; total: number }> {
  const params: unknown[] = [q.role];
  let where = `d.value->'roles' ? $1`;
  if (q.providerId !== undefined) {
    params.push(q.providerId);
    where += ` AND i.provider_id = $${params.length}`;
  }
  const from = `FROM inspections i CROSS JOIN LATERAL jsonb_array_elements(i.pending_decisions) AS d(value) WHERE ${where}`;
  const [count] = await db.query<{ total: number }>(`SELECT count(*)::int AS total ${from}`, params);
  const rows = await db.query<{ id: string; type: string; status: string; provider_id: string | null; decision: Omit<InboxItem, 'inspectionId' | 'type' | 'status' | 'providerId' | 'due' | 'overdue'> }>(
    `SELECT i.id, i.type, i.status, i.provider_id, d.value AS decision ${from}
     ORDER BY (d.value->'answers'->>'dueAt') ASC NULLS LAST, i.id, d.value->>'event'
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, q.limit, q.offset],
  );
  const now = q.now.getTime();
  return {
    total: count?.total ?? 0,
    items: rows.map((r) => ({
      inspectionId: r.id,
      type: r.type,
      status: r.status,
      providerId: r.provider_id,
      ...r.decision,
      due: r.decision.answers?.due ?? null,
      overdue: r.decision.answers ? Date.parse(r.decision.answers.dueAt) <= now : false,
    })),
  };
}

export interface DeadlineItem extends DeadlineView {
  inspectionId: string;
  type: string;
  status: string;
  providerId: string | null;
}

/**
 * Running clocks across inspections, soonest first: the overdue ones (`overdue`), or those due within
 * `withinDays` calendar days (`dueSoon`), or all.
 */
export async function listDeadlines(
  db: Queryable,
  q: Scope & { now: Date; overdue?: boolean; withinDays?: number },
): Promise<{ items: DeadlineItem[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (q.providerId !== undefined) {
    params.push(q.providerId);
    where.push(`i.provider_id = $${params.length}`);
  }
  if (q.overdue) {
    params.push(q.now.toISOString());
    where.push(`d.due_at <= $${params.length}::timestamptz`);
  }
  if (q.withinDays !== undefined) {
    params.push(new Date(q.now.getTime() + q.withinDays * 86_400_000).toISOString());
    where.push(`d.due_at <= $${params.length}::timestamptz`);
  }
  const from = `FROM inspection_deadlines d JOIN inspections i ON i.id = d.inspection_id${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const [count] = await db.query<{ total: number }>(`SELECT count(*)::int AS total ${from}`, params);
  const rows = await db.query<{ id: string; type: string; status: string; provider_id: string | null; deadline: DeadlineView }>(
    `SELECT i.id, i.type, i.status, i.provider_id, d.deadline ${from}
     ORDER BY d.due_at, d.inspection_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, q.limit, q.offset],
  );
  const now = q.now.getTime();
  return {
    total: count?.total ?? 0,
    items: rows.map((r) => ({
      ...r.deadline,
      overdue: Date.parse(r.deadline.dueAt) <= now,
      inspectionId: r.id,
      type: r.type,
      status: r.status,
      providerId: r.provider_id,
    })),
  };
}

export interface BreachItem extends BreachView {
  inspectionId: string;
  type: string;
  providerId: string | null;
}

/** Every breach recorded across inspections, newest miss first; `open` keeps those not yet resolved. */
export async function listBreaches(db: Queryable, q: Scope & { open?: boolean }): Promise<{ items: BreachItem[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (q.providerId !== undefined) {
    params.push(q.providerId);
    where.push(`i.provider_id = $${params.length}`);
  }
  if (q.open) where.push(`b.value->>'resolvedOn' IS NULL`);
  const from = `FROM inspections i CROSS JOIN LATERAL jsonb_array_elements(i.breaches) AS b(value)${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const [count] = await db.query<{ total: number }>(`SELECT count(*)::int AS total ${from}`, params);
  const rows = await db.query<{ id: string; type: string; provider_id: string | null; breach: BreachView }>(
    `SELECT i.id, i.type, i.provider_id, b.value AS breach ${from}
     ORDER BY b.value->>'missedAt' DESC, i.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, q.limit, q.offset],
  );
  return {
    total: count?.total ?? 0,
    items: rows.map((r) => ({ ...r.breach, inspectionId: r.id, type: r.type, providerId: r.provider_id })),
  };
}
