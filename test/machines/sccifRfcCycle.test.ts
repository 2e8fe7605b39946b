import { cycleStartAfter, nextFullInspectionWindow } from '../../machines/sccif-rfc/cycle';

describe('residential family centre inspection cycle (seed 002 §"Frequency of inspection", §"Scheduling")', () => {
  it('starts the rolling cycle on the 1 April strictly after the inspection, as the seed\'s 2021/22 example', () => {
    expect(cycleStartAfter('2021-04-01')).toBe('2022-04-01');
    expect(cycleStartAfter('2021-12-15')).toBe('2022-04-01');
    expect(cycleStartAfter('2022-03-31')).toBe('2022-04-01');
    expect(cycleStartAfter('2022-04-01')).toBe('2023-04-01');
  });

  it('inspects a new centre within 12 months of registration', () => {
    expect(nextFullInspectionWindow('2024-02-29', null)).toMatchObject({ opens: '2024-02-29', dueBy: '2025-02-28' });
  });

  it('reinspects within 6 to 12 months after inadequate, 12 to 18 after requires improvement', () => {
    expect(nextFullInspectionWindow('2020-01-01', { endedOn: '2024-08-31', grade: 'inadequate' })).toMatchObject({ opens: '2025-02-28', dueBy: '2025-08-31' });
    expect(nextFullInspectionWindow('2020-01-01', { endedOn: '2024-08-31', grade: 'requires_improvement' })).toMatchObject({ opens: '2025-08-31', dueBy: '2026-02-28' });
  });

  it('gives good and outstanding centres the whole 3-year cycle, which can approach 4 years after the inspection', () => {
    expect(nextFullInspectionWindow('2020-01-01', { endedOn: '2024-04-02', grade: 'good' })).toMatchObject({ opens: '2025-04-01', dueBy: '2028-03-31' });
    expect(nextFullInspectionWindow('2020-01-01', { endedOn: '2025-03-31', grade: 'outstanding' })).toMatchObject({ opens: '2025-04-01', dueBy: '2028-03-31' });
  });
});
