import { DEADLINE_UNITS, deadline, deadlineDueAt, isDeadlineUnit, type DeadlineUnit } from '../../calendar';

describe('deadline', () => {
  it('dispatches on the unit', () => {
    // Friday 16 September 2022, then the state funeral on Monday 19th.
    expect(deadline('2022-09-16', 1, 'workingDays')).toBe('2022-09-20');
    expect(deadline('2022-09-16', 1, 'calendarDays')).toBe('2022-09-17');
    expect(deadline('2024-01-31', 1, 'months')).toBe('2024-02-29');
    expect(deadline('2024-02-29', 1, 'years')).toBe('2025-02-28');
    expect(deadline('2024-12-13', 18, 'workingDays')).toBe('2025-01-13');
    expect(deadline('2024-06-08', 0, 'workingDays')).toBe('2024-06-08');
  });

  it('is due at the end of the last day in London', () => {
    // From Friday 22 March 2024: 25-28 March, then Good Friday and Easter Monday are skipped.
    expect(deadline('2024-03-22', 5, 'workingDays')).toBe('2024-04-02');
    expect(deadlineDueAt('2024-03-22', 5, 'workingDays')).toBe(Date.UTC(2024, 3, 2, 23, 0));
    expect(deadlineDueAt('2024-01-02', 3, 'workingDays')).toBe(Date.UTC(2024, 0, 6, 0, 0));
    expect(deadlineDueAt('2024-03-29', 1, 'calendarDays')).toBe(Date.UTC(2024, 2, 31, 0, 0));
  });

  it('rejects fractional lengths and unknown units', () => {
    expect(() => deadline('2024-01-02', 2.5, 'workingDays')).toThrow(RangeError);
    expect(() => deadline('2024-01-02', 2, 'weeks' as DeadlineUnit)).toThrow(/Unknown deadline unit/);
    expect(DEADLINE_UNITS).toEqual(['workingDays', 'calendarDays', 'months', 'years']);
    expect(isDeadlineUnit('months')).toBe(true);
    expect(isDeadlineUnit('hours')).toBe(false);
  });

  it('counts working days past the published list by the statutory rules, and refuses them past the rules\' years', () => {
    // 20 December 2030 + 10 working days: Christmas (Wednesday), Boxing Day and New Year's Day 2031 (by rule) skipped.
    expect(deadline('2030-12-20', 10, 'workingDays')).toBe('2031-01-08');
    expect(() => deadline('2199-12-20', 10, 'workingDays')).toThrow(/2031 to 2199 \(provisionally\)/);
    expect(deadline('2030-12-20', 10, 'calendarDays')).toBe('2030-12-30');
  });
});
