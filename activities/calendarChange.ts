import type { Client } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { CalendarVersion } from '../calendar';
import type { Actor } from '../machines/kit';
import type { CalendarOutcome, CalendarTarget } from '../workflows/calendarMessages';
import { changeCentreCalendarUpdate } from '../workflows/centreMessages';
import { REFUSAL_FAILURE_PREFIX, calendarPreviewQuery, changeCalendarUpdate } from '../workflows/messages';

export interface ChangeWorkflowCalendarInput extends CalendarTarget {
  calendar: CalendarVersion;
  actor: Actor;
}

/** The refusals that mean the workflow has the version already (or a later one): a retried delivery. */
const ALREADY = /already counts working days with calendar|does not follow/;

/**
 * Moves one inspection or cycle to a published calendar version, for a calendar batch: the Update's id names the
 * version, so a retried activity (a worker killed mid-way) never moves it twice. A refusal is an outcome, not a
 * failure; only an unreachable server or a timeout fails the activity, to be retried.
 */
export async function changeWorkflowCalendar(client: Client, input: ChangeWorkflowCalendarInput): Promise<CalendarOutcome> {
  const handle = client.workflow.getHandle(input.workflowId);
  const description = await handle.describe().catch((error: unknown) => {
    if ((error as { name?: string }).name === 'WorkflowNotFoundError') return null;
    throw error;
  });
  if (!description || description.status.name !== 'RUNNING') return { outcome: 'ended' };
  const updateId = `calendar-${input.calendar.version}`;
  const args = [{ calendar: input.calendar, actor: input.actor }] as const;
  try {
    if (input.kind === 'centre') {
      await handle.executeUpdate(changeCentreCalendarUpdate, { args: [...args], updateId });
      return { outcome: 'unchanged' };
    }
    const check = await handle.query(calendarPreviewQuery, { calendar: input.calendar });
    if (!check.ok) return ALREADY.test(check.message) ? { outcome: 'already_moved' } : { outcome: 'refused', code: check.code, message: check.message };
    await handle.executeUpdate(changeCalendarUpdate, { args: [...args], updateId });
    return check.preview.deadlines.length > 0 ? { outcome: 'moved', deadlines: check.preview.deadlines.length } : { outcome: 'unchanged' };
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      if (ALREADY.test(error.cause.message)) return { outcome: 'already_moved' };
      return { outcome: 'refused', code: (error.cause.type ?? 'refused').replace(REFUSAL_FAILURE_PREFIX, ''), message: error.cause.message };
    }
    throw error;
  }
}
