import type { AuditEntry, InspectionView, RequestedEffect } from '../engine';

export interface RecordProgressInput {
  inspectionId: string;
  entries: AuditEntry[];
  view: InspectionView;
}

export interface RunEffectInput {
  inspectionId: string;
  effect: RequestedEffect;
  view: InspectionView;
}

/** The activities the inspection workflow calls; `createActivities(deps)` implements them. */
export interface InspectionActivities {
  recordProgress(input: RecordProgressInput): Promise<void>;
  runEffect(input: RunEffectInput): Promise<Record<string, unknown>>;
}
