import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Database } from '../db';
import { appendEntries } from '../ledger';
import { clearRecordLag, noteRecordFailure, saveOpenWork, upsertInspectionSummary } from '../readModel';
import type { Client } from '@temporalio/client';
import { runEffect } from './effects';
import { changeWorkflowCalendar } from './calendarChange';
import { migrateInspection } from './migration';
import type { CalendarActivities, InspectionActivities, MigrationActivities, RecordProgressInput } from './types';

export interface ActivityDeps {
  db: Database;
  /** Temporal, for the activities that act on other workflows (a migration or calendar batch's Updates). */
  client: Client;
}

/** All I/O the workflows need, built from their dependencies (docs/ARCHITECTURE.md §5). */
export function createActivities({ db, client }: ActivityDeps): InspectionActivities & MigrationActivities & CalendarActivities {
  return {
    migrateInspection: (input) => migrateInspection(client, input),
    changeWorkflowCalendar: (input) => changeWorkflowCalendar(client, input),
    /**
     * Ledger first, then the read model: a list may lag the ledger, never run ahead of it. A failed write is noted as
     * the record lagging (readModel/recordLag.ts) and retried; one that no retry can mend (the database refuses the
     * data itself) fails the step at once, visibly, instead of being retried for ever.
     */
    async recordProgress(input: RecordProgressInput) {
      try {
        await writeProgress(db, input);
      } catch (error) {
        await noteRecordFailure(db, input.inspectionId, input.view.revision, errorText(error)).catch(() => undefined);
        if (isDataError(error)) throw ApplicationFailure.nonRetryable(`the database refuses this record: ${errorText(error)}`, 'UnstorableRecord');
        throw error;
      }
      if (Context.current().info.attempt > 1) await clearRecordLag(db, input.inspectionId);
    },
    runEffect: (input) => runEffect(db, input),
  };
}

async function writeProgress(db: Database, { inspectionId, entries, view }: RecordProgressInput) {
  if (entries.length > 0) await appendEntries(db, inspectionId, entries);
  await upsertInspectionSummary(db, {
    id: inspectionId,
    type: view.type,
    version: view.version,
    machineRevision: view.machineRevision,
    status: view.status,
    stage: view.stage,
    providerId: view.providerId,
    nextDeadlineAt: view.nextDeadline?.dueAt ?? null,
    nextDeadlineClock: view.nextDeadline?.clock ?? null,
    openBreaches: view.breaches.filter((b) => b.resolvedOn === null).length,
    grade: view.grade,
    revision: view.revision,
  });
  // Written for this revision only, so a retried or late write never puts older work back.
  await saveOpenWork(db, inspectionId, view.revision, {
    deadlines: view.deadlines,
    breaches: view.breaches,
    decisions: view.done ? [] : view.allowedDecisions,
  });
}

/** PostgreSQL's data exceptions (SQLSTATE class 22: invalid text, an unsupported Unicode escape...): retrying cannot help. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('22');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
