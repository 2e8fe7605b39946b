import fs from 'node:fs';
import { z } from 'zod';
import { clockCounts } from '../../machines/kit';
import { INSPECTION_TYPES } from '../../machines/registry';
import { rfcFullInspection2024 } from '../../machines/sccif-rfc/fullInspection';
import { GOLDEN_DIR, goldenDifferences, goldenFile, goldenOf, readGolden } from '../support/golden';

/**
 * A registered machine revision never changes: running inspections keep it, and replay checks only the order of a
 * workflow's commands, not a timer's length or a guard. Each revision's golden file (npm run goldens writes the
 * missing ones, never an existing one) holds what it is; a change fails here, and belongs in a new revision.
 */
describe.each(INSPECTION_TYPES.map((d) => [`${d.type} v${d.version} r${d.machineRevision}`, d] as const))('%s', (_name, definition) => {
  it('is what its golden file froze', () => {
    const golden = readGolden(definition);
    expect({ golden: goldenFile(definition), frozen: golden !== undefined }).toEqual({ golden: goldenFile(definition), frozen: true }); // npm run goldens
    expect(goldenDifferences(golden, goldenOf(definition))).toEqual([]);
  });
});

it('has a golden for every registered revision, and none for a revision not registered', () => {
  const expected = INSPECTION_TYPES.map((d) => goldenFile(d).slice(GOLDEN_DIR.length + 1)).sort();
  expect(fs.readdirSync(GOLDEN_DIR).sort()).toEqual(expected);
});

describe('editing a registered revision is caught', () => {
  const draft = rfcFullInspection2024.clocks.find((c) => c.id === 'draftReport')!;

  it('a clock 18 working days long made 17: its length and what it counts differ from the golden', () => {
    const edited = { ...rfcFullInspection2024, clocks: rfcFullInspection2024.clocks.map((c) => (c === draft ? { ...c, length: 17 } : c)) };
    const at = `clocks[${rfcFullInspection2024.clocks.indexOf(draft)}]`;
    expect(draft.length).toBe(18);
    expect(goldenDifferences(readGolden(rfcFullInspection2024), goldenOf(edited))).toEqual([`${at}.length`, `${at}.counts`]);
  });

  it('a role taken from an event, or a field added to its payload: both differ', () => {
    const spec = rfcFullInspection2024.events.DRAFT_REPORT_SENT!;
    const fewerRoles = { ...rfcFullInspection2024, events: { ...rfcFullInspection2024.events, DRAFT_REPORT_SENT: { ...spec, roles: ['manager' as const] } } };
    expect(goldenDifferences(readGolden(rfcFullInspection2024), goldenOf(fewerRoles)).some((p) => p.endsWith('.roles[0]'))).toBe(true);
    const widened = { ...rfcFullInspection2024, events: { ...rfcFullInspection2024.events, DRAFT_REPORT_SENT: { ...spec, schema: spec.schema.extend({ pages: z.number().optional() }) } } };
    expect(goldenDifferences(readGolden(rfcFullInspection2024), goldenOf(widened)).some((p) => p.includes('.payload.properties'))).toBe(true);
  });
});

describe('rule text and the numbers the clock counts', () => {
  const UNIT_WORDS: Record<string, RegExp> = { workingDays: /working days?/, calendarDays: /(calendar )?days?/, months: /months?/, years: /years?/, hours: /hours?/ };
  const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
  const clocks = INSPECTION_TYPES.flatMap((d) => d.clocks.map((c) => [`${d.type} v${d.version} r${d.machineRevision} ${c.id}`, c] as const));

  it.each(clocks)('%s: the seed\'s words state its length and unit, or its reading says how they are counted', (_name, clock) => {
    const saysLength = new RegExp(`\\b(${clock.length}|${NUMBER_WORDS[clock.length] ?? clock.length})\\b`, 'i').test(clock.rule);
    const saysUnit = UNIT_WORDS[clock.unit]!.test(clock.rule);
    expect({ rule: clock.rule, stated: (saysLength && saysUnit) || Boolean(clock.reading) }).toEqual({ rule: clock.rule, stated: true });
  });

  it('the count shown beside the rule is made from the numbers themselves', () => {
    const draft = rfcFullInspection2024.clocks.find((c) => c.id === 'draftReport')!;
    expect(clockCounts(draft)).toBe(`18 working days from ${draft.anchor}`);
    expect(clockCounts({ ...draft, length: 17 })).toBe(`17 working days from ${draft.anchor}`);
    expect(clockCounts({ length: 1, unit: 'hours', anchor: 'notifiedAt', extendedBy: ['pausedDays'] })).toBe('1 clock hour from notifiedAt, and the working days held in pausedDays');
  });
});
