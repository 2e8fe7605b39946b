import { addCalendarDays, isBankHoliday, isoWeekday } from '../../calendar';
import type { InspectionView } from '../../engine';
import type { Role } from '../../machines/kit';
import { uniformJudgements } from '../../machines/childrens-centre/judgements';
import { getDefinition } from '../../machines/registry';
import { PureDriver } from '../support/pureDriver';

/**
 * The lifecycles the workflow tests run, driven through the engine as if begun on dates a time-skipping server cannot
 * reach (its clock only moves forward; `npm run test:dates` covers the dates ahead): the one-off bank holidays of
 * 2020, 2022 and 2023, a Christmas whose holidays fall at a weekend, Easter and a leap day. Each step is taken on the
 * last day its clock allows and each window left to close by itself, so a due date one working day too early shows
 * as a breach and one too late as a window that never closes. Every working-day due date is also counted afresh, one
 * day at a time.
 */
const AWKWARD_STARTS = [
  ['2020-05-06', 'two days before the early May bank holiday moved to Friday 8 May 2020 (VE day)'],
  ['2022-05-31', 'before the spring bank holiday moved to Thursday 2 June 2022 and the Platinum Jubilee on Friday 3 June'],
  ['2022-09-15', 'before the state funeral of Queen Elizabeth II, Monday 19 September 2022'],
  ['2023-05-04', 'before the coronation of King Charles III, Monday 8 May 2023'],
  ['2022-12-21', 'before a Christmas on a Sunday, with substitute days on 26 and 27 December 2022'],
  ['2024-03-27', 'before Good Friday 29 March 2024'],
  ['2024-02-27', 'two days before the leap day 29 February 2024'],
] as const;

type Step =
  /** A decision taken on the same day as the step before. */
  | { role: Role; event: string; fields?: Record<string, unknown> }
  /** A decision taken on the last day the named clock allows. */
  | { role: Role; event: string; fields?: Record<string, unknown>; onDueOf: string }
  /** The named window or automatic step left to run out by itself. */
  | { expires: string; expect: string };

interface Lifecycle {
  type: string;
  version: number;
  input?: Record<string, unknown>;
  steps: Step[];
  /** The status at the end. */
  ends: string;
}

const rfcGood = { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' };
const centreGood = uniformJudgements('good');
const schoolGrades = {
  overallEffectiveness: 'good',
  qualityOfEducation: 'good',
  behaviourAndAttitudes: 'good',
  personalDevelopment: 'good',
  leadershipAndManagement: 'good',
  safeguardingEffective: true,
  issParagraph7Met: true,
};

const LIFECYCLES: Lifecycle[] = [
  {
    type: 'sccif-rfc-full',
    version: 1,
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
    type: 'childrens-centre',
    version: 1,
    steps: [
      { role: 'manager', event: 'CENTRE_NOTIFIED', fields: { notifiedBy: 'ofsted' } },
      { role: 'inspector', event: 'LEAD_INSPECTOR_CONTACTED' },
      { expires: 'noticePeriod', expect: 'lead_inspector_contact_made,notice_served' },
      { role: 'inspector', event: 'INSPECTION_STARTED' },
      { role: 'inspector', event: 'FEEDBACK_GIVEN', fields: { judgements: centreGood }, onDueOf: 'onSiteLength' },
      { role: 'inspector', event: 'DRAFT_SENT' },
      { role: 'provider', event: 'COMMENTS_SUBMITTED' },
      { role: 'manager', event: 'REPORT_PUBLISHED', onDueOf: 'publication' },
      { role: 'provider', event: 'ACTION_PLAN_RECEIVED', onDueOf: 'actionPlan' },
      { expires: 'complaintWindow', expect: 'closed' },
    ],
    ends: 'closed',
  },
  {
    type: 'independent-school',
    version: 1,
    input: { aligned: true },
    steps: [
      { role: 'inspector', event: 'NOTIFIED', fields: { wellbeingContact: 'chair of the proprietor body' } },
      { role: 'inspector', event: 'INSPECTION_STARTED' },
      { role: 'inspector', event: 'FINAL_TEAM_MEETING_HELD', fields: { judgements: schoolGrades } },
      { role: 'inspector', event: 'FEEDBACK_GIVEN' },
      { expires: 'nextDayContact', expect: 'quality_assurance' },
      { role: 'manager', event: 'QA_COMPLETED' },
      { role: 'inspector', event: 'DRAFT_REPORT_SENT', onDueOf: 'draftReport' },
      { expires: 'commentWindow', expect: 'finalising_report' },
      { role: 'manager', event: 'FINAL_REPORT_SENT', onDueOf: 'finalReport' },
    ],
    ends: 'awaiting_publication',
  },
];

/** The working day `n` working days after `anchor`, counted one day at a time. */
function countWorkingDays(anchor: string, n: number): string {
  let day = anchor;
  for (let left = n; left > 0; ) {
    day = addCalendarDays(day, 1);
    if (isoWeekday(day) <= 5 && !isBankHoliday(day)) left--;
  }
  return day;
}

function checkWorkingDayDeadlines(lifecycle: Lifecycle, view: InspectionView) {
  const definition = getDefinition(lifecycle.type, lifecycle.version);
  for (const deadline of view.deadlines) {
    const spec = definition.clocks.find((c) => c.id === deadline.clock)!;
    if (spec.unit !== 'workingDays' || spec.extendedBy?.some((f) => Number(view.facts[f] ?? 0) > 0)) continue;
    expect([deadline.clock, deadline.due]).toEqual([deadline.clock, countWorkingDays(view.facts[spec.anchor] as string, spec.length)]);
  }
}

function run(lifecycle: Lifecycle, startOn: string): InspectionView {
  const driver = new PureDriver(getDefinition(lifecycle.type, lifecycle.version), startOn, lifecycle.input ?? {});
  let day = startOn;
  let view = driver.view(day);
  for (const step of lifecycle.steps) {
    if ('expires' in step) {
      const clock = view.deadlines.find((d) => d.clock === step.expires);
      if (!clock) throw new Error(`${lifecycle.type}: no ${step.expires} clock at ${view.status}`);
      day = addCalendarDays(clock.due, 1);
      view = driver.advanceTo(day);
      expect([step.expires, view.status]).toEqual([step.expires, step.expect]);
    } else {
      if ('onDueOf' in step) {
        const clock = view.deadlines.find((d) => d.clock === step.onDueOf);
        if (!clock) throw new Error(`${lifecycle.type}: no ${step.onDueOf} clock at ${view.status}`);
        day = clock.due;
      }
      view = driver.send(step.role, day, step.event, step.fields);
    }
    checkWorkingDayDeadlines(lifecycle, view);
  }
  return view;
}

describe.each(AWKWARD_STARTS)('begun on %s (%s)', (startOn) => {
  it.each(LIFECYCLES.map((l) => [`${l.type} v${l.version}`, l] as const))('%s: every step on its last day is on time, every window closes on its day', (_name, lifecycle) => {
    const end = run(lifecycle, startOn);
    expect(end.breaches).toEqual([]);
    expect(end.status).toBe(lifecycle.ends);
  });
});
