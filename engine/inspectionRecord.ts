import { type AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import { londonDateOf } from '../calendar';
import type { Actor, InspectionEvent, InspectionTypeDefinition } from '../machines/kit';
import { SYSTEM_ACTOR } from '../machines/kit';
import { clocksAnswered } from './answers';
import { type OpenClock, clockKey, openClocks } from './clocks';
import { type Decision, type DecisionCheck, allowedEvents, checkDecision } from './decisions';
import type { AuditEntry } from './ledgerEntries';
import { stageOf, statusOf } from './stage';
import type { BreachView, DeadlineView, InspectionView } from './view';

export interface RequestedEffect {
  seq: number;
  type: string;
  params: Record<string, unknown>;
}

export interface StartOptions {
  inspectionId: string;
  providerId: string | null;
  input: Record<string, unknown>;
  actor: Actor;
  now: number;
}

export class DecisionRefusedError extends Error {
  constructor(readonly refusal: Extract<DecisionCheck, { ok: false }>) {
    super(refusal.message);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One inspection as the workflow holds it: the machine's snapshot plus what the machine cannot know
 * (who did what, which clocks already fired, what is still to be written to the ledger). Pure: time comes
 * in as `now`, and I/O is left to the caller, which drains `takeEntries()` and `takeEffects()`.
 */
export class InspectionRecord {
  private snapshot: AnyMachineSnapshot;
  private seq = 0;
  private revision = 0;
  private lastEventDate: string | null = null;
  private readonly breaches: BreachView[] = [];
  private readonly firedClocks = new Set<string>();
  private clocks: OpenClock[] = [];
  private entries: AuditEntry[] = [];
  private effects: RequestedEffect[] = [];
  private decisionsCache: { snapshot: AnyMachineSnapshot; today: string; decisions: { event: string; answered: OpenClock | undefined }[] } | undefined;

  private constructor(
    readonly definition: InspectionTypeDefinition,
    readonly inspectionId: string,
    readonly providerId: string | null,
    now: number,
    input: Record<string, unknown>,
    actor: Actor,
  ) {
    const [snapshot, actions] = initialTransition(definition.machine, input);
    this.snapshot = snapshot;
    this.record(now, actor, 'inspection.started', { type: definition.type, version: definition.version, input }, definition.framework);
    this.afterTransition(now, actor, actions, londonDateOf(now));
  }

  static start(definition: InspectionTypeDefinition, options: StartOptions): InspectionRecord {
    return new InspectionRecord(definition, options.inspectionId, options.providerId, options.now, options.input, options.actor);
  }

  get done(): boolean {
    return this.snapshot.status !== 'active';
  }

  get stage(): string {
    return stageOf(this.snapshot);
  }

  get currentRevision(): number {
    return this.revision;
  }

  check(decision: Decision, actor: Actor, now: number): DecisionCheck {
    return checkDecision(
      {
        definition: this.definition,
        snapshot: this.snapshot,
        stage: this.stage,
        providerId: this.providerId,
        today: londonDateOf(now),
        recordedAt: iso(now),
        lastEventDate: this.lastEventDate,
      },
      decision,
      actor,
    );
  }

  /** Applies a decision that passes `check`; throws `DecisionRefusedError` otherwise. */
  decide(decision: Decision, actor: Actor, now: number): InspectionView {
    const checked = this.check(decision, actor, now);
    if (!checked.ok) throw new DecisionRefusedError(checked);
    return this.decideChecked(checked.event, actor, now);
  }

  /**
   * Applies the event a `check` made at this same state and `now` accepted: `decide` without checking a second time
   * (the workflow's Update handler checks first, to fail with a refusal the API understands).
   */
  decideChecked(event: InspectionEvent, actor: Actor, now: number): InspectionView {
    const spec = this.definition.events[event.type]!;
    this.record(now, actor, 'decision.accepted', { event: event.type, payload: payloadOf(event) }, spec.source);
    this.apply(event, actor, now);
    return this.view(now);
  }

  /** The instant the next clock runs out, if any clock is running and has not fired yet. */
  nextClockAt(): number | undefined {
    const pending = this.clocks.filter((c) => !this.firedClocks.has(clockKey(c))).map((c) => c.dueAt);
    return pending.length ? Math.min(...pending) : undefined;
  }

  /** Fires every clock due by `now`, in due order. Returns whether anything happened. */
  fireDueClocks(now: number): boolean {
    let fired = false;
    for (;;) {
      const clock = this.clocks
        .filter((c) => c.dueAt <= now && !this.firedClocks.has(clockKey(c)))
        .sort((a, b) => a.dueAt - b.dueAt)[0];
      if (!clock) return fired;
      fired = true;
      this.firedClocks.add(clockKey(clock));
      const { spec } = clock;
      if (spec.kind === 'target') {
        this.breaches.push({
          clock: spec.id,
          label: spec.label,
          due: clock.due,
          missedAt: iso(clock.dueAt),
          rule: spec.rule,
          source: spec.source,
          resolvedOn: null,
        });
        this.record(clock.dueAt, SYSTEM_ACTOR, 'deadline.missed', { clock: spec.id, due: clock.due, rule: spec.rule }, spec.source);
        this.revision++;
      } else {
        this.record(clock.dueAt, SYSTEM_ACTOR, 'clock.expired', { clock: spec.id, due: clock.due, event: spec.onExpiry }, spec.source);
        const event: InspectionEvent = { type: spec.onExpiry!, at: clock.due, recordedAt: iso(clock.dueAt), actorId: SYSTEM_ACTOR.id, role: SYSTEM_ACTOR.role };
        this.apply(event, SYSTEM_ACTOR, clock.dueAt);
      }
    }
  }

  /** Entries or effects produced but not yet handed to the caller. */
  get hasPendingWork(): boolean {
    return this.entries.length > 0 || this.effects.length > 0;
  }

  takeEntries(): AuditEntry[] {
    return this.entries.splice(0);
  }

  takeEffects(): RequestedEffect[] {
    return this.effects.splice(0);
  }

  /** Records that an effect the machine asked for has been carried out. */
  effectCompleted(effect: RequestedEffect, now: number, result: Record<string, unknown>): void {
    const spec = this.definition.effects[effect.type];
    this.record(now, SYSTEM_ACTOR, 'effect.completed', { effect: effect.type, requestedInEntry: effect.seq, result }, spec?.source ?? null);
  }

  view(now: number): InspectionView {
    const deadlines: DeadlineView[] = this.clocks
      .map((clock) => toDeadlineView(clock, now))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    const context = this.snapshot.context as Record<string, unknown>;
    const gradeField = this.definition.gradeField;
    return {
      inspectionId: this.inspectionId,
      type: this.definition.type,
      version: this.definition.version,
      title: this.definition.title,
      providerId: this.providerId,
      status: statusOf(this.definition, this.snapshot),
      stage: this.stage,
      done: this.done,
      grade: gradeField ? ((context[gradeField] as string | null | undefined) ?? null) : null,
      facts: context,
      deadlines,
      nextDeadline: deadlines[0] ?? null,
      breaches: this.breaches.map((b) => ({ ...b })),
      allowedDecisions: this.decisionsAllowed(londonDateOf(now)).map(({ event, answered }) => {
        const spec = this.definition.events[event]!;
        return {
          event,
          label: spec.label,
          roles: [...spec.roles],
          source: spec.source,
          answers: answered ? { ...toDeadlineView(answered, now) } : null,
        };
      }),
      lastEventDate: this.lastEventDate,
      revision: this.revision,
    };
  }

  /**
   * The decisions possible now and the clock each would stop. Trying every decision on a copy of the state is the
   * dearest part of a view, and its answer depends only on the snapshot and the day: worked out once per snapshot and
   * day, not again for every flush, Update answer and Query (docs/PERFORMANCE.md).
   */
  private decisionsAllowed(today: string): { event: string; answered: OpenClock | undefined }[] {
    const cached = this.decisionsCache;
    if (cached?.snapshot === this.snapshot && cached.today === today) return cached.decisions;
    const decisions = allowedEvents(this.definition, this.snapshot).map((event) => ({
      event,
      answered: clocksAnswered(this.definition, this.snapshot, event, today, this.clocks)[0],
    }));
    this.decisionsCache = { snapshot: this.snapshot, today, decisions };
    return decisions;
  }

  private apply(event: InspectionEvent, actor: Actor, now: number): void {
    const fromStage = this.stage;
    const [next, actions] = transition(this.definition.machine, this.snapshot, event);
    this.snapshot = next;
    if (!this.lastEventDate || event.at > this.lastEventDate) this.lastEventDate = event.at;
    this.record(now, actor, 'transition', { event: event.type, from: fromStage, to: this.stage, status: statusOf(this.definition, next) }, null);
    this.afterTransition(now, actor, actions, event.at);
  }

  /** `on` is the business date of the step (DESIGN §4): whether a clock was met is judged by it, not by when it was recorded. */
  private afterTransition(now: number, actor: Actor, actions: ReadonlyArray<{ type: string; params?: unknown }>, on: string): void {
    this.revision++;
    for (const action of actions) {
      const spec = this.definition.effects[action.type];
      if (!spec) continue;
      const params = (action.params ?? {}) as Record<string, unknown>;
      const entry = this.record(now, actor, 'effect.requested', { effect: action.type, params }, spec.source);
      this.effects.push({ seq: entry.seq, type: action.type, params });
    }
    this.reconcileClocks(now, on);
    if (this.done) this.record(now, actor, 'inspection.completed', { status: statusOf(this.definition, this.snapshot) }, null);
  }

  /** Audits every clock that started or stopped with this transition. */
  private reconcileClocks(now: number, on: string): void {
    const previous = new Map(this.clocks.map((c) => [clockKey(c), c]));
    this.clocks = openClocks(this.definition, this.snapshot);
    const current = new Set(this.clocks.map(clockKey));
    for (const [key, clock] of previous) {
      if (current.has(key)) continue;
      const still = this.clocks.find((c) => c.spec.id === clock.spec.id);
      if (still) {
        this.record(now, SYSTEM_ACTOR, 'deadline.set', { clock: still.spec.id, due: still.due, replaces: clock.due }, still.spec.source);
        continue;
      }
      const met = on <= clock.due;
      for (const breach of this.breaches) {
        if (breach.clock === clock.spec.id && breach.resolvedOn === null) breach.resolvedOn = on;
      }
      this.record(now, SYSTEM_ACTOR, 'deadline.closed', { clock: clock.spec.id, due: clock.due, on, met, stage: this.stage }, clock.spec.source);
    }
    for (const clock of this.clocks) {
      const key = clockKey(clock);
      if (previous.has(key) || [...previous.values()].some((p) => p.spec.id === clock.spec.id)) continue;
      this.record(now, SYSTEM_ACTOR, 'deadline.set', { clock: clock.spec.id, due: clock.due, kind: clock.spec.kind, rule: clock.spec.rule }, clock.spec.source);
    }
  }

  private record(now: number, actor: Actor, kind: AuditEntry['kind'], data: Record<string, unknown>, source: string | null): AuditEntry {
    const entry: AuditEntry = { seq: ++this.seq, kind, at: iso(now), actor: actor.id, role: actor.role, data, source };
    this.entries.push(entry);
    return entry;
  }
}

function toDeadlineView({ spec, due, dueAt }: OpenClock, now: number): DeadlineView {
  return {
    clock: spec.id,
    label: spec.label,
    due,
    dueAt: iso(dueAt),
    kind: spec.kind,
    overdue: dueAt <= now,
    rule: spec.rule,
    source: spec.source,
    ...(spec.reading ? { reading: spec.reading } : {}),
  };
}

function payloadOf(event: InspectionEvent): Record<string, unknown> {
  const { type: _type, actorId: _actorId, role: _role, recordedAt: _recordedAt, ...payload } = event;
  return payload;
}
