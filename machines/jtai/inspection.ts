import { handbookOnlyLinked } from '../fragments/handbookOnlyLinked';

/** Joint targeted area inspections (seed 003 JTAI): changes pending consultation with the other inspectorates. */
export const jtaiPlaceholder2024 = handbookOnlyLinked({
  type: 'jtai',
  id: 'jtaiPlaceholder',
  title: 'Joint targeted area inspection',
  handbook: 'JTAI',
  onThePage: 'no changes yet: "will be updated shortly"',
  readingSection: '§2.15',
});
