import { continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CalendarActivities } from '../activities/types';
import { BATCH } from './batchRuns';
import { type CalendarBatchInput, type CalendarBatchProgress, type CalendarBatchState, calendarBatchStateQuery } from './calendarMessages';

const { changeWorkflowCalendar } = proxyActivities<CalendarActivities>(BATCH.activity);
const { atOnce: AT_ONCE, perRun: PER_RUN, refusalsKept: REFUSALS_KEPT } = BATCH;

/**
 * Delivers a published calendar version to every running inspection and cycle, one activity each
 * (activities/calendarChange.ts), a few at a time: durable, so a worker killed mid-way loses nothing (another picks the
 * batch up; each workflow's Update is applied once, whoever retries it); its progress a Query. Continues as new every
 * 200 workflows, carrying the rest and what was done.
 */
export async function calendarBatchWorkflow(input: CalendarBatchInput): Promise<CalendarBatchState> {
  const progress: CalendarBatchProgress = input.progress ?? { total: input.targets.length, moved: 0, unchanged: 0, alreadyMoved: 0, ended: 0, refused: 0, deadlinesMoved: 0, refusals: [] };
  let position = 0;
  let completed = false;
  const state = (): CalendarBatchState => ({
    ...progress,
    batchId: input.batchId,
    version: input.calendar.version,
    by: input.actor.id,
    remaining: input.targets.length - position,
    status: completed ? 'completed' : 'running',
  });
  setHandler(calendarBatchStateQuery, state);

  while (position < input.targets.length && position < PER_RUN) {
    const chunk = input.targets.slice(position, Math.min(position + AT_ONCE, PER_RUN, input.targets.length));
    const outcomes = await Promise.all(chunk.map((target) => changeWorkflowCalendar({ ...target, calendar: input.calendar, actor: input.actor })));
    outcomes.forEach((outcome, i) => {
      if (outcome.outcome === 'moved') {
        progress.moved++;
        progress.deadlinesMoved += outcome.deadlines;
      } else if (outcome.outcome === 'unchanged') progress.unchanged++;
      else if (outcome.outcome === 'already_moved') progress.alreadyMoved++;
      else if (outcome.outcome === 'ended') progress.ended++;
      else if (outcome.outcome === 'refused') {
        progress.refused++;
        if (progress.refusals.length < REFUSALS_KEPT) progress.refusals.push({ workflowId: chunk[i]!.workflowId, code: outcome.code, message: outcome.message });
      }
    });
    position += chunk.length;
  }
  if (position < input.targets.length) return continueAsNew<typeof calendarBatchWorkflow>({ ...input, targets: input.targets.slice(position), progress });
  completed = true;
  return state();
}
