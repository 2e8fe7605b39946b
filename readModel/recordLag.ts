import type { Queryable } from '../db';

/**
 * Where the ledger lags a workflow: an inspection whose workflow holds steps it has not been able to write. A failed
 * write records (or counts) the lag; the next write that succeeds clears it. The API's /readyz, /metrics and the
 * audit check read it, so a stuck record is seen at once, however many inspections are fine.
 */
export interface RecordLag {
  inspectionId: string;
  /** The workflow's revision that could not be written. */
  revision: number;
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
  lastError: string;
}

export async function noteRecordFailure(db: Queryable, inspectionId: string, revision: number, error: string): Promise<void> {
  await db.query(
    `INSERT INTO record_lag (inspection_id, revision, attempts, first_failed_at, last_failed_at, last_error)
     VALUES ($1, $2, 1, now(), now(), $3)
     ON CONFLICT (inspection_id) DO UPDATE SET revision = GREATEST(record_lag.revision, EXCLUDED.revision),
       attempts = record_lag.attempts + 1, last_failed_at = now(), last_error = EXCLUDED.last_error`,
    [inspectionId, revision, error.slice(0, 2000)],
  );
}

export async function clearRecordLag(db: Queryable, inspectionId: string): Promise<void> {
  await db.query('DELETE FROM record_lag WHERE inspection_id = $1', [inspectionId]);
}

type Row = { inspection_id: string; revision: number; attempts: number; first_failed_at: Date | string; last_failed_at: Date | string; last_error: string };
const COLUMNS = 'inspection_id, revision, attempts, first_failed_at, last_failed_at, last_error';
const iso = (t: Date | string) => new Date(t).toISOString();
const toLag = (r: Row): RecordLag => ({ inspectionId: r.inspection_id, revision: r.revision, attempts: r.attempts, firstFailedAt: iso(r.first_failed_at), lastFailedAt: iso(r.last_failed_at), lastError: r.last_error });

/** Every lagging record whose first failure is older than `olderThanSeconds`, the oldest first, and how many there are. */
export async function listRecordLags(db: Queryable, olderThanSeconds = 0, limit = 100): Promise<{ items: RecordLag[]; total: number }> {
  const where = 'WHERE first_failed_at <= now() - make_interval(secs => $1)';
  const [rows, count] = await Promise.all([
    db.query<Row>(`SELECT ${COLUMNS} FROM record_lag ${where} ORDER BY first_failed_at LIMIT $2`, [olderThanSeconds, limit]),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_lag ${where}`, [olderThanSeconds]),
  ]);
  return { items: rows.map(toLag), total: count[0]?.n ?? 0 };
}

export async function getRecordLag(db: Queryable, inspectionId: string): Promise<RecordLag | null> {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM record_lag WHERE inspection_id = $1`, [inspectionId]);
  return rows[0] ? toLag(rows[0]) : null;
}
