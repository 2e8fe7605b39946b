import { InspectionRecord } from '../../engine/inspectionRecord';
import { onlineProviderVisitV2, onlineProviderVisitV3 } from '../../machines/online-provider/inspection';
import { CHOSEN_READINGS, parseReadingSettings, readingsFor, withReadings } from '../../machines/readings';
import { INSPECTION_TYPES } from '../../machines/registry';
import { PROVIDER_ID, actors, middayOn } from '../support/pureDriver';

/** Readings (machines/readings.ts): values the seed does not give, marked, with their reason, and settable by an operator. */
const TWO_DAYS = { length: 2, unit: 'workingDays' } as const;
const parse = (settings: unknown) => parseReadingSettings(JSON.stringify(settings), INSPECTION_TYPES);

describe('the readings the seeds leave to us', () => {
  it.each(CHOSEN_READINGS.map((r) => [`${r.type}/${r.clock}`, r] as const))('%s is a clock of its type that says why it was chosen', (_key, r) => {
    const clocks = INSPECTION_TYPES.filter((d) => d.type === r.type).flatMap((d) => d.clocks.filter((c) => c.id === r.clock));
    expect(clocks.length).toBeGreaterThan(0);
    for (const clock of clocks) expect(clock.reading).toEqual(expect.any(String));
  });
});

describe('a readings file', () => {
  it('sets a reading', () => {
    expect(parse({ 'online-provider-visit/visitNotice': TWO_DAYS })).toEqual({ 'online-provider-visit/visitNotice': TWO_DAYS });
  });

  it.each([
    ['a rule the seed states', { 'sccif-rfc-full/draftReport': TWO_DAYS }, /"sccif-rfc-full\/draftReport" is a rule the seed states/],
    ['a clock no type has', { 'online-provider-visit/noSuchClock': TWO_DAYS }, /no clock of any inspection type/],
    ['hours made days', { 'safeguarding-lac/writtenRiskConfirmation': TWO_DAYS }, /counts hours from an instant: its unit cannot become workingDays/],
    ['days made hours', { 'online-provider-visit/visitNotice': { length: 24, unit: 'hours' } }, /counts days from a date/],
    ['a length of nought', { 'online-provider-visit/visitNotice': { length: 0, unit: 'workingDays' } }, /whole number 1–1000/],
    ['an unknown unit', { 'online-provider-visit/visitNotice': { length: 1, unit: 'fortnights' } }, /unit/],
  ])('refuses %s, naming it', (_what, settings, message) => {
    expect(() => parse(settings)).toThrow(message);
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseReadingSettings('{ "a": ', INSPECTION_TYPES)).toThrow(/not JSON/);
  });
});

describe('an inspection started with a reading set', () => {
  const settings = parse({ 'online-provider-visit/visitNotice': TWO_DAYS, 'safeguarding-lac/writtenRiskConfirmation': { length: 12, unit: 'hours' } });
  const started = (definition = onlineProviderVisitV3) =>
    InspectionRecord.start(definition, {
      inspectionId: 'inspection-1',
      providerId: PROVIDER_ID,
      input: { kind: 'accreditation' },
      actor: actors.manager,
      now: middayOn('2025-04-17'),
      readings: readingsFor(definition, settings)!,
    });

  it("takes its type's values only, and counts with them", () => {
    expect(readingsFor(onlineProviderVisitV3, settings)).toEqual({ visitNotice: TWO_DAYS });
    const record = started();
    const view = record.decide({ event: 'NOTIFIED', at: '2025-04-17', wellbeingContact: 'deputy head' }, actors.inspector, middayOn('2025-04-17'));
    // Thursday before Easter: two working days are Tuesday 22 and Wednesday 23 April.
    expect(view.deadlines.find((d) => d.clock === 'visitNotice')?.due).toBe('2025-04-23');
  });

  it('records them in its first audit entry, and says so where the clock is described', () => {
    const record = started();
    expect(record.takeEntries()[0]).toMatchObject({ kind: 'inspection.started', data: { readings: { visitNotice: TWO_DAYS } } });
    expect(record.definition.clocks.find((c) => c.id === 'visitNotice')?.reading).toMatch(/Set by the operator to 2 workingDays \(the reading's own value: 1 workingDays\)/);
  });

  it('keeps them when migrated to a revision that has the clock', () => {
    const record = started(onlineProviderVisitV2);
    record.decide({ event: 'NOTIFIED', at: '2025-04-17', wellbeingContact: 'deputy head' }, actors.inspector, middayOn('2025-04-17'));
    const view = record.migrate(onlineProviderVisitV3, 'the notice applies to every accreditation visit', actors.manager, middayOn('2025-04-17'));
    expect(view.deadlines.find((d) => d.clock === 'visitNotice')?.due).toBe('2025-04-23');
  });

  it('changes no rule: a setting for a clock that is not a reading is ignored', () => {
    expect(withReadings(onlineProviderVisitV3, { draftReport: TWO_DAYS })).toBe(onlineProviderVisitV3);
  });
});
