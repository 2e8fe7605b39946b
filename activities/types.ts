import type { AuditEntry, InspectionView, RequestedEffect } from '../engine';
import type { CalendarOutcome } from '../workflows/calendarMessages';
import type { MigrationOutcome } from '../workflows/migrationMessages';
import type { ChangeWorkflowCalendarInput } from './calendarChange';
import type { MigrateInspectionInput } from './migration';

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

/** The activity a migration batch calls for each inspection (activities/migration.ts). */
export interface MigrationActivities {
  migrateInspection(input: MigrateInspectionInput): Promise<MigrationOutcome>;
}

/** The activity a calendar batch calls for each inspection or cycle (activities/calendarChange.ts). */
export interface CalendarActivities {
  changeWorkflowCalendar(input: ChangeWorkflowCalendarInput): Promise<CalendarOutcome>;
}

/** The activities the inspection workflow calls; `createActivities(deps)` implements them. */
export interface InspectionActivities {
  recordProgress(input: RecordProgressInput): Promise<void>;
  runEffect(input: RunEffectInput): Promise<Record<string, unknown>>;
}
