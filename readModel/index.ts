export {
  upsertInspectionSummary,
  getInspectionSummary,
  inspectionSummary,
  listInspections,
  type InspectionSummary,
  type InspectionSummaryInput,
  type ListInspectionsQuery,
  type InspectionPage,
} from './inspections';
export { saveOpenWork, listInbox, listDeadlines, listBreaches, type OpenWork, type InboxItem, type DeadlineItem, type BreachItem } from './openWork';
export { noteRecordFailure, clearRecordLag, listRecordLags, getRecordLag, type RecordLag } from './recordLag';
