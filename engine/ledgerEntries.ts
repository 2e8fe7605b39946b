import type { LedgerEntryInput } from '../ledger/ledger';

/** One audit ledger entry as the workflow produces it; the ledger adds the hash chain. */
export type AuditEntry = Omit<LedgerEntryInput, 'kind'> & {
  kind:
    | 'inspection.started'
    | 'decision.accepted'
    | 'correction.accepted'
    | 'record.rederived'
    | 'inspection.migrated'
    | 'calendar.changed'
    | 'transition'
    | 'deadline.set'
    | 'deadline.closed'
    | 'deadline.reopened'
    | 'deadline.overdue'
    | 'deadline.missed'
    | 'breach.withdrawn'
    | 'clock.expired'
    | 'clock.expiry.withdrawn'
    | 'effect.requested'
    | 'effect.completed'
    | 'inspection.completed';
};
