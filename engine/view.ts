/** What a Query returns and the API shows: public status, stage, clocks and what may be decided now. */
export interface DeadlineView {
  clock: string;
  label: string;
  due: string;
  dueAt: string;
  kind: 'target' | 'window' | 'automatic';
  overdue: boolean;
  rule: string;
  source: string;
  reading?: string;
}

export interface BreachView {
  clock: string;
  label: string;
  due: string;
  missedAt: string;
  rule: string;
  source: string;
  /** Set once the late step has happened. */
  resolvedOn: string | null;
}

export interface AllowedDecisionView {
  event: string;
  label: string;
  roles: string[];
  source: string;
}

export interface InspectionView {
  inspectionId: string;
  type: string;
  version: number;
  title: string;
  providerId: string | null;
  status: string;
  stage: string;
  done: boolean;
  grade: string | null;
  facts: Record<string, unknown>;
  deadlines: DeadlineView[];
  nextDeadline: DeadlineView | null;
  breaches: BreachView[];
  allowedDecisions: AllowedDecisionView[];
  lastEventDate: string | null;
  /** Increases with every change; lets readers ignore stale copies. */
  revision: number;
}
