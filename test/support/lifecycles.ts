import { addCalendarDays, addWorkingDays, londonLocalInstant } from '../../calendar';
import type { InspectionView } from '../../engine';
import { uniformJudgements } from '../../machines/childrens-centre/judgements';
import type { Role } from '../../machines/kit';
import { getDefinition } from '../../machines/registry';
import { goodJudgements2014 } from './historyScenarios/rfc2014Full';
import { PureDriver, actors, middayOn } from './pureDriver';

/**
 * Whole lifecycles of several type families, written as steps relative to the clocks the inspection shows, so that
 * one script runs from any start date: each step on the same day as the one before, on the last day a clock allows
 * (or so many working days after it, to miss it), or after a window or automatic step has run out by itself.
 */
export type LifecycleStep =
  | {
      role: Role;
      event: string;
      fields?: Record<string, unknown>;
      /** Taken on the due date of this clock (else on the day of the step before). */
      onDueOf?: string;
      /** So many working days after that due date: a late step. */
      late?: number;
      /** So many calendar days after the step before. */
      after?: number;
      /** A London time of day, given with the date (`at: YYYY-MM-DDTHH:MM`). */
      time?: string;
    }
  /** The named window or automatic step left to run out by itself; the status it leaves. */
  | { expires: string; expect: string };

export interface Lifecycle {
  name: string;
  type: string;
  version: number;
  machineRevision: number;
  input?: Record<string, unknown>;
  steps: LifecycleStep[];
  /** The status at the end. */
  ends: string;
  /** The clocks its late steps miss: its breaches at the end. */
  late?: string[];
}

const rfcGood = { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' };
const schoolGrades = {
  overallEffectiveness: 'good',
  qualityOfEducation: 'good',
  behaviourAndAttitudes: 'good',
  personalDevelopment: 'good',
  leadershipAndManagement: 'good',
  safeguardingEffective: true,
  issParagraph7Met: true,
};

export const LIFECYCLES: Lifecycle[] = [
  {
    name: 'residential family centre full inspection (SCCIF 2024, revision 1)',
    type: 'sccif-rfc-full',
    version: 1,
    machineRevision: 1,
    steps: [
      { role: 'inspector', event: 'INSPECTION_STARTED' },
      { role: 'inspector', event: 'FEEDBACK_GIVEN', fields: { judgements: rfcGood }, onDueOf: 'onSiteLength' },
      { role: 'inspector', event: 'DRAFT_REPORT_SENT', onDueOf: 'draftReport' },
      { expires: 'commentWindow', expect: 'finalising_report' },
      { role: 'manager', event: 'FINAL_REPORT_SENT', onDueOf: 'finalReport' },
      { expires: 'publication', expect: 'published' },
    ],
    ends: 'published',
  },
  {
    name: 'residential family centre full inspection, a late draft (SCCIF 2024, revision 1)',
    type: 'sccif-rfc-full',
    version: 1,
    machineRevision: 1,
    steps: [
      { role: 'inspector', event: 'INSPECTION_STARTED' },
      { role: 'inspector', event: 'FEEDBACK_GIVEN', fields: { judgements: rfcGood }, after: 1 },
      { role: 'inspector', event: 'DRAFT_REPORT_SENT', onDueOf: 'draftReport', late: 2 },
      { role: 'provider', event: 'COMMENTS_SUBMITTED', after: 2 },
      { role: 'manager', event: 'FINAL_REPORT_SENT', after: 3 },
      { expires: 'publication', expect: 'published' },
    ],
    ends: 'published',
    late: ['draftReport'],
  },
  {
    name: 'residential family centre full inspection with the next-day contact (SCCIF 2024, revision 3)',
    type: 'sccif-rfc-full',
    version: 1,
    machineRevision: 3,
    steps: [
      { role: 'inspector', event: 'INSPECTION_STARTED' },
      { role: 'inspector', event: 'FEEDBACK_GIVEN', fields: { judgements: rfcGood }, after: 1 },
      { expires: 'nextDayContact', expect: 'quality_assurance' },
      { role: 'inspector', event: 'DRAFT_REPORT_SENT', after: 4 },
      { role: 'provider', event: 'COMMENTS_SUBMITTED', onDueOf: 'commentWindow' },
      { role: 'manager', event: 'FINAL_REPORT_SENT', after: 2 },
      { expires: 'publication', expect: 'published' },
    ],
    ends: 'published',
  },
  {
    name: "children's centre inspection, notified at a time of day (2013)",
    type: 'childrens-centre',
    version: 1,
    machineRevision: 1,
    steps: [
      { role: 'manager', event: 'CENTRE_NOTIFIED', fields: { notifiedBy: 'ofsted' }, time: '15:30' },
      { role: 'inspector', event: 'LEAD_INSPECTOR_CONTACTED', after: 1, time: '11:00' },
      { expires: 'noticePeriod', expect: 'lead_inspector_contact_made,notice_served' },
      { role: 'inspector', event: 'INSPECTION_STARTED' },
      { role: 'inspector', event: 'FEEDBACK_GIVEN', fields: { judgements: uniformJudgements('good') }, onDueOf: 'onSiteLength' },
      { role: 'inspector', event: 'DRAFT_SENT', after: 3 },
      { role: 'provider', event: 'COMMENTS_SUBMITTED', onDueOf: 'factualAccuracyComments' },
      { role: 'manager', event: 'REPORT_PUBLISHED', onDueOf: 'publication' },
      { role: 'provider', event: 'ACTION_PLAN_RECEIVED', onDueOf: 'actionPlan', late: 3 },
      { expires: 'complaintWindow', expect: 'closed' },
    ],
    ends: 'closed',
    late: ['actionPlan'],
  },
  {
    name: 'independent school standard inspection (January 2024 handbook)',
    type: 'independent-school',
    version: 1,
    machineRevision: 1,
    input: { aligned: true },
    steps: [
      { role: 'inspector', event: 'NOTIFIED', fields: { wellbeingContact: 'chair of the proprietor body' } },
      { role: 'inspector', event: 'INSPECTION_STARTED', after: 1 },
      { role: 'inspector', event: 'FINAL_TEAM_MEETING_HELD', fields: { judgements: schoolGrades }, after: 1 },
      { role: 'inspector', event: 'FEEDBACK_GIVEN' },
      { expires: 'nextDayContact', expect: 'quality_assurance' },
      { role: 'manager', event: 'QA_COMPLETED', after: 2 },
      { role: 'inspector', event: 'DRAFT_REPORT_SENT', onDueOf: 'draftReport' },
      { expires: 'commentWindow', expect: 'finalising_report' },
      { role: 'manager', event: 'FINAL_REPORT_SENT', onDueOf: 'finalReport' },
    ],
    ends: 'awaiting_publication',
  },
  {
    name: 'residential family centre full inspection (2014 framework)',
    type: 'sccif-rfc-full',
    version: 0,
    machineRevision: 1,
    steps: [
      { role: 'inspector', event: 'INSPECTION_STARTED' },
      { role: 'inspector', event: 'FEEDBACK_GIVEN', fields: { judgements: goodJudgements2014 }, after: 2 },
      { role: 'inspector', event: 'DRAFT_REPORT_SENT', onDueOf: 'draftReport' },
      { role: 'provider', event: 'COMMENTS_SUBMITTED', onDueOf: 'commentWindow' },
      { role: 'manager', event: 'REPORT_PUBLISHED', after: 1 },
    ],
    ends: 'published',
  },
];

/** A decision as recorded: who, what, and when it happened (`at`, with a time where the step has one). */
export interface RecordedDecision {
  role: Role;
  event: string;
  fields: Record<string, unknown>;
  at: string;
}

/**
 * Runs a lifecycle from `startOn` with every step recorded on the day it happens: the reference a late entry must
 * match. Returns the decisions as recorded (with their business dates), the last business day and the driver.
 */
export function runOnTheDay(lifecycle: Lifecycle, startOn: string, afterEachStep?: (view: InspectionView) => void) {
  const driver = new PureDriver(getDefinition(lifecycle.type, lifecycle.version, lifecycle.machineRevision), startOn, lifecycle.input ?? {});
  const decisions: RecordedDecision[] = [];
  let day = startOn;
  let view = driver.view(day);
  const dueOf = (clock: string) => {
    const found = view.deadlines.find((d) => d.clock === clock);
    if (!found) throw new Error(`${lifecycle.name}: no ${clock} clock at ${view.status}`);
    return found.due;
  };
  for (const step of lifecycle.steps) {
    if ('expires' in step) {
      day = addCalendarDays(dueOf(step.expires), 1);
      view = driver.advanceTo(day);
      if (view.status !== step.expect) throw new Error(`${lifecycle.name}: ${step.expires} left ${view.status}, not ${step.expect}`);
    } else {
      if (step.onDueOf) day = addWorkingDays(dueOf(step.onDueOf), step.late ?? 0);
      if (step.after) day = addCalendarDays(day, step.after);
      const at = step.time ? `${day}T${step.time}` : day;
      const now = step.time ? londonLocalInstant(day, step.time) + 3_600_000 : middayOn(day); // an hour after it happened
      driver.record.fireDueClocks(now);
      view = driver.record.decide({ event: step.event, at, ...step.fields }, actors[step.role], now);
      decisions.push({ role: step.role, event: step.event, fields: step.fields ?? {}, at });
    }
    afterEachStep?.(view);
  }
  return { driver, decisions, lastDay: day, view };
}
