import type { LedgerEntryInput } from '../ledger/ledger';

/** One audit ledger entry as the workflow produces it; the ledger adds the hash chain. */
export type AuditEntry = Omit<LedgerEntryInput, 'kind'> & {
  kind:
    | 'inspection.started'
    | 'decision.accepted'
    | 'transition'
    | 'deadline.set'
    | 'deadline.closed'
    | 'deadline.missed'
    | 'clock.expired'
    | 'effect.requested'
    | 'effect.completed'
    | 'inspection.completed';
};
