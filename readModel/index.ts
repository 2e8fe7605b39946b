export {
  upsertInspectionSummary,
  getInspectionSummary,
  listInspections,
  type InspectionSummary,
  type InspectionSummaryInput,
  type ListInspectionsQuery,
  type InspectionPage,
} from './inspections';
