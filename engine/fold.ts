import { type AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import { addCalendarDays, calendarChanged, startOfLondonDay } from '../calendar';
import type { Actor, InspectionEvent, InspectionTypeDefinition } from '../machines/kit';
import { SYSTEM_ACTOR } from '../machines/kit/roles';
import { type OpenClock, clockKey, openClocks } from './clocks';
import { stageOf, statusOf } from './stage';

/**
 * How an inspection's record is read, fixed for its life when it starts (StartInspectionInput.engineRevision):
 * - 1, arrival order: steps apply in the order they are recorded, none dated before the one before; a target clock
 *   whose due instant passes is a breach there and then;
 * - 2, business time: steps apply in the order of their business dates, whenever they are recorded; a target clock
 *   whose due instant passes is overdue, awaiting the record, and a breach only once the step that answers it is
 *   dated after its due date (or a manager confirms it was missed).
 * Inspections started under 1 keep it, so their histories replay as they ran.
 */
export type EngineRevision = 1 | 2;
export const CURRENT_ENGINE_REVISION: EngineRevision = 2;

/** A person's step as recorded: its event (with its business date) and the ledger entry that recorded it. */
export interface RecordedStep {
  /** The `seq` of the `decision.accepted` ledger entry: how a correction names the step. */
  seq: number;
  event: InspectionEvent;
  actor: Actor;
}

/** A clock that stopped running: on which business date, and whether that was on time. */
export interface ClosedClock {
  clock: string;
  due: string;
  on: string;
  met: boolean;
}

/** A window or automatic clock that ran out, and the event it sent. */
export interface FiredClock {
  key: string;
  clock: string;
  due: string;
  event: string;
}

/** An effect the machine asked for, named by what caused it, so that two readings of one record can be compared. */
export interface EffectRequest {
  key: string;
  type: string;
  params: Record<string, unknown>;
}

/** A transition taken, for the audit entry that says so. */
export interface TakenTransition {
  event: string;
  at: string;
  actor: Actor;
  from: string;
  to: string;
  status: string;
  effects: EffectRequest[];
}

/** Where an item of the record sits in business time: its date, then a person's step before the day's clocks. */
type Place = readonly [date: string, rank: 0 | 1];

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One reading of an inspection's record: its steps applied through the machine in order, with every window and
 * automatic clock that runs out between them sent in its place. Pure; `rederive` reads a whole record afresh, and
 * a step dated after everything applied so far is simply applied next (the same result, without the re-reading).
 */
export class Fold {
  snapshot: AnyMachineSnapshot;
  clocks: OpenClock[];
  closed: ClosedClock[] = [];
  fired: FiredClock[] = [];
  effects: EffectRequest[] = [];
  /** Revision 1 only: target clocks whose due instant passed (breaches at once), and the day a step later closed each. */
  missed: { clock: OpenClock; resolvedOn: string | null }[] = [];
  transitions: TakenTransition[] = [];
  lastPlace: Place | null = null;
  lastEventDate: string | null = null;

  private constructor(
    readonly definition: InspectionTypeDefinition,
    readonly revision: EngineRevision,
    snapshot: AnyMachineSnapshot,
  ) {
    this.snapshot = snapshot;
    this.clocks = openClocks(definition, snapshot);
  }

  static begin(definition: InspectionTypeDefinition, revision: EngineRevision, input: Record<string, unknown>): Fold {
    const [snapshot, actions] = initialTransition(definition.machine, input);
    const fold = new Fold(definition, revision, snapshot);
    fold.requestEffects(actions, 'start');
    return fold;
  }

  /** Every step of a record applied in business order, clocks run to `now`; or why one of them cannot be. */
  static rederive(
    definition: InspectionTypeDefinition,
    revision: EngineRevision,
    input: Record<string, unknown>,
    steps: readonly RecordedStep[],
    now: number,
  ): Fold | StepConflict {
    const fold = Fold.begin(definition, revision, input);
    for (const step of [...steps].sort(byBusinessOrder)) {
      const conflict = fold.applyStep(step);
      if (conflict) return conflict;
    }
    fold.runClocks(now);
    return fold;
  }

  get stage(): string {
    return stageOf(this.snapshot);
  }

  get status(): string {
    return statusOf(this.definition, this.snapshot);
  }

  get done(): boolean {
    return this.snapshot.status !== 'active';
  }

  /** Whether a step dated `at` comes after everything applied so far (so it can be applied next, without re-reading). */
  follows(at: string): boolean {
    return this.lastPlace === null || comparePlaces([at, 0], this.lastPlace) >= 0;
  }

  /** A copy to try a step on; the snapshot is immutable, so only the lists are copied. */
  clone(): Fold {
    const copy = new Fold(this.definition, this.revision, this.snapshot);
    copy.clocks = this.clocks;
    copy.closed = [...this.closed];
    copy.fired = [...this.fired];
    copy.effects = [...this.effects];
    copy.missed = [...this.missed];
    copy.lastPlace = this.lastPlace;
    copy.lastEventDate = this.lastEventDate;
    return copy;
  }

  /** Applies a person's step in its place: the clocks that ran out before its day first. Null, or why it cannot be. */
  applyStep(step: RecordedStep): StepConflict | null {
    if (this.revision === 2) this.runClocks(startOfLondonDay(step.event.at));
    if (this.done || !this.snapshot.can(step.event)) return { step, snapshot: this.snapshot, stage: this.stage };
    const notYet = this.revision === 2 ? this.notOverdueYet(step.event) : null;
    if (notYet) return { step, snapshot: this.snapshot, stage: this.stage, reason: notYet };
    this.take(step.event, step.actor, `step:${step.seq}`, [step.event.at, 0]);
    return null;
  }

  /** An event that acts on something overdue (EventSpec.whenOverdue) is taken only once it is, by business date. */
  private notOverdueYet(event: InspectionEvent): string | null {
    const clockId = this.definition.events[event.type]?.whenOverdue;
    if (!clockId) return null;
    const clock = this.clocks.find((c) => c.spec.id === clockId);
    if (clock && event.at > clock.due) return null;
    const label = this.definition.clocks.find((c) => c.id === clockId)?.label ?? clockId;
    return clock
      ? `${event.type} acts on an overdue "${label}": it is due ${clock.due}, so not before ${addCalendarDays(clock.due, 1)}`
      : `${event.type} acts on an overdue "${label}", and that clock is not running`;
  }

  /** The instant the next clock this fold acts on runs out (windows and automatic steps; every clock under revision 1). */
  nextClockAt(): number | undefined {
    const pending = this.pendingClocks().map((c) => c.dueAt);
    return pending.length ? Math.min(...pending) : undefined;
  }

  /** Sends every window and automatic step due by `until`, in due order (under revision 1, also misses every target). */
  runClocks(until: number): void {
    for (;;) {
      const clock = this.pendingClocks()
        .filter((c) => c.dueAt <= until)
        .sort((a, b) => a.dueAt - b.dueAt)[0];
      if (!clock || this.done) return;
      const key = clockKey(clock);
      if (clock.spec.kind === 'target') {
        this.missed.push({ clock, resolvedOn: null });
        continue;
      }
      const event: InspectionEvent = {
        type: clock.spec.onExpiry!,
        at: clock.due,
        occurredAt: iso(clock.dueAt),
        recordedAt: iso(clock.dueAt),
        actorId: SYSTEM_ACTOR.id,
        role: SYSTEM_ACTOR.role,
      };
      this.fired.push({ key, clock: clock.spec.id, due: clock.due, event: event.type });
      this.take(event, SYSTEM_ACTOR, `clock:${key}`, [clock.due, 1]);
    }
  }

  /** The transitions taken since the last call, for their audit entries. */
  takeTransitions(): TakenTransition[] {
    return this.transitions.splice(0);
  }

  private pendingClocks(): OpenClock[] {
    const acted = new Set([...this.fired.map((f) => f.key), ...this.missed.map((m) => clockKey(m.clock))]);
    return this.clocks.filter((c) => (this.revision === 1 || c.spec.kind !== 'target') && !acted.has(clockKey(c)));
  }

  private take(event: InspectionEvent, actor: Actor, cause: string, place: Place): void {
    const from = this.stage;
    // Under a calendar changed since, a clock stopped by this event keeps the due it had when the event was recorded.
    const stopping = calendarChanged() ? openClocks(this.definition, this.snapshot, Date.parse(event.recordedAt)) : this.clocks;
    const [next, actions] = transition(this.definition.machine, this.snapshot, event);
    this.snapshot = next;
    this.lastPlace = place;
    if (!this.lastEventDate || event.at > this.lastEventDate) this.lastEventDate = event.at;
    const effects = this.requestEffects(actions, cause);
    this.transitions.push({ event: event.type, at: event.at, actor, from, to: this.stage, status: this.status, effects });
    const running = openClocks(this.definition, next);
    const still = new Set(running.map((c) => c.spec.id));
    for (const clock of stopping) {
      if (still.has(clock.spec.id)) continue;
      this.closed.push({ clock: clock.spec.id, due: clock.due, on: event.at, met: event.at <= clock.due });
      this.missed = this.missed.map((m) => (m.clock.spec.id === clock.spec.id && m.resolvedOn === null ? { ...m, resolvedOn: event.at } : m));
    }
    this.clocks = running;
  }

  private requestEffects(actions: ReadonlyArray<{ type: string; params?: unknown }>, cause: string): EffectRequest[] {
    const requested = actions
      .filter((a) => this.definition.effects[a.type])
      .map((a, n) => ({ key: `${cause}/${n}:${a.type}`, type: a.type, params: (a.params ?? {}) as Record<string, unknown> }));
    this.effects.push(...requested);
    return requested;
  }
}

/** A step the machine does not accept where its business date puts it: the state it met there, and why. */
export interface StepConflict {
  step: RecordedStep;
  snapshot: AnyMachineSnapshot;
  stage: string;
  /** A rule the engine applies beside the machine's (e.g. not before it is overdue); absent when the machine refused. */
  reason?: string;
}

function comparePlaces(a: Place, b: Place): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
}

/** Business date first; on one day, in the order recorded. */
export function byBusinessOrder(a: RecordedStep, b: RecordedStep): number {
  return a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : a.seq - b.seq;
}
