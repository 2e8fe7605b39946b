import { randomUUID } from 'node:crypto';
import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { type CalendarVersion, type HolidayChange, SHIPPED_CALENDAR, holidayChangeRefusal, startOfLondonDay, withChange } from '../calendar';
import type { Database } from '../db';
import type { CalendarChangePreview } from '../engine';
import type { Actor } from '../machines/kit';
import { CALENDAR_BATCH_WORKFLOW, type CalendarBatchState, type CalendarTarget, calendarBatchStateQuery } from '../workflows/calendarMessages';
import { CENTRE_CYCLE_WORKFLOW } from '../workflows/centreMessages';
import { calendarPreviewQuery } from '../workflows/messages';
import { ApiError, notFound } from './errors';
import { inTurn } from './inTurn';
import { unavailable } from './inspectionService';

/** The most inspections one dry run reads (each a query of its own). */
export const CALENDAR_DRY_RUN_LIMIT = 2_000;
/** The most workflows one publication reaches: their ids travel in the batch workflow's input. */
const BATCH_LIMIT = 20_000;

export interface PublishedChange {
  n: number;
  version: string;
  change: HolidayChange;
  publishedAt: string;
  publishedBy: string;
  batchId: string | null;
}

/**
 * The working-day calendar as published here: the shipped list and every change published since (kept in the
 * database), each delivered to the running inspections and cycles by a calendar batch (workflows/calendarBatchWorkflow.ts).
 */
export class CalendarChanges {
  constructor(private readonly options: { db: Database; client: Client; taskQueue: string }) {}

  async published(): Promise<PublishedChange[]> {
    const rows = await this.options.db.query<{ n: number; version: string; change: HolidayChange; published_at: string | Date; published_by: string; batch_id: string | null }>(
      'SELECT n, version, change, published_at, published_by, batch_id FROM calendar_changes ORDER BY n',
    );
    return rows.map((r) => ({ n: r.n, version: r.version, change: r.change, publishedAt: new Date(r.published_at).toISOString(), publishedBy: r.published_by, batchId: r.batch_id }));
  }

  /** The calendar version in force: the shipped list with every change published since. */
  async current(): Promise<CalendarVersion> {
    return (await this.published()).reduce<CalendarVersion>((version, row) => withChange(version, row.change), SHIPPED_CALENDAR);
  }

  /** A version by its name (`<shipped>+n`: the shipped list and the first n changes published here); the shipped list when it has none. */
  async named(version: string | undefined): Promise<CalendarVersion> {
    const n = Number(/\+(\d+)$/.exec(version ?? '')?.[1] ?? 0);
    if (n === 0) return SHIPPED_CALENDAR;
    const published = await this.published();
    if (published.length < n) throw new Error(`calendar version ${version} is not among the ${published.length} published here`);
    return published.slice(0, n).reduce<CalendarVersion>((v, row) => withChange(v, row.change), SHIPPED_CALENDAR);
  }

  /** The version `change` would make, or a 4xx saying why it cannot be made. */
  async next(change: HolidayChange): Promise<{ current: CalendarVersion; next: CalendarVersion }> {
    const current = await this.current();
    const refused = holidayChangeRefusal(current, change);
    if (refused) throw new ApiError(/already|nothing to withdraw/.test(refused) ? 409 : 400, /already|nothing to withdraw/.test(refused) ? 'conflicts_with_record' : 'invalid_date', refused);
    return { current, next: withChange(current, change) };
  }

  /**
   * The dry run: every running inspection with a deadline due on or after the changed day, asked what would move;
   * those with a deadline that moves, and those that would refuse the change.
   */
  async preview(next: CalendarVersion, date: string) {
    const rows = await this.options.db.query<{ inspection_id: string }>(
      `SELECT DISTINCT inspection_id FROM inspection_deadlines WHERE due_at >= $1 ORDER BY inspection_id LIMIT ${CALENDAR_DRY_RUN_LIMIT + 1}`,
      [new Date(startOfLondonDay(date)).toISOString()],
    );
    if (rows.length > CALENDAR_DRY_RUN_LIMIT) throw new ApiError(422, 'too_many', `more than ${CALENDAR_DRY_RUN_LIMIT} running inspections have deadlines on or after ${date}: publish, and read each move in the ledger`);
    const results = await inTurn(rows.map((r) => r.inspection_id), async (inspectionId) => {
      try {
        return { inspectionId, check: await this.options.client.workflow.getHandle(inspectionId).query(calendarPreviewQuery, { calendar: next }) };
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return { inspectionId, check: null };
        throw unavailable(error);
      }
    });
    const moves: { inspectionId: string; deadlines: CalendarChangePreview['deadlines'] }[] = [];
    const refusals: { inspectionId: string; code: string; message: string }[] = [];
    for (const { inspectionId, check } of results) {
      if (!check) continue;
      if (check.ok && check.preview.deadlines.length > 0) moves.push({ inspectionId, deadlines: check.preview.deadlines });
      if (!check.ok && !/has ended/.test(check.message)) refusals.push({ inspectionId, code: check.code, message: check.message });
    }
    return { inspectionsRead: rows.length, moves, refusals };
  }

  /** Publishes the change as the next version, and starts the batch that delivers it to every running inspection and cycle. */
  async publish(current: CalendarVersion, next: CalendarVersion, actor: Actor): Promise<{ published: PublishedChange; batch: CalendarBatchState; centresNotListed?: string }> {
    const n = next.changes.length;
    const change = next.changes[n - 1]!;
    const batchId = `calendar-${randomUUID()}`;
    const inserted = await this.options.db.query<{ n: number }>(
      'INSERT INTO calendar_changes (n, version, change, published_by, batch_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (n) DO NOTHING RETURNING n',
      [n, next.version, JSON.stringify(change), actor.id, batchId],
    );
    if (inserted.length === 0) throw new ApiError(409, 'conflicts_with_record', `calendar ${current.version} is no longer the latest: another change was published meanwhile; read GET /calendar and try again`);
    return this.deliver((await this.published()).find((p) => p.n === n)!, next, actor);
  }

  /**
   * The latest change published again: its batch started if it never was (the server was unreachable when it was
   * published) or was stopped, else read. Safe to repeat: each workflow is moved once.
   */
  async redeliver(latest: PublishedChange, actor: Actor) {
    return this.deliver(latest, await this.named(latest.version), actor);
  }

  private async deliver(published: PublishedChange, calendar: CalendarVersion, actor: Actor): Promise<{ published: PublishedChange; batch: CalendarBatchState; centresNotListed?: string }> {
    const batchId = published.batchId!;
    const { targets, centresNotListed } = await this.targets();
    await this.options.client.workflow
      .start(CALENDAR_BATCH_WORKFLOW, { workflowId: batchId, taskQueue: this.options.taskQueue, args: [{ batchId, calendar, actor, targets }], workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY' })
      .catch((error: unknown) => {
        if (error instanceof WorkflowExecutionAlreadyStartedError) return;
        const message = error instanceof Error ? error.message : String(error);
        throw new ApiError(503, 'temporal_unavailable', `calendar ${calendar.version} is published (new inspections take it), but its delivery to the running inspections did not start (${message}); publish the same change again to deliver it`, { retryable: true });
      });
    return { published, batch: await this.batch(batchId), ...(centresNotListed ? { centresNotListed } : {}) };
  }

  async batch(batchId: string): Promise<CalendarBatchState> {
    try {
      return await this.options.client.workflow.getHandle(batchId).query(calendarBatchStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(`calendar batch ${batchId}`);
      throw unavailable(error);
    }
  }

  /** Every running inspection the read model lists (a decision or a clock open), and every centre's cycle Temporal lists on this task queue. */
  private async targets(): Promise<{ targets: CalendarTarget[]; centresNotListed?: string }> {
    const rows = await this.options.db.query<{ id: string }>(
      `SELECT id FROM inspections
        WHERE pending_decisions <> '[]'::jsonb OR EXISTS (SELECT 1 FROM inspection_deadlines d WHERE d.inspection_id = inspections.id)
        ORDER BY id LIMIT ${BATCH_LIMIT + 1}`,
    );
    if (rows.length > BATCH_LIMIT) throw new ApiError(422, 'too_many', `more than ${BATCH_LIMIT} inspections are running: one publication reaches at most ${BATCH_LIMIT}`);
    const targets: CalendarTarget[] = rows.map((r) => ({ workflowId: r.id, kind: 'inspection' }));
    try {
      for await (const workflow of this.options.client.workflow.list({ query: `WorkflowType = '${CENTRE_CYCLE_WORKFLOW}' AND ExecutionStatus = 'Running' AND TaskQueue = '${this.options.taskQueue}'` })) {
        targets.push({ workflowId: workflow.workflowId, kind: 'centre' });
      }
      return { targets };
    } catch (error) {
      // A server without visibility listing (the time-skipping test server): the centres are named as not reached.
      return { targets, centresNotListed: `the centres' cycles could not be listed (${error instanceof Error ? error.message : String(error)}): inspections they start keep the version they hold` };
    }
  }
}
