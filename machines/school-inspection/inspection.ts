import { handbookOnlyLinked } from '../fragments/handbookOnlyLinked';

/** School inspections, graded and ungraded (seed 003 SIH): link only. */
export const schoolInspectionPlaceholder2024 = handbookOnlyLinked({
  type: 'school-inspection',
  id: 'schoolInspectionPlaceholder',
  title: 'School inspection (graded or ungraded)',
  handbook: 'SIH',
  onThePage: '"This handbook has been updated": link only',
  readingSection: '§2.15',
});
