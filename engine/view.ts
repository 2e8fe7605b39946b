import { z } from 'zod';

/**
 * What a Query returns and the API shows: public status, stage, clocks and what may be decided now.
 * The zod schemas are the single source of these types and of the API's OpenAPI response schemas.
 */
export const deadlineView = z.object({
  clock: z.string(),
  label: z.string(),
  due: z.string().describe('last day on time, YYYY-MM-DD (Europe/London)'),
  dueAt: z.string().describe('the instant the clock runs out (ISO 8601)'),
  kind: z.enum(['target', 'window', 'automatic']),
  overdue: z.boolean(),
  rule: z.string(),
  source: z.string(),
  reading: z.string().optional(),
  provisional: z.literal(true).optional().describe('due in a year whose bank holidays are derived by rule, not yet published: a proclamation may move it'),
});
export type DeadlineView = z.infer<typeof deadlineView>;

export const breachView = z.object({
  clock: z.string(),
  label: z.string(),
  due: z.string(),
  missedAt: z.string(),
  rule: z.string(),
  source: z.string(),
  /** The business date of the late step that answered it; null while still awaited (a miss a manager confirmed). */
  resolvedOn: z.string().nullable(),
});
export type BreachView = z.infer<typeof breachView>;

export const allowedDecisionView = z.object({
  event: z.string(),
  label: z.string(),
  roles: z.array(z.string()),
  source: z.string(),
  /** The running clock this decision would stop: when it is due, and why. Null when it stops none. */
  answers: deadlineView.nullable(),
});
export type AllowedDecisionView = z.infer<typeof allowedDecisionView>;

export const inspectionView = z.object({
  inspectionId: z.string(),
  type: z.string(),
  /** The framework version it runs (the law, in force from its seed's date) and the machine revision of it (our code). */
  version: z.number().int(),
  machineRevision: z.number().int(),
  title: z.string(),
  providerId: z.string().nullable(),
  status: z.string(),
  stage: z.string(),
  done: z.boolean(),
  grade: z.string().nullable(),
  facts: z.record(z.string(), z.unknown()),
  deadlines: z.array(deadlineView),
  nextDeadline: deadlineView.nullable(),
  breaches: z.array(breachView),
  allowedDecisions: z.array(allowedDecisionView),
  lastEventDate: z.string().nullable(),
  /** The steps people recorded, in business order: `step` is the seq of its decision.accepted entry (what a correction names). */
  steps: z.array(z.object({ step: z.number().int(), event: z.string(), at: z.string(), by: z.string(), role: z.string() })).optional(),
  /** The business date the inspection was opened: no step is dated before it. */
  openedOn: z.string().optional(),
  /** How its record is read: 1, in the order steps were recorded; 2, in business-date order (engine/fold.ts). */
  engineRevision: z.number().int().optional(),
  /** The calendar version its working days are counted with (calendar/holidayCalendar.ts). */
  calendar: z.string().optional(),
  /** How many audit entries the workflow has produced: the ledger is whole when its last seq is this (audit check). */
  ledgerSeq: z.number().int().optional(),
  /** Set while the workflow holds changes the ledger has not taken yet: since when (ISO). Long past: the record lags. */
  unrecordedSince: z.string().nullable().optional(),
  /** Increases with every change; lets readers ignore stale copies. */
  revision: z.number().int(),
});
export type InspectionView = z.infer<typeof inspectionView>;
