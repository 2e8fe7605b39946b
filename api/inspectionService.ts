import { createHash, randomUUID } from 'node:crypto';
import {
  type Client,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type WorkflowHandle,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure, ValueError } from '@temporalio/common';
import type { CalendarVersion } from '../calendar';
import { CURRENT_ENGINE_REVISION, type Correction, type Decision, type DecisionRefusal, type InspectionView } from '../engine';
import type { Actor, InspectionTypeDefinition } from '../machines/kit';
import { type ReadingSettings, readingsFor } from '../machines/readings';
import {
  INSPECTION_WORKFLOW,
  type MigrationCheckView,
  REFUSAL_FAILURE_PREFIX,
  type StartInspectionInput,
  confirmMissedUpdate,
  inspectionStateQuery,
  migrateUpdate,
  migrationPreviewQuery,
  recordCorrectionUpdate,
  recordDecisionUpdate,
} from '../workflows/messages';
import { INSPECTION_STATUS, INSPECTION_TYPE } from '../workflows/searchAttributes';
import {
  CENTRE_CYCLE_WORKFLOW,
  type CentreCycleInput,
  type CentreCycleState,
  bringForwardUpdate,
  centreCycleStateQuery,
  closeCentreUpdate,
  recordManagerChangeUpdate,
} from '../workflows/centreMessages';
import type { ManagerChange } from '../machines/sccif-rfc/managerChange';
import { ApiError, notFound } from './errors';

export const REFUSAL_STATUS: Record<DecisionRefusal['code'], 400 | 403 | 404 | 409> = {
  unknown_event: 400,
  invalid_payload: 400,
  invalid_date: 400,
  forbidden: 403,
  unknown_step: 404,
  not_allowed_now: 409,
  conflicts_with_record: 409,
};

export interface InspectionServiceOptions {
  client: Client;
  taskQueue: string;
  /** Set when the server has the search attributes registered (see workflows/searchAttributes.ts). */
  searchAttributes: boolean;
  /** The values an operator set for readings (READINGS_FILE): each new inspection takes its type's, and keeps them. */
  readings?: ReadingSettings;
  /** The calendar version in force (api/calendarChanges.ts): each new inspection and cycle takes it. */
  calendar?: () => Promise<CalendarVersion>;
}

/** The API's only way to Temporal: start, read and decide, with Temporal's errors turned into ApiErrors. */
export class InspectionService {
  constructor(private readonly options: InspectionServiceOptions) {}

  /**
   * Starts an inspection. With an idempotency key, the workflow id is derived from it, so a retried request
   * finds the inspection the first one started instead of starting a second.
   */
  async start(
    definition: InspectionTypeDefinition,
    providerId: string,
    input: Record<string, unknown>,
    actor: Actor,
    openedOn: string,
    idempotencyKey?: string,
  ): Promise<{ view: InspectionView; created: boolean }> {
    const inspectionId = `insp-${idempotencyKey ? idFromKey(actor, idempotencyKey) : randomUUID()}`;
    const readings = readingsFor(definition, this.options.readings ?? {});
    const calendar = await this.calendarInForce();
    const args: StartInspectionInput = {
      inspectionId,
      type: definition.type,
      version: definition.version,
      machineRevision: definition.machineRevision,
      providerId,
      input,
      createdBy: actor,
      engineRevision: CURRENT_ENGINE_REVISION,
      openedOn,
      ...(readings ? { readings } : {}),
      ...calendar,
    };
    let created = true;
    try {
      await this.options.client.workflow.start(INSPECTION_WORKFLOW, {
        workflowId: inspectionId,
        taskQueue: this.options.taskQueue,
        args: [args],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        ...(this.options.searchAttributes
          ? { typedSearchAttributes: [{ key: INSPECTION_TYPE, value: definition.type }, { key: INSPECTION_STATUS, value: 'starting' }] }
          : {}),
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw unavailable(error);
      created = false;
    }
    return { view: await this.view(inspectionId), created };
  }

  /** `{ calendar }` where changes were published since the shipped list; nothing otherwise (the workflow's default). */
  private async calendarInForce(): Promise<{ calendar?: CalendarVersion }> {
    const calendar = await this.options.calendar?.();
    return calendar && calendar.changes.length > 0 ? { calendar } : {};
  }

  async view(inspectionId: string): Promise<InspectionView> {
    try {
      return await this.options.client.workflow.getHandle(inspectionId).query(inspectionStateQuery);
    } catch (error) {
      throw mapTemporalError(error, `inspection ${inspectionId}`);
    }
  }

  /**
   * Sends a decision as an Update. With an idempotency key, the Update's id is derived from it: Temporal
   * answers a repeated id with the first Update's outcome and applies it once.
   */
  async decide(inspectionId: string, decision: Decision, actor: Actor, idempotencyKey?: string): Promise<InspectionView> {
    return this.update(inspectionId, (handle) =>
      handle.executeUpdate(recordDecisionUpdate, {
        args: [{ decision, actor }],
        ...(idempotencyKey ? { updateId: `decision-${idFromKey(actor, idempotencyKey)}` } : {}),
      }),
    );
  }

  /** Amends or withdraws a recorded step; everything derived from it follows (the workflow re-reads the record). */
  async correct(inspectionId: string, correction: Correction, actor: Actor, idempotencyKey?: string): Promise<InspectionView> {
    return this.update(inspectionId, (handle) =>
      handle.executeUpdate(recordCorrectionUpdate, {
        args: [{ correction, actor }],
        ...(idempotencyKey ? { updateId: `correction-${idFromKey(actor, idempotencyKey)}` } : {}),
      }),
    );
  }

  /** A manager confirms that an overdue target was missed: a breach before the late step is recorded. */
  async confirmMissed(inspectionId: string, clock: string, reason: string, actor: Actor): Promise<InspectionView> {
    return this.update(inspectionId, (handle) => handle.executeUpdate(confirmMissedUpdate, { args: [{ clock, reason, actor }] }));
  }

  /** A migration's dry run for one inspection: what would change, or why it cannot move (engine/migration.ts). */
  async previewMigration(inspectionId: string, toRevision: number, actor: Actor): Promise<MigrationCheckView> {
    try {
      return await this.options.client.workflow.getHandle(inspectionId).query(migrationPreviewQuery, { toRevision, actor });
    } catch (error) {
      throw mapTemporalError(error, `inspection ${inspectionId}`);
    }
  }

  /** Moves one inspection to another revision. Its Update id names the revision, so a retried migration applies once. */
  async migrate(inspectionId: string, toRevision: number, reason: string, actor: Actor): Promise<InspectionView> {
    return this.update(inspectionId, (handle) => handle.executeUpdate(migrateUpdate, { args: [{ toRevision, reason, actor }], updateId: `migration-to-revision-${toRevision}` }));
  }

  /**
   * Sends an Update, with Temporal's errors turned into ApiErrors. An inspection that has ended takes no Update, and
   * Temporal answers as if it did not exist: it is told apart from an unknown one (409 closed, not 404).
   */
  private async update(inspectionId: string, send: (handle: WorkflowHandle) => Promise<InspectionView>): Promise<InspectionView> {
    const handle = this.options.client.workflow.getHandle(inspectionId);
    try {
      return await send(handle);
    } catch (error) {
      const mapped = mapTemporalError(error, `inspection ${inspectionId}`);
      if (mapped instanceof ApiError && mapped.status === 404) {
        const status = await handle.describe().then((d) => d.status.name, () => undefined);
        if (status && status !== 'RUNNING') throw new ApiError(409, 'closed', `inspection ${inspectionId} has ended (${status.toLowerCase()}): its record can no longer change`);
      }
      throw mapped;
    }
  }

  /** Registers a centre: its cycle workflow, one per provider, schedules every full inspection from now on. */
  async registerCentre(providerId: string, registeredOn: string): Promise<{ state: CentreCycleState; created: boolean }> {
    const centreId = centreIdOf(providerId);
    const args: CentreCycleInput = { centreId, providerId, registeredOn, last: null, inspectionsCompleted: 0, searchAttributes: this.options.searchAttributes, ...(await this.calendarInForce()) };
    let created = true;
    try {
      await this.options.client.workflow.start(CENTRE_CYCLE_WORKFLOW, {
        workflowId: centreId,
        taskQueue: this.options.taskQueue,
        args: [args],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw unavailable(error);
      created = false;
    }
    return { state: await this.centre(providerId), created };
  }

  async centre(providerId: string): Promise<CentreCycleState> {
    try {
      return await this.options.client.workflow.getHandle(centreIdOf(providerId)).query(centreCycleStateQuery);
    } catch (error) {
      throw mapTemporalError(error, `centre ${providerId}`);
    }
  }

  /** Inspect sooner: the centre's window opens today, due by `by` (default today). */
  async bringForward(providerId: string, reason: string, by?: string): Promise<CentreCycleState> {
    try {
      return await this.options.client.workflow.getHandle(centreIdOf(providerId)).executeUpdate(bringForwardUpdate, { args: [{ reason, ...(by ? { by } : {}) }] });
    } catch (error) {
      throw mapTemporalError(error, `centre ${providerId}`);
    }
  }

  async closeCentre(providerId: string, reason: string): Promise<CentreCycleState> {
    try {
      return await this.options.client.workflow.getHandle(centreIdOf(providerId)).executeUpdate(closeCentreUpdate, { args: [{ reason }] });
    } catch (error) {
      throw mapTemporalError(error, `centre ${providerId}`);
    }
  }

  /** A change of registered manager notified for a centre: judged against the 28-day rule by its cycle. */
  async recordManagerChange(providerId: string, change: ManagerChange): Promise<CentreCycleState> {
    try {
      return await this.options.client.workflow.getHandle(centreIdOf(providerId)).executeUpdate(recordManagerChangeUpdate, { args: [change] });
    } catch (error) {
      throw mapTemporalError(error, `centre ${providerId}`);
    }
  }

  async history(inspectionId: string) {
    try {
      return await this.options.client.workflow.getHandle(inspectionId).fetchHistory();
    } catch (error) {
      throw mapTemporalError(error, `inspection ${inspectionId}`);
    }
  }
}

/** One cycle workflow per centre: its id is derived from the provider's reference, so registering twice finds the first. */
function centreIdOf(providerId: string): string {
  return `centre-${providerId}`;
}

/** `what` names the workflow's subject in messages, e.g. "inspection insp-..." or "centre URN-1". */
function mapTemporalError(error: unknown, what: string): Error {
  if (error instanceof WorkflowNotFoundError) return notFound(what);
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const failure = error.cause;
    if (failure.type?.startsWith(REFUSAL_FAILURE_PREFIX)) {
      const refusal = failure.details?.[0] as DecisionRefusal;
      const { code, message, ...details } = refusal;
      return new ApiError(REFUSAL_STATUS[code], code, message, details);
    }
  }
  if (error instanceof ServiceError && /not found/i.test(error.message)) return notFound(what);
  // the client could not encode the request (e.g. a body nested too deeply for JSON.stringify): the caller's fault,
  // and retrying would fail the same way, so a 400 and not a retryable 503
  if (error instanceof ValueError) return new ApiError(400, 'invalid_payload', `the request cannot be encoded for ${what} (nested too deeply?): ${error.message}`);
  if (error instanceof Error && /workflow execution already completed/i.test(error.message)) {
    return new ApiError(409, 'closed', `${what} has finished; nothing further can be sent to it`);
  }
  return unavailable(error);
}

/** Temporal unreachable or failing: a retryable 503, never a silent loss. */
export function unavailable(error: unknown): Error {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(503, 'temporal_unavailable', `the workflow service did not answer; retry later (${message})`, { retryable: true });
}

function idFromKey(actor: Actor, key: string): string {
  return `${createHash('sha256').update(`${actor.id}\u0000${key}`).digest('hex').slice(0, 32)}`;
}
