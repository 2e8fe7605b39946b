import type { z } from 'zod';
import { type CalendarEra, type CalendarVersion, SHIPPED_CALENDAR, extendsCalendar, sameCalendar, holidayCalendarOf, isProvisional, londonDateOf, withCalendars } from '../calendar';
import type { Actor, InspectionEvent, InspectionTypeDefinition, Role } from '../machines/kit';
import { SYSTEM_ACTOR } from '../machines/kit';
import { type TypeReadings, withReadings } from '../machines/readings';
import { clocksAnswered } from './answers';
import { type OpenClock, clockKey } from './clocks';
import { type Decision, type DecisionCheck, type DecisionContext, type DecisionRefusal, allowedEvents, boundaryRefusal, checkDecision, eventOf } from './decisions';
import { CURRENT_ENGINE_REVISION, type EngineRevision, Fold, type RecordedStep, type StepConflict, byBusinessOrder } from './fold';
import type { AuditEntry } from './ledgerEntries';
import { type MigrationPreview, migrationPreview, migrationRefusal } from './migration';
import { type Picture, changesBetween, pictureOf } from './picture';
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
  /** The business date the inspection was opened; no step is dated before it. Default: the day of `now`. */
  openedOn?: string;
  /** How the record is read (fold.ts); default: the current revision. */
  engineRevision?: EngineRevision;
  /** Why it was started when it was (a centre's window and its rule): kept in its first audit entry. */
  scheduledBy?: Record<string, unknown>;
  /** The readings an operator set for its type when it started (machines/readings.ts): it keeps them, migrated or not. */
  readings?: TypeReadings;
  /** The calendar version its working days are counted with (default: the list the product ships). */
  calendar?: CalendarVersion;
}

/** A recorded step amended (its date or fields) or withdrawn as entered in error, with the reason. */
export interface Correction {
  /** The `seq` of the step's `decision.accepted` ledger entry. */
  step: number;
  action: 'amend' | 'withdraw';
  /** Amend: the corrected business date (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`). */
  at?: string;
  /** Amend: fields to replace in the step's payload. */
  fields?: Record<string, unknown>;
  reason: string;
}

export type Refusal = Exclude<DecisionCheck, { ok: true }>;

export class DecisionRefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One inspection as the workflow holds it: the steps people recorded, read through the machine (a Fold) into its
 * state, clocks and breaches, plus what the machine cannot know (who did what, what the ledger has been told). Pure:
 * time comes in as `now`, and I/O is left to the caller, which drains `takeEntries()` and `takeEffects()`.
 *
 * Every change is audited as the difference between what the record showed before and after it (picture.ts), so a
 * step entered late, a correction and a clock running out are told in the same terms; the ledger only ever grows.
 */
export class InspectionRecord {
  private fold: Fold;
  private steps: RecordedStep[] = [];
  private readonly confirmedMissed = new Map<string, { on: string; by: string; reason: string }>();
  private readonly overdueNoticed = new Set<string>();
  private seq = 0;
  private revision = 0;
  private entries: AuditEntry[] = [];
  private effects: RequestedEffect[] = [];
  private placed: { event: InspectionEvent; fold: Fold; rederived: boolean } | undefined;
  private decisionsCache: { snapshot: unknown; today: string; decisions: { event: string; answered: OpenClock | undefined }[] } | undefined;
  /** The calendar versions it has held, each from the instant it was moved to it (calendar/holidayCalendar.ts). */
  private eras: CalendarEra[];
  private calendarVersion: CalendarVersion;

  private constructor(
    private machine: InspectionTypeDefinition,
    readonly inspectionId: string,
    readonly providerId: string | null,
    private input: Record<string, unknown>,
    readonly openedOn: string,
    readonly engineRevision: EngineRevision,
    now: number,
    actor: Actor,
    scheduledBy: Record<string, unknown> | undefined,
    private readonly readings: TypeReadings | undefined,
    calendar: CalendarVersion,
  ) {
    this.calendarVersion = calendar;
    this.eras = [{ calendar: holidayCalendarOf(calendar), from: -Infinity }];
    this.fold = this.on(() => Fold.begin(machine, engineRevision, input));
    const data = {
      type: machine.type,
      version: machine.version,
      machineRevision: machine.machineRevision,
      input,
      ...(engineRevision > 1 ? { openedOn, engineRevision } : {}),
      ...(scheduledBy ? { scheduledBy } : {}),
      ...(readings ? { readings } : {}),
      ...(calendar.changes.length > 0 ? { calendar: calendar.version } : {}),
    };
    this.record(now, actor, 'inspection.started', data, machine.framework);
    this.on(() => this.commit(this.fold, emptyPicture(), now, actor));
  }

  static start(definition: InspectionTypeDefinition, options: StartOptions): InspectionRecord {
    const revision = options.engineRevision ?? CURRENT_ENGINE_REVISION;
    const openedOn = options.openedOn ?? londonDateOf(options.now);
    const readings = options.readings && Object.keys(options.readings).length > 0 ? options.readings : undefined;
    const calendar = options.calendar ?? SHIPPED_CALENDAR;
    return new InspectionRecord(withReadings(definition, readings), options.inspectionId, options.providerId, options.input, openedOn, revision, options.now, options.actor, options.scheduledBy, readings, calendar);
  }

  /** The machine revision the record is read through: the one it started on, or the one it was migrated to. */
  get definition(): InspectionTypeDefinition {
    return this.machine;
  }

  get done(): boolean {
    return this.fold.done;
  }

  get stage(): string {
    return this.fold.stage;
  }

  get currentRevision(): number {
    return this.revision;
  }

  /**
   * `check`, for a decision arriving now (an Update's validator): first what the system takes in at all
   * (machines/kit/boundary.ts). Not on replay: a recorded decision is re-read by `check` alone.
   */
  checkNew(decision: Decision, actor: Actor, now: number): DecisionCheck {
    return this.on(() => {
      return boundaryRefusal(decision.event, decision) ?? this.check(decision, actor, now);
    });
  }

  /** Whether the decision may be recorded now, and the event it makes; the place it takes is kept for `decideChecked`. */
  check(decision: Decision, actor: Actor, now: number): DecisionCheck {
    return this.on(() => {
      const checked = checkDecision(this.context(now), decision, actor);
      if (!checked.ok) return checked;
      const placed = this.place({ seq: this.seq + 1, event: checked.event, actor }, this.steps, now);
      return 'ok' in placed ? placed : { ok: true, event: checked.event };
    });
  }

  /** Applies a decision that passes `check`; throws `DecisionRefusedError` otherwise. */
  decide(decision: Decision, actor: Actor, now: number): InspectionView {
    return this.on(() => {
      const checked = this.check(decision, actor, now);
      if (!checked.ok) throw new DecisionRefusedError(checked);
      return this.decideChecked(checked.event, actor, now);
    });
  }

  /**
   * Applies the event a `check` made at this same state and `now` accepted: `decide` without checking a second time
   * (the workflow's Update handler checks first, to fail with a refusal the API understands).
   */
  decideChecked(event: InspectionEvent, actor: Actor, now: number): InspectionView {
    return this.on(() => {
      const step: RecordedStep = { seq: this.seq + 1, event, actor };
      const placed = this.placed?.event === event ? this.placed : this.place(step, this.steps, now);
      if ('ok' in placed) throw new DecisionRefusedError(placed);
      const spec = this.definition.events[event.type]!;
      const before = this.picture(now);
      const occurred = this.engineRevision > 1 && event.occurredAt !== event.recordedAt ? { occurredAt: event.occurredAt } : {};
      this.record(now, actor, 'decision.accepted', { event: event.type, payload: payloadOf(event), ...occurred }, spec.source);
      this.steps.push(step);
      if (placed.rederived) this.rederived(placed.fold, now, actor, `${event.type} dated ${event.at}, recorded after steps dated later`);
      this.commit(placed.fold, before, now, actor);
      return this.view(now);
    });
  }

  /** Whether a correction may be made now; the record it makes is kept for `correct`. */
  checkCorrection(correction: Correction, actor: Actor, now: number): { ok: true } | Refusal {
    return this.on(() => {
      const made = this.corrected(correction, actor, now);
      return 'ok' in made ? made : { ok: true };
    });
  }

  /** Amends or withdraws a recorded step, re-reading everything that follows from it; throws `DecisionRefusedError` if it cannot. */
  correct(correction: Correction, actor: Actor, now: number): InspectionView {
    return this.on(() => {
      const made = this.corrected(correction, actor, now);
      if ('ok' in made) throw new DecisionRefusedError(made);
      const before = this.picture(now);
      const original = this.steps.find((s) => s.seq === correction.step)!;
      const spec = this.definition.events[original.event.type]!;
      const after = made.steps.find((s) => s.seq === correction.step);
      this.record(now, actor, 'correction.accepted', {
        step: correction.step,
        action: correction.action,
        reason: correction.reason,
        event: original.event.type,
        before: { at: original.event.at, payload: payloadOf(original.event) },
        ...(after ? { after: { at: after.event.at, payload: payloadOf(after.event) } } : {}),
      }, spec.source);
      this.steps = made.steps;
      this.rederived(made.fold, now, actor, `step #${correction.step} ${correction.action === 'amend' ? 'amended' : 'withdrawn'}: ${correction.reason}`);
      this.commit(made.fold, before, now, actor);
      return this.view(now);
    });
  }

  /**
   * Whether the inspection may move to `target` (a later revision of its framework version) now, and what would
   * change: its recorded steps read again through the target machine (engine/migration.ts). Changes nothing.
   */
  previewMigration(revision: InspectionTypeDefinition, actor: Actor, now: number): { ok: true; preview: MigrationPreview } | Refusal {
    return this.on(() => {
      const target = withReadings(revision, this.readings);
      const moved = this.migrated(target, actor, now);
      return 'ok' in moved ? moved : { ok: true, preview: migrationPreview(this.definition, target, this.fold, moved.fold) };
    });
  }

  /** Moves the inspection to `target`, audited with who, why and what changed; throws `DecisionRefusedError` if it cannot. */
  migrate(revision: InspectionTypeDefinition, reason: string, actor: Actor, now: number): InspectionView {
    return this.on(() => {
      const target = withReadings(revision, this.readings);
      const moved = this.migrated(target, actor, now);
      if ('ok' in moved) throw new DecisionRefusedError(moved);
      const before = this.picture(now);
      const preview = migrationPreview(this.definition, target, this.fold, moved.fold);
      this.record(now, actor, 'inspection.migrated', { ...preview, reason }, target.migratesFrom!.note);
      this.machine = target;
      this.input = moved.input;
      this.decisionsCache = undefined;
      this.rederived(moved.fold, now, actor, `migrated to ${target.type} v${target.version} revision ${target.machineRevision}: ${reason}`);
      this.commit(moved.fold, before, now, actor);
      return this.view(now);
    });
  }

  /** The calendar version its working days are counted with now. */
  get calendar(): CalendarVersion {
    return this.calendarVersion;
  }

  /**
   * Whether the inspection may count its working days with `target` (a later calendar version) from now, and every
   * running deadline that would move (old due → new due): its record read again under it. Changes nothing.
   */
  previewCalendarChange(target: CalendarVersion, now: number): { ok: true; preview: CalendarChangePreview } | Refusal {
    const moved = this.calendarMoved(target, now);
    return 'ok' in moved ? moved : { ok: true, preview: moved.preview };
  }

  /**
   * Moves the inspection to a later calendar version: deadlines still running move, a clock that has run out stays as
   * it ran. Audited as one `calendar.changed` entry with the changes and their sources, and a `deadline.set` per moved
   * clock naming the due it replaces, both versions and the source. Throws `DecisionRefusedError` if it cannot.
   */
  changeCalendar(target: CalendarVersion, actor: Actor, now: number): InspectionView {
    const moved = this.calendarMoved(target, now);
    if ('ok' in moved) throw new DecisionRefusedError(moved);
    const before = this.picture(now);
    const { preview } = moved;
    const source = preview.changes.map((c) => c.source).join('; ');
    this.record(now, actor, 'calendar.changed', { ...preview }, source);
    this.eras = moved.eras;
    this.calendarVersion = target;
    this.decisionsCache = undefined;
    moved.fold.takeTransitions();
    this.on(() => this.commit(moved.fold, before, now, actor, { calendar: { from: preview.from, to: preview.to, source } }));
    return this.view(now);
  }

  /** A manager confirms that an overdue target was missed: a breach now, before the step that answers it is recorded. */
  checkMissedConfirmation(clock: string, reason: string, actor: Actor, now: number): { ok: true; due: string } | Refusal {
    if (this.engineRevision === 1) return { ok: false, code: 'not_allowed_now', message: 'under arrival order a missed target is a breach as soon as it is due', stage: this.stage, allowed: [] };
    if (actor.role !== 'manager') return { ok: false, code: 'forbidden', message: `a missed deadline is confirmed by a manager, not by ${actor.role}`, roles: ['manager'] };
    const refused = boundaryRefusal('confirmation', { reason });
    if (refused) return refused;
    const running = this.fold.clocks.find((c) => c.spec.id === clock && c.spec.kind === 'target');
    if (!running) {
      const targets = this.fold.clocks.filter((c) => c.spec.kind === 'target').map((c) => c.spec.id);
      return { ok: false, code: 'not_allowed_now', message: `no target "${clock}" is running (running: ${targets.join(', ') || 'none'})`, stage: this.stage, allowed: [] };
    }
    if (running.dueAt > now) return { ok: false, code: 'not_allowed_now', message: `"${running.spec.label}" is due ${running.due}: it is not overdue yet`, stage: this.stage, allowed: [] };
    if (this.confirmedMissed.has(clockKey(running))) return { ok: false, code: 'not_allowed_now', message: `"${running.spec.label}" due ${running.due} is already confirmed missed`, stage: this.stage, allowed: [] };
    return { ok: true, due: running.due };
  }

  confirmMissed(clock: string, reason: string, actor: Actor, now: number): InspectionView {
    return this.on(() => {
      const checked = this.checkMissedConfirmation(clock, reason, actor, now);
      if (!checked.ok) throw new DecisionRefusedError(checked);
      const before = this.picture(now);
      this.confirmedMissed.set(`${clock}@${checked.due}`, { on: londonDateOf(now), by: actor.id, reason });
      this.commit(this.fold, before, now, actor);
      return this.view(now);
    });
  }

  /** The instant the next clock runs out that the record acts on (a window, an automatic step, a target falling overdue). */
  nextClockAt(): number | undefined {
    return this.on(() => {
      const next = [this.fold.nextClockAt(), ...this.targetsToNotice(Infinity).map((c) => c.dueAt)].filter((t): t is number => t !== undefined);
      return next.length ? Math.min(...next) : undefined;
    });
  }

  /** Acts on every clock due by `now`, in due order. Returns whether anything happened. */
  fireDueClocks(now: number): boolean {
    return this.on(() => {
      const before = this.picture(now);
      const fold = this.fold.clone();
      fold.runClocks(now);
      const overdue = this.targetsToNotice(now);
      const changed = fold.fired.length !== this.fold.fired.length || fold.missed.length !== this.fold.missed.length || overdue.length > 0;
      if (!changed) return false;
      for (const clock of overdue) {
        this.overdueNoticed.add(clockKey(clock));
        this.record(clock.dueAt, SYSTEM_ACTOR, 'deadline.overdue', { clock: clock.spec.id, due: clock.due, rule: clock.spec.rule, awaiting: 'the step that answers it, or a manager confirming it was missed' }, clock.spec.source);
      }
      this.commit(fold, before, now, SYSTEM_ACTOR);
      return true;
    });
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
    return this.on(() => {
      const deadlines: DeadlineView[] = this.fold.clocks.map((clock) => toDeadlineView(clock, now)).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
      const context = this.fold.snapshot.context as Record<string, unknown>;
      const gradeField = this.definition.gradeField;
      return {
        inspectionId: this.inspectionId,
        type: this.definition.type,
        version: this.definition.version,
        machineRevision: this.definition.machineRevision,
        title: this.definition.title,
        providerId: this.providerId,
        status: this.fold.status,
        stage: this.stage,
        done: this.done,
        grade: gradeField ? ((context[gradeField] as string | null | undefined) ?? null) : null,
        facts: context,
        deadlines,
        nextDeadline: deadlines[0] ?? null,
        breaches: [...this.picture(now).breaches.values()],
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
        lastEventDate: this.fold.lastEventDate,
        steps: [...this.steps].sort(byBusinessOrder).map((s) => ({ step: s.seq, event: s.event.type, at: s.event.at, by: s.actor.id, role: s.actor.role })),
        openedOn: this.openedOn,
        engineRevision: this.engineRevision,
        calendar: this.calendarVersion.version,
        ledgerSeq: this.seq,
        revision: this.revision,
      };
    });
  }

  /** Runs `fn` with working-day questions answered by the calendar versions this inspection holds. */
  private on<T>(fn: () => T): T {
    return withCalendars(this.eras, fn);
  }

  private context(now: number): DecisionContext {
    return {
      definition: this.definition,
      revision: this.engineRevision,
      providerId: this.providerId,
      today: londonDateOf(now),
      recordedAt: iso(now),
      openedOn: this.openedOn,
      lastEventDate: this.fold.lastEventDate,
    };
  }

  /**
   * Where a step goes: applied next when its date follows everything applied so far (always, under arrival order);
   * otherwise the whole record is read again with the step in its place. Refused when the machine does not accept it
   * there, when a later step would then not be accepted, or when an effect already carried out would be undone.
   */
  private place(step: RecordedStep, steps: readonly RecordedStep[], now: number): { event: InspectionEvent; fold: Fold; rederived: boolean } | Refusal {
    let fold: Fold | StepConflict;
    const rederived = this.engineRevision === 2 && !this.fold.follows(step.event.at);
    if (rederived) {
      fold = Fold.rederive(this.definition, 2, this.input, [...steps, step], now);
    } else {
      const trial = this.fold.clone();
      fold = trial.applyStep(step) ?? trial;
      if (fold === trial && this.engineRevision === 2) trial.runClocks(now);
    }
    if (!(fold instanceof Fold)) return this.conflictRefusal(fold, step);
    const undone = this.undoneEffect(fold);
    if (undone) return undone;
    this.placed = { event: step.event, fold, rederived };
    return this.placed;
  }

  /** The reading of the record under a later calendar version from `now`, and what moves; or why it cannot be read so. */
  private calendarMoved(target: CalendarVersion, now: number): { fold: Fold; eras: CalendarEra[]; preview: CalendarChangePreview } | Refusal {
    const refuse = (message: string): Refusal => ({ ok: false, code: 'conflicts_with_record', message });
    const current = this.calendarVersion;
    if (sameCalendar(target, current)) return refuse(`it already counts working days with calendar ${current.version}`);
    if (!extendsCalendar(target, current)) return refuse(`calendar ${target.version} does not follow ${current.version}, the one it counts with: a calendar version only moves forward, by the changes published after it`);
    if (this.engineRevision === 1) return refuse(`it reads its steps in the order they were recorded (engine revision 1): its deadlines are not read again, and it keeps calendar ${current.version}`);
    if (this.done) return refuse('it has ended');
    const eras = [...this.eras, { calendar: holidayCalendarOf(target), from: now }];
    const fold = withCalendars(eras, () => Fold.rederive(this.definition, 2, this.input, this.steps, now));
    if (!(fold instanceof Fold)) return this.conflictRefusal(fold, undefined);
    const undone = this.undoneEffect(fold);
    if (undone) return undone;
    const was = new Map(this.fold.clocks.map((c) => [c.spec.id, c.due]));
    const deadlines = fold.clocks
      .filter((c) => was.has(c.spec.id) && was.get(c.spec.id) !== c.due)
      .map((c) => ({ clock: c.spec.id, label: c.spec.label, before: was.get(c.spec.id)!, after: c.due }));
    return { fold, eras, preview: { from: current.version, to: target.version, changes: target.changes.slice(current.changes.length), deadlines } };
  }

  /** The reading of the record through `target`, or why the inspection cannot move there. */
  private migrated(target: InspectionTypeDefinition, actor: Actor, now: number): { fold: Fold; input: Record<string, unknown> } | Refusal {
    const refused = migrationRefusal(this.definition, target, this.engineRevision, this.done, actor);
    if (refused) return refused;
    const input = target.migratesFrom!.input?.(this.input) ?? this.input;
    const parsed = target.inputSchema.safeParse(input);
    if (!parsed.success) return { ok: false, code: 'conflicts_with_record', message: `its start input does not fit revision ${target.machineRevision}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}` };
    const fold = Fold.rederive(target, 2, input, this.steps, now);
    if (!(fold instanceof Fold)) {
      const { step, stage, reason } = fold;
      return { ok: false, code: 'conflicts_with_record', message: `no place for it in revision ${target.machineRevision}: its step ${step.event.type} dated ${step.event.at} (entry #${step.seq}) ${reason ?? `would not be allowed at stage ${stage}`}` };
    }
    return this.undoneEffect(fold) ?? { fold, input };
  }

  /** The steps and reading a correction makes, or why it cannot be made. */
  private corrected(correction: Correction, actor: Actor, now: number): { steps: RecordedStep[]; fold: Fold } | Refusal {
    if (this.engineRevision === 1) return { ok: false, code: 'not_allowed_now', message: 'this inspection reads its steps in the order they were recorded (engine revision 1): its steps cannot be corrected', stage: this.stage, allowed: [] };
    const refused = boundaryRefusal('correction', correction);
    if (refused) return refused;
    const original = this.steps.find((s) => s.seq === correction.step);
    if (!original) return { ok: false, code: 'unknown_step', message: `no step recorded in entry #${correction.step} (steps: ${this.steps.map((s) => `#${s.seq} ${s.event.type}`).join(', ') || 'none'})` };
    const spec = this.definition.events[original.event.type]!;
    const correctors: readonly Role[] = spec.correctableBy ?? ['manager'];
    if (actor.role === 'system' || !correctors.includes(actor.role)) {
      return { ok: false, code: 'forbidden', message: `a ${original.event.type} step may be corrected by ${correctors.join(' or ')}, not by ${actor.role}`, roles: [...correctors] };
    }
    let steps: RecordedStep[];
    if (correction.action === 'withdraw') {
      steps = this.steps.filter((s) => s !== original);
    } else {
      const payload = { ...payloadOf(original.event), ...correction.fields, ...(correction.at ? { at: correction.at } : {}) };
      const parsed = spec.schema.safeParse(payload);
      if (!parsed.success) {
        const message = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
        return { ok: false, code: 'invalid_payload', message: `invalid correction of ${original.event.type}: ${message}`, issues: parsed.error.issues };
      }
      const recordedOn = londonDateOf(Date.parse(original.event.recordedAt));
      if (correction.at && correction.at.slice(0, 10) > recordedOn) {
        return { ok: false, code: 'invalid_date', message: `at ${correction.at} is after the step was recorded, on ${recordedOn}` };
      }
      const fields = parsed.data as Record<string, unknown>;
      const remade = correction.at
        ? eventOf({ ...this.context(now), today: recordedOn, recordedAt: original.event.recordedAt }, original.event.type, fields, original.actor)
        : ({ ok: true, event: { ...original.event, ...fields, at: original.event.at } } as const);
      if (!remade.ok) return remade;
      steps = this.steps.map((s) => (s === original ? { ...s, event: remade.event } : s));
    }
    const fold = Fold.rederive(this.definition, 2, this.input, steps, now);
    if (!(fold instanceof Fold)) return this.conflictRefusal(fold, undefined);
    return this.undoneEffect(fold) ?? { steps, fold };
  }

  private conflictRefusal(conflict: StepConflict, placing: RecordedStep | undefined): Refusal {
    const { step, stage } = conflict;
    const what = `${step.event.type} dated ${step.event.at}`;
    if (step === placing) {
      if (conflict.reason) return { ok: false, code: 'not_allowed_now', message: conflict.reason, stage, allowed: allowedEvents(this.definition, conflict.snapshot) };
      const broken = this.definition.events[step.event.type]?.breaks?.(conflict.snapshot.context as Record<string, unknown>, step.event);
      if (broken) return { ok: false, code: 'invalid_payload', message: `invalid ${step.event.type}: ${broken}`, issues: [{ code: 'custom', path: [], message: broken, input: payloadOf(step.event) } as z.core.$ZodIssue] };
      const allowed = allowedEvents(this.definition, conflict.snapshot);
      const when = this.fold.follows(step.event.at) ? '' : ` on ${step.event.at}`;
      const why = allowed.includes(step.event.type) ? ' with these details' : '';
      return { ok: false, code: 'not_allowed_now', message: `${step.event.type} is not allowed${why}${when} at stage ${stage}; allowed ${when ? 'then' : 'now'}: ${allowed.join(', ') || 'none'}`, stage, allowed };
    }
    const reason = conflict.reason ?? `it would not be allowed at stage ${stage}`;
    return { ok: false, code: 'conflicts_with_record', message: `${placing ? `${placing.event.type} dated ${placing.event.at}` : 'the correction'} conflicts with the record: then ${what} (entry #${step.seq}) comes after it, and ${reason}` };
  }

  /** An effect already asked for that another reading of the record would not ask for the same way. */
  private undoneEffect(fold: Fold): Refusal | null {
    const wanted = new Map(fold.effects.map((e) => [e.key, JSON.stringify(e.params)]));
    const lost = this.fold.effects.find((e) => wanted.get(e.key) !== JSON.stringify(e.params));
    if (!lost) return null;
    const label = this.definition.effects[lost.type]?.label ?? lost.type;
    return { ok: false, code: 'conflicts_with_record', message: `that would undo "${label}", already carried out; record what happened since instead` };
  }

  /** Commits a new reading: audits what changed (a moved deadline with `cause`), takes its effects, and counts a revision. */
  private commit(fold: Fold, before: Picture, now: number, actor: Actor, cause?: Record<string, unknown>): void {
    this.fold = fold;
    this.placed = undefined;
    for (const t of fold.takeTransitions()) {
      this.record(now, t.actor, 'transition', { event: t.event, from: t.from, to: t.to, status: t.status }, null);
    }
    for (const change of changesBetween(this.definition, before, this.picture(now), cause)) {
      const entry = this.record(change.at ?? now, change.kind === 'effect.requested' ? actor : SYSTEM_ACTOR, change.kind, change.data, change.source);
      if (change.effect) this.effects.push({ seq: entry.seq, type: change.effect.type, params: change.effect.params });
    }
    this.revision++;
  }

  /** A reading of the whole record afresh (a step entered out of order, a correction): one entry says why. */
  private rederived(fold: Fold, now: number, actor: Actor, why: string): void {
    fold.takeTransitions();
    this.record(now, actor, 'record.rederived', { why, stage: fold.stage, status: fold.status, steps: [...this.steps].map((s) => ({ step: s.seq, event: s.event.type, at: s.event.at })) }, null);
  }

  private picture(now: number): Picture {
    return pictureOf(this.definition, this.fold, this.confirmedMissed, now);
  }

  /** Revision 2: running targets whose due instant has passed by `now`, not yet told to the ledger as overdue. */
  private targetsToNotice(now: number): OpenClock[] {
    if (this.engineRevision === 1) return [];
    return this.fold.clocks.filter((c) => c.spec.kind === 'target' && c.dueAt <= now && !this.overdueNoticed.has(clockKey(c)));
  }

  /**
   * The decisions possible now and the clock each would stop. Trying every decision on a copy of the state is the
   * dearest part of a view, and its answer depends only on the state and the day: worked out once per state and
   * day, not again for every flush, Update answer and Query (docs/PERFORMANCE.md).
   */
  private decisionsAllowed(today: string): { event: string; answered: OpenClock | undefined }[] {
    const cached = this.decisionsCache;
    if (cached?.snapshot === this.fold.snapshot && cached.today === today) return cached.decisions;
    const { snapshot, clocks } = this.fold;
    const decisions = allowedEvents(this.definition, snapshot)
      .filter((event) => this.engineRevision === 1 || !this.definition.events[event]!.whenOverdue || clocks.some((c) => c.spec.id === this.definition.events[event]!.whenOverdue && today > c.due))
      .map((event) => ({ event, answered: clocksAnswered(this.definition, snapshot, event, today, clocks)[0] }));
    this.decisionsCache = { snapshot, today, decisions };
    return decisions;
  }

  private record(now: number, actor: Actor, kind: AuditEntry['kind'], data: Record<string, unknown>, source: string | null): AuditEntry {
    const entry: AuditEntry = { seq: ++this.seq, kind, at: iso(now), actor: actor.id, role: actor.role, data, source };
    this.entries.push(entry);
    return entry;
  }
}

function emptyPicture(): Picture {
  return { breachesAtDue: false, done: false, open: new Map(), closed: new Map(), fired: new Map(), effects: new Map(), breaches: new Map() };
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
    ...(isProvisional(due) ? { provisional: true as const } : {}),
  };
}

function payloadOf(event: InspectionEvent): Record<string, unknown> {
  const { type: _type, actorId: _actorId, role: _role, recordedAt: _recordedAt, occurredAt: _occurredAt, ...payload } = event;
  return payload;
}

export type { BreachView, DecisionRefusal };

/** What moving an inspection to a later calendar version changes: each running deadline that moves. */
export interface CalendarChangePreview {
  from: string;
  to: string;
  /** The changes published between the two versions, each with its source. */
  changes: CalendarVersion['changes'];
  deadlines: { clock: string; label: string; before: string; after: string }[];
}
