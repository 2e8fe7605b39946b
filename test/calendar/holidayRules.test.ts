import { bankHolidaysInYear } from '../../calendar';
import { easterSunday, holidaysByRule } from '../../calendar/holidayRules';
import { fromEpochDay } from '../../calendar/epochDay';

/**
 * The statutory rules and customs (calendar/holidayRules.ts) reproduce every regular holiday of the published list,
 * date, title and substitute note, for every year it covers; what the rules cannot know (a day moved or added by
 * proclamation) is data, listed here.
 */
const PROCLAIMED = {
  moved: { '2012-05-28': '2012-06-04', '2020-05-04': '2020-05-08', '2022-05-30': '2022-06-02' } as Record<string, string>,
  extra: ['2011-04-29', '2012-06-05', '2022-06-03', '2022-09-19', '2023-05-08'],
};
const YEARS = Array.from({ length: 21 }, (_, i) => 2010 + i);

it.each(YEARS)('%i: the published list is the rules, with the proclaimed days moved and added', (year) => {
  const published = bankHolidaysInYear(year).filter((h) => !PROCLAIMED.extra.includes(h.date));
  const byRule = holidaysByRule(year).map((h) => {
    const moved = PROCLAIMED.moved[h.date];
    return moved ? { date: moved, title: published.find((p) => p.date === moved)!.title } : h; // a moved day keeps the date only
  });
  const plain = (list: readonly { date: string; title: string; notes?: string }[]) => list.map((h) => ({ date: h.date, title: h.title, substitute: h.notes === 'Substitute day' }));
  expect(plain(published)).toEqual(plain(byRule));
});

it('computes Easter for years far ahead (2049, 2100, 2161, as the western Easter of python-dateutil)', () => {
  expect(fromEpochDay(easterSunday(2049))).toBe('2049-04-18');
  expect(fromEpochDay(easterSunday(2100))).toBe('2100-03-28');
  expect(fromEpochDay(easterSunday(2161))).toBe('2161-04-12');
});

it('substitutes a weekday for a weekend New Year, Christmas and Boxing Day, each way round', () => {
  expect(holidaysByRule(2033).filter((h) => h.notes).map((h) => [h.date, h.title])).toEqual([
    ['2033-01-03', "New Year's Day"], // Saturday 1 January
    ['2033-12-27', 'Christmas Day'], // Sunday 25 December: Boxing Day is Monday 26
  ]);
  expect(holidaysByRule(2032).filter((h) => h.notes).map((h) => [h.date, h.title])).toEqual([
    ['2032-12-27', 'Christmas Day'], // Saturday 25 December
    ['2032-12-28', 'Boxing Day'],
  ]);
  expect(holidaysByRule(2037).filter((h) => h.notes).map((h) => [h.date, h.title])).toEqual([['2037-12-28', 'Boxing Day']]); // Friday 25 December
});
