import { handbookOnlyLinked } from '../fragments/handbookOnlyLinked';

/** Early years inspections (seed 003 EY): the page says only that the handbook was updated, with a link. */
export const earlyYearsPlaceholder2024 = handbookOnlyLinked({
  type: 'early-years',
  id: 'earlyYearsPlaceholder',
  title: 'Early years inspection',
  handbook: 'EY',
  onThePage: '"This handbook has been updated": link only',
  readingSection: '§2.7',
});
