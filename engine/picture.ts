import { endOfLondonDay } from '../calendar';
import type { InspectionTypeDefinition } from '../machines/kit';
import { type OpenClock, clockKey } from './clocks';
import type { ClosedClock, EffectRequest, FiredClock, Fold } from './fold';
import type { AuditEntry } from './ledgerEntries';
import type { BreachView } from './view';

/**
 * What a reading of the record shows that the ledger must be told about: running clocks, clocks closed and whether
 * on time, windows and automatic steps that ran out, effects asked for, breaches. Two pictures compared give the audit
 * entries for any change, however it came about (a step, a step entered late, a correction, a clock running out).
 */
export interface Picture {
  /** Under revision 1 a breach is raised at its due instant, so its entry is dated then. */
  breachesAtDue: boolean;
  done: boolean;
  open: Map<string, OpenClock>;
  closed: Map<string, ClosedClock>;
  fired: Map<string, FiredClock & { dueAt: number }>;
  effects: Map<string, EffectRequest>;
  breaches: Map<string, BreachView>;
}

/** An audit entry a change calls for; `at` when it happened at another instant than the change itself (a due instant). */
export interface Change {
  kind: AuditEntry['kind'];
  data: Record<string, unknown>;
  source: string | null;
  at?: number;
  effect?: EffectRequest;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function pictureOf(
  definition: InspectionTypeDefinition,
  fold: Fold,
  confirmedMissed: ReadonlyMap<string, { on: string; by: string; reason: string }>,
  now: number,
): Picture {
  const spec = (id: string) => definition.clocks.find((c) => c.id === id)!;
  const breach = (clock: string, due: string, missedAt: number, resolvedOn: string | null): BreachView => {
    const { label, rule, source } = spec(clock);
    return { clock, label, due, missedAt: iso(missedAt), rule, source, resolvedOn };
  };
  const breaches = new Map<string, BreachView>();
  if (fold.revision === 1) {
    // A target whose due instant passed is a breach at once; the step that closes it later resolves it.
    for (const { clock, resolvedOn } of fold.missed) breaches.set(clockKey(clock), breach(clock.spec.id, clock.due, clock.dueAt, resolvedOn));
  } else {
    for (const closed of fold.closed) {
      if (!closed.met && spec(closed.clock).kind === 'target') breaches.set(`${closed.clock}@${closed.due}`, breach(closed.clock, closed.due, endOfLondonDay(closed.due), closed.on));
    }
    for (const clock of fold.clocks) {
      if (confirmedMissed.has(clockKey(clock)) && clock.dueAt <= now) breaches.set(clockKey(clock), breach(clock.spec.id, clock.due, clock.dueAt, null));
    }
  }
  return {
    breachesAtDue: fold.revision === 1,
    done: fold.done,
    open: new Map(fold.clocks.map((c) => [c.spec.id, c])),
    closed: new Map(fold.closed.map((c) => [`${c.clock}@${c.due}`, c])),
    fired: new Map(fold.fired.map((f) => [f.key, { ...f, dueAt: endOfLondonDay(f.due) }])),
    effects: new Map(fold.effects.map((e) => [e.key, e])),
    breaches,
  };
}

/**
 * The audit entries that take the ledger from `before` to `after`, in the order a reader expects them; `cause` is added
 * to each deadline that moved (a calendar change names both versions).
 */
export function changesBetween(definition: InspectionTypeDefinition, before: Picture, after: Picture, cause?: Record<string, unknown>): Change[] {
  const source = (clock: string) => definition.clocks.find((c) => c.id === clock)?.source ?? null;
  const changes: Change[] = [];
  for (const [key, fired] of after.fired) {
    if (!before.fired.has(key)) changes.push({ kind: 'clock.expired', at: fired.dueAt, data: { clock: fired.clock, due: fired.due, event: fired.event }, source: source(fired.clock) });
  }
  for (const [key, fired] of before.fired) {
    if (!after.fired.has(key)) changes.push({ kind: 'clock.expiry.withdrawn', data: { clock: fired.clock, due: fired.due, event: fired.event, why: 'a step dated before it stopped the clock in time' }, source: source(fired.clock) });
  }
  for (const [key, effect] of after.effects) {
    if (!before.effects.has(key)) changes.push({ kind: 'effect.requested', data: { effect: effect.type, params: effect.params }, source: definition.effects[effect.type]?.source ?? null, effect });
  }
  for (const [key, closed] of after.closed) {
    const was = before.closed.get(key);
    if (!was || was.on !== closed.on || was.met !== closed.met) changes.push({ kind: 'deadline.closed', data: { ...closed, ...(was ? { was: { on: was.on, met: was.met } } : {}) }, source: source(closed.clock) });
  }
  for (const [key, closed] of before.closed) {
    if (!after.closed.has(key)) changes.push({ kind: 'deadline.reopened', data: { clock: closed.clock, due: closed.due, was: { on: closed.on, met: closed.met } }, source: source(closed.clock) });
  }
  for (const [id, clock] of after.open) {
    const was = before.open.get(id);
    if (was?.due === clock.due) continue;
    const data = was ? { clock: id, due: clock.due, replaces: was.due, ...cause } : { clock: id, due: clock.due, kind: clock.spec.kind, rule: clock.spec.rule };
    changes.push({ kind: 'deadline.set', data, source: clock.spec.source });
  }
  for (const [key, breach] of after.breaches) {
    if (!before.breaches.has(key)) {
      const data = { clock: breach.clock, due: breach.due, rule: breach.rule, ...(breach.resolvedOn && !after.breachesAtDue ? { answeredOn: breach.resolvedOn } : {}) };
      changes.push({ kind: 'deadline.missed', ...(after.breachesAtDue ? { at: Date.parse(breach.missedAt) } : {}), data, source: breach.source });
    }
  }
  for (const [key, breach] of before.breaches) {
    if (!after.breaches.has(key)) changes.push({ kind: 'breach.withdrawn', data: { clock: breach.clock, due: breach.due, why: 'the record now shows the deadline met' }, source: breach.source });
  }
  if (after.done && !before.done) changes.push({ kind: 'inspection.completed', data: {}, source: null });
  return changes;
}
