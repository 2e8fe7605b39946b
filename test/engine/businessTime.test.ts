import fc from 'fast-check';
import { addCalendarDays, londonDateOf, londonLocalInstant } from '../../calendar';
import type { InspectionView } from '../../engine';
import { getDefinition } from '../../machines/registry';
import { LIFECYCLES, type Lifecycle, type RecordedDecision, runOnTheDay } from '../support/lifecycles';
import { PureDriver, actors, middayOn } from '../support/pureDriver';

/**
 * Business time is the truth: a lifecycle whose steps are entered days or weeks after they happened, in whatever order
 * the people entering them manage, ends exactly as the same lifecycle entered on the day (the same stage, deadlines,
 * breaches and grade). Each lifecycle of test/support/lifecycles.ts, from many start dates, with random delays.
 */

const FIRST_START = '2024-04-08';

/** When a decision happened, as an instant: its time where it has one, else midday. */
const happenedAt = (d: RecordedDecision) => (d.at.length > 10 ? londonLocalInstant(d.at.slice(0, 10), d.at.slice(11)) : middayOn(d.at));

/** Instants as their London date: a step entered on another day than it happened has its date, not its time. */
function byDay(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return londonDateOf(Date.parse(value));
  if (Array.isArray(value)) return value.map(byDay);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, byDay(v)]));
  return value;
}

/** What must not depend on when steps were entered. */
function outcome(view: InspectionView) {
  return {
    status: view.status,
    stage: view.stage,
    done: view.done,
    grade: view.grade,
    deadlines: view.deadlines.map((d) => [d.clock, d.due, d.dueAt, d.overdue]),
    breaches: view.breaches.map((b) => [b.clock, b.due, b.resolvedOn]),
    lastEventDate: view.lastEventDate,
    facts: byDay(view.facts),
  };
}

/**
 * Enters the decisions of an on-the-day run late: each `delays[i]` days after it happened, in the order they are
 * entered. A step refused because a step dated before it is not entered yet waits, and is entered again after the next
 * one; the test fails if a step is refused with every step dated before it already entered.
 */
function enterLate(lifecycle: Lifecycle, startOn: string, decisions: RecordedDecision[], delays: number[]) {
  const driver = new PureDriver(getDefinition(lifecycle.type, lifecycle.version, lifecycle.machineRevision), startOn, lifecycle.input ?? {});
  const entries = decisions
    .map((d, index) => ({ d, index, enteredAt: Math.max(happenedAt(d) + 3_600_000, middayOn(addCalendarDays(d.at.slice(0, 10), delays[index]!))) }))
    .sort((a, b) => a.enteredAt - b.enteredAt || a.index - b.index);
  const entered = new Set<number>();
  const waiting: typeof entries = [];
  let refusals = 0;
  let now = middayOn(startOn);
  const tryEnter = (e: (typeof entries)[number]): boolean => {
    driver.record.fireDueClocks(now);
    const checked = driver.record.check({ event: e.d.event, at: e.d.at, ...e.d.fields }, actors[e.d.role], now);
    if (!checked.ok) {
      const before = decisions.filter((_, i) => i < e.index && !entered.has(i));
      if (before.length === 0) throw new Error(`${e.d.event} at ${e.d.at} refused with every earlier step entered: ${checked.message}`);
      refusals++;
      return false;
    }
    driver.record.decideChecked(checked.event, actors[e.d.role], now);
    entered.add(e.index);
    return true;
  };
  for (const e of entries) {
    now = Math.max(now, e.enteredAt);
    if (!tryEnter(e)) {
      waiting.push(e);
      continue;
    }
    for (let progress = true; progress; ) {
      progress = false;
      for (const w of [...waiting]) {
        if (tryEnter(w)) {
          waiting.splice(waiting.indexOf(w), 1);
          progress = true;
        }
      }
    }
  }
  expect(waiting.map((w) => w.d.event)).toEqual([]);
  return { driver, now, refusals };
}

describe.each(LIFECYCLES.map((l) => [l.name, l] as const))('%s', (_name, lifecycle) => {
  it('entered late, in any order the rules allow, ends as if entered on the day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 700 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: lifecycle.steps.length, maxLength: lifecycle.steps.length }),
        (offset, delays) => {
          const startOn = addCalendarDays(FIRST_START, offset);
          const reference = runOnTheDay(lifecycle, startOn);
          const late = enterLate(lifecycle, startOn, reference.decisions, delays);
          const end = Math.max(late.now, middayOn(reference.lastDay)) + 86_400_000;
          reference.driver.record.fireDueClocks(end);
          late.driver.record.fireDueClocks(end);
          expect(outcome(late.driver.record.view(end))).toEqual(outcome(reference.driver.record.view(end)));
          expect(reference.view.breaches.map((b) => b.clock)).toEqual(lifecycle.late ?? []);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('entered late in the order it happened, never refuses a step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 40 }), (offset, delay) => {
        const startOn = addCalendarDays(FIRST_START, offset);
        const { decisions } = runOnTheDay(lifecycle, startOn);
        expect(enterLate(lifecycle, startOn, decisions, decisions.map(() => delay)).refusals).toBe(0);
      }),
      { numRuns: 20 },
    );
  });
});
