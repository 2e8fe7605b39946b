import { createHash } from 'node:crypto';
import type { Database } from './types';

/**
 * Numbered schema migrations, applied in order. Append only: never edit or renumber one that has
 * shipped (its checksum is recorded and checked), add a new one instead.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'ledger_entries',
    sql: `
      CREATE TABLE ledger_entries (
        inspection_id text        NOT NULL,
        seq           int         NOT NULL CHECK (seq >= 1),
        kind          text        NOT NULL,
        at            timestamptz NOT NULL,
        actor         text        NOT NULL,
        role          text        NOT NULL,
        data          jsonb       NOT NULL,
        source        text        NULL,
        prev_hash     text        NOT NULL,
        hash          text        NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (inspection_id, seq)
      );

      -- Append-only at the database level: rows can be inserted, never changed or removed. Tests that
      -- simulate tampering must disable these triggers explicitly (ALTER TABLE ... DISABLE TRIGGER).
      CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'ledger_entries is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $fn$;

      CREATE TRIGGER ledger_entries_no_update_delete
        BEFORE UPDATE OR DELETE ON ledger_entries
        FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();

      CREATE TRIGGER ledger_entries_no_truncate
        BEFORE TRUNCATE ON ledger_entries
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_append_only();
    `,
  },
  {
    version: 2,
    name: 'inspections_read_model',
    sql: `
      CREATE TABLE inspections (
        id                  text        PRIMARY KEY,
        type                text        NOT NULL,
        version             int         NOT NULL,
        status              text        NOT NULL,
        stage               text        NOT NULL,
        provider_id         text        NULL,
        next_deadline_at    timestamptz NULL,
        next_deadline_clock text        NULL,
        open_breaches       int         NOT NULL DEFAULT 0,
        grade               text        NULL,
        revision            bigint      NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX inspections_next_deadline_idx ON inspections (next_deadline_at, id);
      CREATE INDEX inspections_type_status_idx ON inspections (type, status);
      CREATE INDEX inspections_provider_idx ON inspections (provider_id);
    `,
  },
  {
    version: 3,
    name: 'publications',
    sql: `
      -- What the public reports website lists: one row per published inspection report.
      CREATE TABLE publications (
        inspection_id text        PRIMARY KEY,
        type          text        NOT NULL,
        provider_id   text        NULL,
        grade         text        NULL,
        published_on  date        NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX publications_provider_idx ON publications (provider_id, published_on);
    `,
  },
  {
    version: 4,
    name: 'inspections_open_work',
    sql: `
      -- What each inspection waits for, for the cross-inspection lists (inbox, deadlines, breaches).
      ALTER TABLE inspections
        ADD COLUMN deadlines         jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN breaches          jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN pending_decisions jsonb NOT NULL DEFAULT '[]';
    `,
  },
  {
    version: 5,
    name: 'inspection_deadlines',
    sql: `
      -- One row per running clock, indexed by when it runs out, so the deadlines list (overdue first) reads the
      -- index instead of unpacking every inspection's JSON: 117 ms at 10,000 open inspections before this.
      -- A clock runs at most once at a time in an inspection (engine/clocks.ts), hence the key.
      CREATE TABLE inspection_deadlines (
        inspection_id text        NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
        clock         text        NOT NULL,
        due_at        timestamptz NOT NULL,
        deadline      jsonb       NOT NULL,
        PRIMARY KEY (inspection_id, clock)
      );
      CREATE INDEX inspection_deadlines_due_idx ON inspection_deadlines (due_at, inspection_id);
      INSERT INTO inspection_deadlines (inspection_id, clock, due_at, deadline)
        SELECT i.id, d.value->>'clock', (d.value->>'dueAt')::timestamptz, d.value
        FROM inspections i CROSS JOIN LATERAL jsonb_array_elements(i.deadlines) AS d(value);
      ALTER TABLE inspections DROP COLUMN deadlines;
    `,
  },
  {
    version: 6,
    name: 'record_lag',
    sql: `
      -- Inspections whose workflow could not write what it holds to the ledger: one row per inspection from the
      -- first failed write until a write succeeds (readModel/recordLag.ts). Empty when every record is whole.
      CREATE TABLE record_lag (
        inspection_id   text        PRIMARY KEY,
        revision        int         NOT NULL,
        attempts        int         NOT NULL,
        first_failed_at timestamptz NOT NULL,
        last_failed_at  timestamptz NOT NULL,
        last_error      text        NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'audit_log_leaves',
    sql: `
      -- The audit log: every ledger entry of every inspection, in the order it was stored, as a leaf of one Merkle
      -- tree (ledger/auditLog.ts). Appended by the checkpointer only; signed checkpoints of it are kept outside
      -- the database, so a change here or in the ledger shows against them.
      CREATE TABLE audit_log_leaves (
        position      bigint PRIMARY KEY CHECK (position >= 0),
        inspection_id text   NOT NULL,
        seq           int    NOT NULL,
        leaf_hash     text   NOT NULL,
        UNIQUE (inspection_id, seq)
      );
    `,
  },
  {
    version: 8,
    name: 'idempotency_keys',
    sql: `
      -- What each Idempotency-Key was first sent with (api/idempotency.ts): the same key with another request is
      -- refused (422), across every API replica.
      CREATE TABLE idempotency_keys (
        actor        text        NOT NULL,
        key          text        NOT NULL,
        request_hash text        NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor, key)
      );
    `,
  },
  {
    version: 9,
    name: 'rate_limits',
    sql: `
      -- Requests per caller in the current minute, shared by every API replica (rate-limiter-flexible's
      -- PostgreSQL store, api/rateLimit.ts; this is the table it expects).
      CREATE TABLE rate_limits (
        key    varchar(255) PRIMARY KEY,
        points integer      NOT NULL DEFAULT 0,
        expire bigint
      );
    `,
  },
  {
    version: 10,
    name: 'inspections_machine_revision',
    sql: `
      -- The machine revision an inspection runs, counted apart from its framework version. A row written before
      -- held one number for both: those that stood for a later revision of a 2024 framework become that framework
      -- version and revision (machines/legacyNumbering.ts).
      ALTER TABLE inspections ADD COLUMN machine_revision int NOT NULL DEFAULT 1;
      UPDATE inspections SET machine_revision = version, version = 1
       WHERE (type, version) IN (('sccif-rfc-full', 2), ('sccif-rfc-full', 3), ('sccif-rfc-monitoring-visit', 2),
                                 ('sccif-rfc-recommendation', 2), ('fes-inspection', 2), ('school-monitoring', 2),
                                 ('sccif-childrens-home', 2));
    `,
  },
  {
    version: 11,
    name: 'calendar_changes',
    sql: `
      -- The changes published to the working-day calendar after the list the product ships (a proclaimed holiday, a
      -- withdrawn one), in order: the n-th makes calendar version <shipped version>+n (calendar/holidayCalendar.ts).
      -- Append only; the key makes two publications at once take one number each, or fail.
      CREATE TABLE calendar_changes (
        n            int         PRIMARY KEY,
        version      text        NOT NULL,
        change       jsonb       NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by text        NOT NULL,
        batch_id     text
      );
    `,
  },
];

export class MigrationChecksumError extends Error {
  override readonly name = 'MigrationChecksumError';
}

/** Any fixed 64-bit key: the advisory lock that serialises migrators across processes. */
const MIGRATION_LOCK_KEY = 7_264_019_331;

export function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/**
 * Applies every pending migration, in order, in one transaction: either all of them land or none.
 * Safe to re-run (applied versions are skipped) and safe when several processes start together on a
 * real PostgreSQL: the transaction first takes an advisory lock, so the others wait and then find the
 * work done. Returns the versions applied by this call.
 */
export async function migrate(db: Database, list: readonly Migration[] = migrations): Promise<number[]> {
  const ordered = [...list].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (i > 0 && ordered[i - 1]!.version === m.version) throw new Error(`Duplicate migration version ${m.version}`);
  });
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    int         PRIMARY KEY,
        name       text        NOT NULL,
        checksum   text        NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const rows = await tx.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const applied = new Map(rows.map((r) => [r.version, r.checksum]));
    const done: number[] = [];
    for (const m of ordered) {
      const sum = checksum(m.sql);
      const recorded = applied.get(m.version);
      if (recorded !== undefined) {
        if (recorded !== sum) {
          throw new MigrationChecksumError(
            `Migration ${m.version} (${m.name}) was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        sum,
      ]);
      done.push(m.version);
    }
    return done;
  });
}
