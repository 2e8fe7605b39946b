import { createHash, randomUUID } from 'node:crypto';
import {
  type Client,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure, ValueError } from '@temporalio/common';
import type { Decision, DecisionRefusal, InspectionView } from '../engine';
import type { Actor, InspectionTypeDefinition } from '../machines/kit';
import {
  INSPECTION_WORKFLOW,
  REFUSAL_FAILURE_PREFIX,
  type StartInspectionInput,
  inspectionStateQuery,
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

export const REFUSAL_STATUS: Record<DecisionRefusal['code'], 400 | 403 | 409> = {
  unknown_event: 400,
  invalid_payload: 400,
  invalid_date: 400,
  forbidden: 403,
  not_allowed_now: 409,
};

export interface InspectionServiceOptions {
  client: Client;
  taskQueue: string;
  /** Set when the server has the search attributes registered (see workflows/searchAttributes.ts). */
  searchAttributes: boolean;
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
    idempotencyKey?: string,
  ): Promise<{ view: InspectionView; created: boolean }> {
    const inspectionId = `insp-${idempotencyKey ? idFromKey(actor, idempotencyKey) : randomUUID()}`;
    const args: StartInspectionInput = {
      inspectionId,
      type: definition.type,
      version: definition.version,
      providerId,
      input,
      createdBy: actor,
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
    try {
      return await this.options.client.workflow.getHandle(inspectionId).executeUpdate(recordDecisionUpdate, {
        args: [{ decision, actor }],
        ...(idempotencyKey ? { updateId: `decision-${idFromKey(actor, idempotencyKey)}` } : {}),
      });
    } catch (error) {
      throw mapTemporalError(error, `inspection ${inspectionId}`);
    }
  }

  /** Registers a centre: its cycle workflow, one per provider, schedules every full inspection from now on. */
  async registerCentre(providerId: string, registeredOn: string): Promise<{ state: CentreCycleState; created: boolean }> {
    const centreId = centreIdOf(providerId);
    const args: CentreCycleInput = { centreId, providerId, registeredOn, last: null, inspectionsCompleted: 0, searchAttributes: this.options.searchAttributes };
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

  async decideForCentre(providerId: string, signal: 'bringForward' | 'close', reason: string): Promise<CentreCycleState> {
    try {
      return await this.options.client.workflow
        .getHandle(centreIdOf(providerId))
        .executeUpdate(signal === 'close' ? closeCentreUpdate : bringForwardUpdate, { args: [{ reason }] });
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
function unavailable(error: unknown): Error {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(503, 'temporal_unavailable', `the workflow service did not answer; retry later (${message})`, { retryable: true });
}

function idFromKey(actor: Actor, key: string): string {
  return `${createHash('sha256').update(`${actor.id}\u0000${key}`).digest('hex').slice(0, 32)}`;
}
