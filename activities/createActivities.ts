import type { Database } from '../db';
import { appendEntries } from '../ledger';
import { saveOpenWork, upsertInspectionSummary } from '../readModel';
import { runEffect } from './effects';
import type { InspectionActivities, RecordProgressInput } from './types';

export interface ActivityDeps {
  db: Database;
}

/** All I/O the workflows need, built from their dependencies (DESIGN §5). */
export function createActivities({ db }: ActivityDeps): InspectionActivities {
  return {
    /** Ledger first, then the read model: a list may lag the ledger, never run ahead of it. */
    async recordProgress({ inspectionId, entries, view }: RecordProgressInput) {
      if (entries.length > 0) await appendEntries(db, inspectionId, entries);
      await upsertInspectionSummary(db, {
        id: inspectionId,
        type: view.type,
        version: view.version,
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
    },
    runEffect: (input) => runEffect(db, input),
  };
}
