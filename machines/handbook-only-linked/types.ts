import { handbookOnlyLinked } from './placeholder';

/** Early years inspections (seed 003 EY): the page says only that the handbook was updated, with a link. */
export const earlyYearsPlaceholder2024 = handbookOnlyLinked({
  type: 'early-years',
  id: 'earlyYearsPlaceholder',
  title: 'Early years inspection',
  handbook: 'EY',
  onThePage: '"This handbook has been updated": link only',
  readingSection: '§2.7',
});

/** School inspections, graded and ungraded (seed 003 SIH): link only. */
export const schoolInspectionPlaceholder2024 = handbookOnlyLinked({
  type: 'school-inspection',
  id: 'schoolInspectionPlaceholder',
  title: 'School inspection (graded or ungraded)',
  handbook: 'SIH',
  onThePage: '"This handbook has been updated": link only',
  readingSection: '§2.15',
});

/** Joint targeted area inspections (seed 003 JTAI): changes pending consultation with the other inspectorates. */
export const jtaiPlaceholder2024 = handbookOnlyLinked({
  type: 'jtai',
  id: 'jtaiPlaceholder',
  title: 'Joint targeted area inspection',
  handbook: 'JTAI',
  onThePage: 'no changes yet: "will be updated shortly"',
  readingSection: '§2.15',
});
