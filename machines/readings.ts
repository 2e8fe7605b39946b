import { z } from 'zod';
import type { ClockSpec, ClockUnit, InspectionTypeDefinition } from './kit';

/**
 * Readings: clock lengths or units the seed does not give, which we chose (each clock's `reading` says why). A rule the
 * seed states is law and changes only with a new framework version; a reading is ours, so an operator may set another
 * value by configuration (READINGS_FILE), for inspections started from then on. Each entry names what was chosen.
 */
export interface ChosenReading {
  type: string;
  clock: string;
  chose: 'length' | 'unit' | 'length and unit';
}

export const CHOSEN_READINGS: readonly ChosenReading[] = [
  { type: 'safeguarding-lac', clock: 'writtenRiskConfirmation', chose: 'length' }, // "at the earliest opportunity"
  { type: 'safeguarding-lac', clock: 'setUpMeeting', chose: 'unit' }, // "four days"
  { type: 'safeguarding-lac', clock: 'publication', chose: 'unit' }, // "25 days"
  { type: 'childrens-centre', clock: 'draftToCentre', chose: 'unit' }, // "ten days"
  { type: 'childrens-centre', clock: 'factualAccuracyCommentsInadequate', chose: 'unit' }, // "five days"
  { type: 'childcare-register-compliance', clock: 'nominatedIndividualTold', chose: 'length' }, // no deadline on the page
  { type: 'online-provider-visit', clock: 'visitNotice', chose: 'unit' }, // "1 day before"
  { type: 'fes-inspection', clock: 'followUpCall', chose: 'length' }, // "by the following morning at the latest"
  { type: 'rfc-2014-monitoring', clock: 'draftReport', chose: 'length and unit' }, // no timing for monitoring inspections
  { type: 'rfc-2014-monitoring', clock: 'commentWindow', chose: 'length and unit' },
  { type: 'rfc-2014-monitoring', clock: 'publication', chose: 'length and unit' },
  ...['early-years', 'school-inspection', 'jtai'].map((type) => ({ type, clock: 'nextDayContact', chose: 'length and unit' as const })), // the common skeleton's, not the handbook's
];

export function chosenReading(type: string, clock: string): ChosenReading | undefined {
  return CHOSEN_READINGS.find((r) => r.type === type && r.clock === clock);
}

/** A value an operator sets for a reading. Day-based clocks stay day-based (their anchors are dates); hours stay hours. */
export interface ReadingValue {
  length: number;
  unit: ClockUnit;
}
/** The values set for one type's readings, by clock id: what an inspection starts with and keeps. */
export type TypeReadings = Readonly<Record<string, ReadingValue>>;
/** The values set for every type, by `<type>/<clock>`: the READINGS_FILE. */
export type ReadingSettings = Readonly<Record<string, ReadingValue>>;

const DAY_UNITS = ['workingDays', 'calendarDays', 'months', 'years'] as const;
const readingValue = z.strictObject({
  length: z.number().int().min(1).max(1000),
  unit: z.enum([...DAY_UNITS, 'hours']),
});
const settingsFile = z.record(z.string(), readingValue);

/**
 * The settings from a READINGS_FILE's text, each checked against the reading it sets: a clock that is a rule of the
 * seed, or a change between hours and days, is refused with a message naming it.
 */
export function parseReadingSettings(text: string, definitions: readonly InspectionTypeDefinition[]): ReadingSettings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`the readings file is not JSON: ${(error as Error).message}`);
  }
  const parsed = settingsFile.safeParse(json);
  if (!parsed.success) throw new Error(`the readings file must map "<type>/<clock>" to { "length": whole number 1–1000, "unit": one of ${[...DAY_UNITS, 'hours'].join(', ')} }: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  for (const [key, value] of Object.entries(parsed.data)) {
    const [type = '', clock = ''] = key.split('/');
    const spec = definitions.filter((d) => d.type === type).flatMap((d) => d.clocks).find((c) => c.id === clock);
    if (!spec) throw new Error(`the readings file names "${key}", which is no clock of any inspection type`);
    if (!chosenReading(type, clock)) throw new Error(`"${key}" is a rule the seed states, not a reading: it changes only with a new framework version or revision`);
    if ((spec.unit === 'hours') !== (value.unit === 'hours')) throw new Error(`"${key}" counts ${spec.unit === 'hours' ? 'hours from an instant' : 'days from a date'}: its unit cannot become ${value.unit}`);
  }
  return parsed.data;
}

/**
 * The settings for `definition`'s type: what a new inspection of it starts with and keeps, through any migration (a
 * value for a clock a later revision adds takes effect there).
 */
export function readingsFor(definition: InspectionTypeDefinition, settings: ReadingSettings): TypeReadings | undefined {
  const own = Object.entries(settings).flatMap(([key, value]) => {
    const [type, clock] = key.split('/');
    return type === definition.type ? [[clock!, value] as const] : [];
  });
  return own.length ? Object.fromEntries(own) : undefined;
}

/** `definition` with its readings set to `readings` (the other clocks, and every rule, as they are). Pure. */
export function withReadings(definition: InspectionTypeDefinition, readings: TypeReadings | undefined): InspectionTypeDefinition {
  const set = (clock: ClockSpec) => readings?.[clock.id] !== undefined && chosenReading(definition.type, clock.id) !== undefined;
  if (!definition.clocks.some(set)) return definition;
  const clocks = definition.clocks.map((clock): ClockSpec => {
    const value = readings![clock.id];
    if (!value || !set(clock)) return clock;
    return {
      ...clock,
      length: value.length,
      unit: value.unit,
      reading: `${clock.reading ?? ''} Set by the operator to ${value.length} ${value.unit} (the reading's own value: ${clock.length} ${clock.unit}).`.trim(),
    };
  });
  return { ...definition, clocks };
}
