/** One audit ledger entry as the workflow produces it; the ledger adds the hash chain. */
export interface AuditEntry {
  seq: number;
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
  at: string;
  actor: string;
  role: string;
  data: Record<string, unknown>;
  source: string | null;
}
