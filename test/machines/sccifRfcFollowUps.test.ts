import { addCalendarDays, addWorkingDays } from '../../calendar';
import { type NoticeDate, combineFollowUps } from '../../machines/sccif-rfc/followUps';

const n = (noticeId: string, complianceDate: string): NoticeDate => ({ noticeId, complianceDate });

describe('combining compliance-notice follow-up visits (seed 002 §"Monitoring compliance notices")', () => {
  it('plans nothing for no notices', () => {
    expect(combineFollowUps([])).toEqual([]);
  });

  it('gives one notice the window [compliance date, +5 working days], across the early May bank holiday', () => {
    // Wednesday 30 April 2025: Thu 1 May (1), Fri 2 (2), Mon 5 May is a bank holiday, Tue 6 (3), Wed 7 (4), Thu 8 May (5).
    expect(combineFollowUps([n('A', '2025-04-30')])).toEqual([{ visitWindow: { from: '2025-04-30', to: '2025-05-08' }, noticeIds: ['A'] }]);
  });

  it('combines notices whose dates are no more than 5 working days apart, and only those, in as few visits as possible', () => {
    const notices = [
      n('E', '2025-05-20'), // Tue 20 May: 21, 22, 23, (Mon 26 May spring bank holiday), 27, 28: Wed 28 May
      n('B', '2025-05-08'), // Thu 8 May: the last day of A's window, thanks to the bank holiday on 5 May
      n('D', '2025-05-16'), // Fri 16 May: the last day of C's window (12-16 May)
      n('A', '2025-04-30'),
      n('C', '2025-05-09'), // Fri 9 May: one working day past A's window, so a second visit
    ];
    expect(combineFollowUps(notices)).toEqual([
      { visitWindow: { from: '2025-05-08', to: '2025-05-08' }, noticeIds: ['A', 'B'] },
      { visitWindow: { from: '2025-05-16', to: '2025-05-16' }, noticeIds: ['C', 'D'] },
      { visitWindow: { from: '2025-05-20', to: '2025-05-28' }, noticeIds: ['E'] },
    ]);
  });

  it('keeps a notice one working day past the window for a visit of its own (2024: bank holiday Monday 6 May)', () => {
    // Tue 30 April 2024 + 5 WD = Wed 1 (1), Thu 2, Fri 3, (Mon 6 May bank holiday) Tue 7, Wed 8 May (5):
    // a notice due Wed 8 May shares the visit, one due Thu 9 May does not.
    expect(combineFollowUps([n('A', '2024-04-30'), n('B', '2024-05-09')]).map((g) => g.noticeIds)).toEqual([['A'], ['B']]);
    expect(combineFollowUps([n('A', '2024-04-30'), n('B', '2024-05-08')])).toEqual([
      { visitWindow: { from: '2024-05-08', to: '2024-05-08' }, noticeIds: ['A', 'B'] },
    ]);
  });

  it('counts a compliance date on a weekend or bank holiday as day 0, like any other anchor', () => {
    // Saturday 3 May 2025: Tue 6 (1; Mon 5 May is a bank holiday), 7, 8, 9, Mon 12 May (5).
    expect(combineFollowUps([n('S', '2025-05-03')])[0]!.visitWindow).toEqual({ from: '2025-05-03', to: '2025-05-12' });
    // Good Friday 18 April 2025: Tue 22 (1), 23, 24, 25, Mon 28 April (5).
    expect(combineFollowUps([n('G', '2025-04-18'), n('H', '2025-04-28')])).toEqual([
      { visitWindow: { from: '2025-04-28', to: '2025-04-28' }, noticeIds: ['G', 'H'] },
    ]);
  });

  it('puts notices due the same day in one visit, keeping the order given', () => {
    expect(combineFollowUps([n('2', '2025-06-02'), n('1', '2025-06-02'), n('3', '2025-06-03')])).toEqual([
      { visitWindow: { from: '2025-06-03', to: '2025-06-09' }, noticeIds: ['2', '1', '3'] },
    ]);
  });

  it('refuses a notice listed twice', () => {
    expect(() => combineFollowUps([n('A', '2025-06-02'), n('A', '2025-06-03')])).toThrow(/listed twice/);
  });

  describe('exhaustively against brute force: every partition of the notices', () => {
    /** Dates from Mon 7 April to Fri 9 May 2025: Easter (18 and 21 April) and the early May bank holiday (5 May). */
    const days = Array.from({ length: 33 }, (_, i) => addCalendarDays('2025-04-07', i));
    const window = (dates: string[]) => {
      const from = dates.reduce((a, b) => (a > b ? a : b));
      const to = addWorkingDays(dates.reduce((a, b) => (a < b ? a : b)), 5);
      return from <= to ? { from, to } : null;
    };
    /** The fewest visits any partition into feasible groups needs. */
    const fewest = (dates: string[]): number => {
      let best = Infinity;
      const assign = (i: number, groups: string[][]) => {
        if (groups.length >= best) return;
        if (i === dates.length) {
          best = groups.length;
          return;
        }
        for (const g of groups) {
          if (window([...g, dates[i]!])) {
            g.push(dates[i]!);
            assign(i + 1, groups);
            g.pop();
          }
        }
        groups.push([dates[i]!]);
        assign(i + 1, groups);
        groups.pop();
      };
      assign(0, []);
      return best;
    };
    /** A fixed pseudo-random sequence, so the sets are the same on every run. */
    let seed = 20250417;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const sets: string[][] = [];
    for (let a = 0; a < days.length; a++) for (let b = a; b < days.length; b++) for (let c = b; c < days.length; c += 3) sets.push([days[a]!, days[b]!, days[c]!]);
    for (let k = 0; k < 300; k++) sets.push(Array.from({ length: 2 + Math.floor(random() * 6) }, () => days[Math.floor(random() * days.length)]!));

    it(`plans the fewest visits, each valid for all its notices, for ${sets.length} sets of dates`, () => {
      for (const dates of sets) {
        const notices = dates.map((d, i) => n(`N${i}`, d));
        const plan = combineFollowUps(notices);
        expect(plan.flatMap((g) => g.noticeIds).sort()).toEqual(notices.map((x) => x.noticeId).sort());
        for (const group of plan) {
          const groupDates = group.noticeIds.map((id) => notices.find((x) => x.noticeId === id)!.complianceDate);
          expect(group.visitWindow).toEqual(window(groupDates));
          for (const d of groupDates) {
            expect(d <= group.visitWindow.from && group.visitWindow.to <= addWorkingDays(d, 5)).toBe(true);
          }
        }
        expect({ dates, visits: plan.length }).toEqual({ dates, visits: fewest(dates) });
      }
    });
  });
});
