import { z } from 'zod';

/** One statutory date still to come, as a timeline projection gives it; the single source of its type and API schema. */
export const timelineEntry = z.object({
  clock: z.string(),
  label: z.string(),
  due: z.string().describe('the last day (Europe/London) on which the step is on time, YYYY-MM-DD'),
  kind: z.enum(['target', 'window', 'automatic']),
  rule: z.string(),
  source: z.string(),
  reading: z.string().optional(),
  event: z.string().nullable().describe("the step assumed to happen on the due date: the clock's expiry event, or the decision it waits for"),
  overdue: z.boolean().describe('already past on the day of the projection'),
  provisional: z.literal(true).optional().describe('due in a year whose bank holidays are derived by rule, not yet published: a proclamation may move it'),
});

/** A person's step that no clock closes, assumed taken on the day it becomes possible so the projection can go on. */
export const assumedStep = z.object({
  event: z.string(),
  label: z.string(),
  on: z.string().describe('the day the step is assumed taken: the day it becomes possible, YYYY-MM-DD'),
  source: z.string(),
  assumption: z.string(),
});

export const timeline = z.object({
  from: z.string(),
  entries: z.array(timelineEntry),
  assumedSteps: z
    .array(assumedStep)
    .optional()
    .describe('present only when the projection had to assume steps that no clock closes (after the end of the inspection)'),
  end: z.object({ reason: z.enum(['done', 'no_clock_running', 'step_limit']), stage: z.string() }),
});
