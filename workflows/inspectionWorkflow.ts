import { ApplicationFailure, ParentClosePolicy, condition, patched, proxyActivities, setHandler, startChild, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { CalendarVersion } from '../calendar';
import type { Refusal, RequestedEffect } from '../engine';
import type { InspectionActivities } from '../activities/types';
import type { InspectionTypeDefinition } from '../machines/kit';
import { SYSTEM_ACTOR } from '../machines/kit/roles';
import {
  type CalendarCheckView,
  type InspectionOutcome,
  type MigrateInput,
  type MigrationCheckView,
  REFUSAL_FAILURE_PREFIX,
  type StartInspectionInput,
  calendarPreviewQuery,
  changeCalendarUpdate,
  confirmMissedUpdate,
  inspectionStateQuery,
  migrateUpdate,
  migrationPreviewQuery,
  recordCorrectionUpdate,
  recordDecisionUpdate,
} from './messages';
import { machineForNewInspection, machineOf } from './machineChoice';
import { pureModules } from './pureRuntime';
import { INSPECTION_TYPE, searchAttributesOf } from './searchAttributes';

const { recordProgress, runEffect } = proxyActivities<InspectionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Runs any registered inspection machine durably (docs/ARCHITECTURE.md §3). The machine holds every rule; this function
 * only turns its declared clocks into durable timers, takes decisions as Updates, and hands every entry and
 * effect to activities, in order.
 */
export async function inspectionWorkflow(start: StartInspectionInput): Promise<InspectionOutcome> {
  const { definitionOf, InspectionRecord } = pureModules();
  const definition = definitionOf(start);
  // A start the engine cannot take (a calendar version that cannot be built) fails the inspection visibly, not its task for ever.
  const record = failVisibly(() => InspectionRecord.start(definition, {
    inspectionId: start.inspectionId,
    providerId: start.providerId,
    input: start.input,
    actor: start.createdBy,
    now: Date.now(),
    engineRevision: start.engineRevision ?? 1,
    ...(start.openedOn ? { openedOn: start.openedOn } : {}),
    ...(start.scheduledBy ? { scheduledBy: start.scheduledBy } : {}),
    ...(start.readings ? { readings: start.readings } : {}),
    ...(start.calendar ? { calendar: start.calendar } : {}),
  }));
  // Search attributes are kept up to date only when the starter set them, i.e. the server has them registered.
  const useSearchAttributes = workflowInfo().typedSearchAttributes.get(INSPECTION_TYPE) !== undefined;

  /** Set while a write of the record to the ledger is under way (retried while it fails): the Query says since when. */
  let writingSince: number | null = null;
  setHandler(inspectionStateQuery, () => ({ ...record.view(Date.now()), unrecordedSince: writingSince === null ? null : new Date(writingSince).toISOString() }));
  setHandler(
    recordDecisionUpdate,
    ({ decision, actor }) => failVisibly(() => {
      // A clock that has run out but not fired yet (the workflow was still waiting on an activity, e.g. one abandoned
      // by a crashed worker) acts first: otherwise the decision would be judged against a stage the clock has
      // already ended, and a missed target would never be raised as a breach. Deterministic: the handler runs on
      // replay too, and behind patched() for histories recorded before (docs/CHANGING_MACHINES.md). A decision the
      // fired clock makes invalid fails with the same refusal as the validator's.
      if (patchedWhereItMatters('fire-due-clocks-before-decision', clockDue())) record.fireDueClocks(Date.now());
      const checked = record.check(decision, actor, Date.now());
      if (!checked.ok) throw refusalFailure(checked);
      return record.decideChecked(checked.event, actor, Date.now());
    }),
    {
      validator: ({ decision, actor }) => failVisibly(() => {
        // With a clock already due but not yet fired (the workflow is waiting on an activity, e.g. a ledger write
        // while the database is down), the stage is about to change: judging the decision against it here would
        // refuse one the handler, which fires the clock first, accepts. The handler judges it then.
        // Who may send it and what it carries do not depend on the stage: those are still refused here.
        const checked = record.checkNew(decision, actor, Date.now());
        if (checked.ok) return;
        if (clockDue() && checked.code === 'not_allowed_now') return;
        throw refusalFailure(checked);
      }),
    },
  );

  // Corrections and confirmed misses exist only under business time (revision 2): the record refuses them otherwise.
  setHandler(
    recordCorrectionUpdate,
    ({ correction, actor }) => failVisibly(() => {
      record.fireDueClocks(Date.now());
      const checked = record.checkCorrection(correction, actor, Date.now());
      if (!checked.ok) throw refusalFailure(checked);
      return record.correct(correction, actor, Date.now());
    }),
    { validator: ({ correction, actor }) => failVisibly(() => rejectIfRefused(record.checkCorrection(correction, actor, Date.now()))) },
  );
  setHandler(
    confirmMissedUpdate,
    ({ clock, reason, actor }) => failVisibly(() => {
      record.fireDueClocks(Date.now());
      const checked = record.checkMissedConfirmation(clock, reason, actor, Date.now());
      if (!checked.ok) throw refusalFailure(checked);
      return record.confirmMissed(clock, reason, actor, Date.now());
    }),
    { validator: ({ clock, reason, actor }) => failVisibly(() => rejectIfRefused(record.checkMissedConfirmation(clock, reason, actor, Date.now()))) },
  );

  // A governed migration (docs/CHANGING_MACHINES.md): the dry run as a Query, the move as an Update.
  const targetRevision = (toRevision: number) => pureModules().revisionsOf(record.definition.type, record.definition.version).find((d) => d.machineRevision === toRevision);
  const checkMigration = ({ toRevision, actor }: Omit<MigrateInput, 'reason'>): MigrationCheckView => {
    const target = targetRevision(toRevision);
    if (!target) return { ok: false, code: 'conflicts_with_record', message: `${record.definition.type} v${record.definition.version} has no revision ${toRevision}` };
    return record.previewMigration(target, actor, Date.now());
  };
  setHandler(migrationPreviewQuery, (input) => failVisibly(() => checkMigration(input)));
  setHandler(
    migrateUpdate,
    ({ toRevision, reason, actor }) => failVisibly(() => {
      record.fireDueClocks(Date.now());
      const checked = checkMigration({ toRevision, actor });
      if (!checked.ok) throw refusalFailure(checked);
      return record.migrate(targetRevision(toRevision)!, reason, actor, Date.now());
    }),
    { validator: (input) => failVisibly(() => rejectIfRefused(checkMigration(input))) },
  );

  // A calendar change published since it started (calendar/holidayCalendar.ts): the dry run as a Query, the move as an Update.
  const checkCalendar = (calendar: StartInspectionInput['calendar'] & {}): CalendarCheckView => record.previewCalendarChange(calendar, Date.now());
  setHandler(calendarPreviewQuery, ({ calendar }) => failVisibly(() => checkCalendar(calendar)));
  setHandler(
    changeCalendarUpdate,
    ({ calendar, actor }) => failVisibly(() => {
      record.fireDueClocks(Date.now());
      const checked = checkCalendar(calendar);
      if (!checked.ok) throw refusalFailure(checked);
      return record.changeCalendar(calendar, actor, Date.now());
    }),
    {
      validator: ({ calendar, actor }) => failVisibly(() => {
        if (actor.role !== 'manager' && actor.role !== 'system') throw refusalFailure({ ok: false, code: 'forbidden', message: `a calendar change is published by a manager, not by ${actor.role}`, roles: ['manager'] });
        rejectIfRefused(checkCalendar(calendar));
      }),
    },
  );

  function clockDue(): boolean {
    return (record.nextClockAt() ?? Infinity) <= Date.now();
  }

  let flushedRevision = -1;
  for (;;) {
    await flush();
    if (record.done) break;
    const wakeAt = record.nextClockAt();
    const seen = record.currentRevision;
    const changed = () => record.currentRevision !== seen;
    if (wakeAt === undefined) {
      await condition(changed);
    } else if (wakeAt <= Date.now() || !(await condition(changed, wakeAt - Date.now()))) {
      // The durable timer ran out before any decision arrived: the machine's clocks decide what follows.
      failVisibly(() => record.fireDueClocks(Date.now()));
    }
  }
  await flush();
  const view = record.view(Date.now());
  const endDateField = record.definition.endDateField;
  const endedOn = endDateField ? ((view.facts[endDateField] as string | null | undefined) ?? null) : null;
  return { status: view.status, grade: view.grade, breaches: view.breaches.length, endedOn, facts: view.facts };

  /** Writes what has happened since the last flush: ledger entries and summary first, then effects. */
  async function flush(): Promise<void> {
    while (record.currentRevision !== flushedRevision || record.hasPendingWork) {
      // Taken together, with no await between them: each effect runs with the state that asked for it,
      // even if another decision arrives while the activities below are running.
      const revision = record.currentRevision;
      const entries = record.takeEntries();
      const effects = record.takeEffects();
      const view = record.view(Date.now());
      writingSince = Date.now();
      await recordProgress({ inspectionId: start.inspectionId, entries, view });
      writingSince = null;
      if (useSearchAttributes) upsertSearchAttributes(searchAttributesOf(view));
      flushedRevision = revision;
      for (const effect of effects) {
        const starts = record.definition.effects[effect.type]?.starts;
        // Only machine versions made after this change ask for such effects; patched() all the same
        // (docs/CHANGING_MACHINES.md), so no history recorded before can take this path.
        const result = starts && patched('effects-start-tracked-items') ? await startTrackedItems(effect, starts, start, record.calendar, useSearchAttributes) : await runEffect({ inspectionId: start.inspectionId, effect, view });
        record.effectCompleted(effect, Date.now(), result);
      }
    }
  }
}

/**
 * Starts each item an effect asks for (e.g. one requirement per requirement made at feedback) as a child inspection
 * workflow of its own, in the version in force today, counting working days with the parent's calendar. It outlives this inspection (abandoned, not cancelled, when
 * the parent ends), and its id is derived from the parent's and the item's key, so a retried task never starts it twice.
 */
async function startTrackedItems(
  effect: RequestedEffect,
  starts: NonNullable<InspectionTypeDefinition['effects'][string]['starts']>,
  parent: StartInspectionInput,
  calendar: CalendarVersion,
  useSearchAttributes: boolean,
): Promise<Record<string, unknown>> {
  const { CURRENT_ENGINE_REVISION } = pureModules();
  const started: ({ key: string; inspectionId: string } & ReturnType<typeof machineOf>)[] = [];
  for (const item of starts(effect.params)) {
    const definition = machineForNewInspection(item.type);
    const inspectionId = `${parent.inspectionId}-${item.key}`;
    const child: StartInspectionInput = {
      inspectionId,
      ...machineOf(definition),
      providerId: parent.providerId,
      input: item.input,
      createdBy: SYSTEM_ACTOR,
      engineRevision: CURRENT_ENGINE_REVISION,
      ...(calendar.changes.length > 0 ? { calendar } : {}),
    };
    await startChild(inspectionWorkflow, {
      workflowId: inspectionId,
      args: [child],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      ...(useSearchAttributes ? { typedSearchAttributes: [{ key: INSPECTION_TYPE, value: definition.type }] } : {}),
    });
    started.push({ key: item.key, inspectionId, ...machineOf(definition) });
  }
  return { started };
}

/**
 * `patched(id)`, asked only where its answer can matter (`matters`), so that a new run which never needs the change
 * records no marker and no `TemporalChangeVersion` upsert: two history events fewer per inspection
 * (docs/PERFORMANCE.md). Where it does not matter, both paths must do the same thing.
 * On replay it is always asked: histories recorded before this rule have the marker at the first call, needed or
 * not. Replaying, `patched()` answers from the history: false, with no command, before the task that recorded the
 * marker; true from that task on, its command being the recorded marker. So asking where the recorded run did not
 * changes nothing (docs/CHANGING_MACHINES.md).
 */
function patchedWhereItMatters(id: string, matters: boolean): boolean {
  return (matters || workflowInfo().unsafe.isReplaying) && patched(id);
}

/**
 * Runs engine code so that nothing it throws can fail a workflow task (retried for ever, the inspection stuck in
 * silence): a date the calendar cannot place is refused like any bad date; anything else fails the Update, or the
 * inspection, visibly, with its message. Refusals pass through as they are.
 */
function failVisibly<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ApplicationFailure) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError) throw refusalFailure({ ok: false, code: 'invalid_date', message });
    throw ApplicationFailure.create({ type: 'EngineFailure', message: `the inspection cannot take this: ${message}`, nonRetryable: true });
  }
}

function rejectIfRefused(checked: { ok: true } | Refusal): void {
  if (!checked.ok) throw refusalFailure(checked);
}

function refusalFailure(checked: Refusal): ApplicationFailure {
  const { ok: _ok, ...refusal } = checked;
  return ApplicationFailure.create({ type: REFUSAL_FAILURE_PREFIX + refusal.code, message: refusal.message, details: [refusal], nonRetryable: true });
}
