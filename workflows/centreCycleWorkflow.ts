import { ApplicationFailure, ParentClosePolicy, condition, continueAsNew, executeChild, patched, setHandler, startChild, uuid4 } from '@temporalio/workflow';
import type { InspectionTypeDefinition, SccifGrade } from '../machines/kit';
import { SYSTEM_ACTOR } from '../machines/kit/roles';
import type { CaseReviewDecision } from '../machines/sccif-rfc/caseReview';
import type { InspectionWindow } from '../machines/sccif-rfc/cycle';
import {
  type CentreCycleInput,
  type CentreCycleOutcome,
  type CentreCycleState,
  bringForwardUpdate,
  centreCycleStateQuery,
  changeCentreCalendarUpdate,
  closeCentreUpdate,
  recordManagerChangeUpdate,
} from './centreMessages';
import { inspectionWorkflow } from './inspectionWorkflow';
import { machineForNewInspection, machineOf } from './machineChoice';
import { type InspectionOutcome, REFUSAL_FAILURE_PREFIX, type StartInspectionInput } from './messages';
import { pureModules } from './pureRuntime';
import { INSPECTION_TYPE } from './searchAttributes';

const {
  londonDateOf,
  startOfLondonDay,
  SCCIF_GRADES,
  nextWindow,
  broughtForwardWindow,
  combineFollowUps,
  assessManagerChange,
  managerChange,
  positionAfter,
  recommendationsToCheckNext,
  boundaryProblem,
  SHIPPED_CALENDAR,
  extendsCalendar,
  sameCalendar,
  holidayCalendarOf,
} = pureModules();

/** docs/CHANGING_MACHINES.md: histories recorded before the cycle passed recommendations on take the old path. */
const RECOMMENDATIONS_PATCH = 'centre-recommendations-to-next-inspection';
/** Likewise for histories recorded before bringing an inspection forward moved its window and scheduled date. */
const BRING_FORWARD_PATCH = 'centre-bring-forward-moves-the-date';

/**
 * One residential family centre's regulatory cycle, for as long as it is registered (docs/ARCHITECTURE.md §3). Each run:
 * waits for the next full inspection's window by the seed's rules (monitoring visits at the frequency a case
 * review set, meanwhile), runs the inspection as a child workflow; after an inadequate grade, runs the case
 * review, serves its compliance notices and makes the combined follow-up visits; then continues as new, so its
 * history stays small however many years it runs. People act on each child through the API.
 */
export async function centreCycleWorkflow(input: CentreCycleInput): Promise<CentreCycleOutcome> {
  let window = nextWindow(input.registeredOn, input.last, input.caseReview?.nextInspectionBy);
  let broughtForward: string | null = null;
  let closed: string | null = null;
  let current: CentreCycleState['current'] = null;
  let regrade = input.regrade ?? null;
  let manager = input.manager ?? null;
  const managerChanges: NonNullable<CentreCycleState['managerChanges']> = [];
  const notices: CentreCycleState['notices'] = [];
  const followUps: CentreCycleState['followUps'] = [];
  let calendar = input.calendar ?? SHIPPED_CALENDAR;

  const state = (): CentreCycleState => ({
    centreId: input.centreId,
    providerId: input.providerId,
    registeredOn: input.registeredOn,
    last: input.last,
    inspectionsCompleted: input.inspectionsCompleted,
    window,
    currentGrade: regrade?.grade ?? input.last?.grade ?? null,
    caseReview: input.caseReview ?? null,
    currentInspectionId: current?.inspectionId ?? null,
    current,
    notices,
    followUps,
    broughtForward,
    closed,
    manager,
    managerChanges,
    ...(input.recommendationsToCheck ? { recommendationsToCheck: input.recommendationsToCheck } : {}),
    calendar: calendar.version,
  });
  setHandler(centreCycleStateQuery, state);
  const underWay = () => current?.kind === 'full_inspection';
  /** Inspect sooner: the window opens today and is due by `by` (default today); the first reason given stands. */
  const bringForward = (reason: string, by?: string) => {
    if (broughtForward !== null || underWay()) return;
    broughtForward = reason;
    if (patched(BRING_FORWARD_PATCH)) window = broughtForwardWindow(window, londonDateOf(Date.now()), reason, by);
  };
  setHandler(
    bringForwardUpdate,
    ({ reason, by }) => {
      bringForward(reason, by);
      return state();
    },
    {
      // Never patched() here: validators do not run on replay, so a marker recorded from one could not be matched.
      validator: ({ by }) => {
        const today = londonDateOf(Date.now());
        if (underWay()) throw refusal('not_allowed_now', `the full inspection is already under way (${current!.inspectionId})`);
        if (broughtForward !== null) throw refusal('not_allowed_now', `already brought forward: ${broughtForward}`);
        if (by !== undefined && (by < today || by > window.dueBy)) throw refusal('invalid_date', `by ${by} is not between today (${today}) and the day it is due by now (${window.dueBy})`);
      },
    },
  );
  // A later calendar version (calendar/holidayCalendar.ts): the inspections it starts from now count with it. Its own
  // windows are in calendar months and days; an inspection under way is moved by the same publication, on its own.
  setHandler(
    changeCentreCalendarUpdate,
    ({ calendar: later }) => {
      calendar = later;
      return state();
    },
    {
      validator: ({ calendar: later, actor }) => {
        if (actor.role !== 'manager') throw refusal('forbidden', `a calendar change is published by a manager, not by ${actor.role}`);
        if (sameCalendar(later, calendar)) throw refusal('conflicts_with_record', `it already counts working days with calendar ${calendar.version}`);
        if (!extendsCalendar(later, calendar)) throw refusal('conflicts_with_record', `calendar ${later.version} does not follow ${calendar.version}, the one it counts with`);
        try {
          holidayCalendarOf(later);
        } catch (error) {
          throw refusal('invalid_date', (error as Error).message);
        }
      },
    },
  );
  setHandler(closeCentreUpdate, ({ reason }) => {
    closed ??= reason;
    return state();
  });
  // seed 002 §"Residential family centres with no registered manager": each change is judged against the 28-day rule;
  // a late notice or unsatisfactory interim arrangements bring the inspection forward (machines/sccif-rfc/managerChange.ts).
  if (patched('centre-manager-changes')) {
    setHandler(
      recordManagerChangeUpdate,
      (change) => {
        const assessed = assessManagerChange(change);
        managerChanges.push(assessed);
        manager = positionAfter(manager, change);
        if (assessed.bringsForward) bringForward(assessed.bringsForward);
        return state();
      },
      {
        validator: (change) => {
          const today = londonDateOf(Date.now());
          const problem = boundaryProblem(change);
          if (problem) throw refusal(problem.kind === 'date' ? 'invalid_date' : 'invalid_payload', `invalid manager change: ${problem.path}: ${problem.message}`);
          const parsed = managerChange.parse(change);
          if ('notifiedOn' in parsed && parsed.notifiedOn > today) throw new Error(`notifiedOn ${parsed.notifiedOn} is in the future (today is ${today})`);
        },
      },
    );
  }

  /** Runs one child to its end: a full inspection, a case review or a monitoring visit. */
  async function run(
    kind: NonNullable<CentreCycleState['current']>['kind'],
    type: string,
    machineInput: Record<string, unknown>,
    scheduledBy?: InspectionWindow,
  ): Promise<InspectionOutcome & { inspectionId: string }> {
    const definition = machineForNewInspection(type);
    const inspectionId = `insp-${uuid4()}`;
    current = { kind, inspectionId };
    const args = {
      ...startOf(definition, inspectionId, { ...machineInput, ...managerInputFor(definition), ...recommendationsInputFor(definition) }),
      ...(scheduledBy ? { scheduledBy } : {}),
    };
    const outcome = await executeChild(inspectionWorkflow, { workflowId: inspectionId, args: [args], ...searchAttributes(definition.type) });
    current = null;
    return { ...outcome, inspectionId };
  }

  /** What the inspection is told of the manager's post, where its version takes it (sccif-rfc-full v2 on). */
  function managerInputFor(definition: InspectionTypeDefinition): Record<string, unknown> {
    if (manager === null || !('managerPosition' in definition.inputSchema.shape)) return {};
    return patched('centre-manager-position-to-inspection') ? { managerPosition: manager } : {};
  }

  /** The previous inspection's recommendations, where the inspection's version takes them (sccif-rfc-full v3 on). */
  function recommendationsInputFor(definition: InspectionTypeDefinition): Record<string, unknown> {
    const toCheck = input.recommendationsToCheck ?? [];
    if (toCheck.length === 0 || !('previousRecommendations' in definition.inputSchema.shape)) return {};
    return patched(RECOMMENDATIONS_PATCH) ? { previousRecommendations: toCheck } : {};
  }

  function startOf(definition: InspectionTypeDefinition, inspectionId: string, machineInput: Record<string, unknown>): StartInspectionInput {
    const engineRevision = pureModules().CURRENT_ENGINE_REVISION;
    return {
      inspectionId,
      ...machineOf(definition),
      providerId: input.providerId,
      input: machineInput,
      createdBy: SYSTEM_ACTOR,
      engineRevision,
      ...(calendar.changes.length > 0 ? { calendar } : {}),
    };
  }

  function searchAttributes(type: string) {
    return input.searchAttributes ? { typedSearchAttributes: [{ key: INSPECTION_TYPE, value: type }] } : {};
  }

  const noteRegrade = (outcome: InspectionOutcome) => {
    if (isSccifGrade(outcome.grade) && outcome.endedOn) regrade = { grade: outcome.grade, on: outcome.endedOn };
  };

  // Waiting for the window, with the monitoring visits a case review decided, every so many weeks.
  const opensAt = startOfLondonDay(window.opens);
  const everyMs = input.caseReview?.monitoringVisits ? input.caseReview.monitoringVisits.everyWeeks * 7 * 86_400_000 : undefined;
  let nextVisitAt = everyMs === undefined ? undefined : Date.now() + everyMs;
  while (Date.now() < opensAt && broughtForward === null && closed === null) {
    const wakeAt = Math.min(opensAt, nextVisitAt ?? Infinity);
    await condition(() => broughtForward !== null || closed !== null, wakeAt - Date.now());
    if (nextVisitAt !== undefined && Date.now() >= nextVisitAt && Date.now() < opensAt && broughtForward === null && closed === null) {
      noteRegrade(await run('monitoring_visit', 'sccif-rfc-monitoring-visit', { kind: 'progress_after_inadequate', announced: input.caseReview!.monitoringVisits!.announced }));
      nextVisitAt = Date.now() + everyMs!;
    }
  }
  if (closed !== null) return { closed, inspectionsCompleted: input.inspectionsCompleted };

  const outcome = await run('full_inspection', 'sccif-rfc-full', { scheduledFor: window.dueBy }, window);
  const graded = outcome.endedOn && isSccifGrade(outcome.grade) ? { endedOn: outcome.endedOn, grade: outcome.grade } : null;
  const inspectionsCompleted = input.inspectionsCompleted + (graded ? 1 : 0);
  let caseReview: CentreCycleInput['caseReview'] = null;
  regrade = null;
  // seed 002 §"Recommendations": checked at the next inspection. A graded inspection leaves its own for the next one
  // (those before it were checked there); one that ended ungraded leaves the earlier ones still to check.
  const recommendationsToCheck = graded && patched(RECOMMENDATIONS_PATCH) ? recommendationsToCheckNext(outcome.inspectionId, outcome.facts) : (input.recommendationsToCheck ?? []);

  // seed 002 §"Inadequate judgements: next steps": an overall inadequate grade starts the inadequate track.
  if (graded?.grade === 'inadequate' && closed === null) {
    const review = await run('case_review', 'sccif-rfc-case-review', { inspectionEndedOn: graded.endedOn });
    const decision = (review.facts?.decision ?? null) as CaseReviewDecision | null;
    if (decision) {
      caseReview = { nextInspectionBy: decision.nextInspectionBy, monitoringVisits: decision.monitoringVisits };
      for (const notice of decision.complianceNotices) {
        const noticeInput = { noticeId: notice.noticeId, requirement: notice.requirement, complianceDate: notice.complianceDate };
        const definition = machineForNewInspection('sccif-rfc-compliance-notice');
        const inspectionId = `insp-${uuid4()}`;
        // A notice runs on its own (it may outlive this run of the cycle): started, not awaited.
        await startChild(inspectionWorkflow, {
          workflowId: inspectionId,
          args: [startOf(definition, inspectionId, noticeInput)],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          ...searchAttributes(definition.type),
        });
        notices.push({ noticeId: notice.noticeId, inspectionId, complianceDate: notice.complianceDate });
      }
      // seed 002 §"Monitoring compliance notices": one visit within 5 working days of each compliance date,
      // combined where no notice's date is exceeded by more than 5 working days.
      followUps.push(...combineFollowUps(decision.complianceNotices).map((group) => ({ ...group, visitId: null })));
      for (const followUp of followUps) {
        const from = startOfLondonDay(followUp.visitWindow.from);
        if (Date.now() < from) await condition(() => closed !== null, from - Date.now());
        if (closed !== null) break;
        const visit = run('monitoring_visit', 'sccif-rfc-monitoring-visit', { kind: 'compliance_or_enforcement', announced: false });
        followUp.visitId = current!.inspectionId;
        noteRegrade(await visit);
      }
    }
  }
  if (closed !== null) return { closed, inspectionsCompleted };
  // An inspection that ended without a grade leaves the previous one in force: its window applies again.
  return continueAsNew<typeof centreCycleWorkflow>({
    ...input,
    last: graded ?? input.last,
    inspectionsCompleted,
    caseReview,
    regrade,
    ...(manager ? { manager } : {}),
    ...(calendar.changes.length > 0 ? { calendar } : {}),
    // Left out where there were none before and none now, so a run recorded before the patch continues as it did.
    ...(recommendationsToCheck.length > 0 || input.recommendationsToCheck ? { recommendationsToCheck: recommendationsToCheck.length > 0 ? recommendationsToCheck : null } : {}),
  });
}

/** A refusal the API answers with its status (400 invalid_date or invalid_payload, 409 not_allowed_now), as the inspection workflow's are. */
function refusal(code: 'invalid_date' | 'invalid_payload' | 'not_allowed_now' | 'forbidden' | 'conflicts_with_record', message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: REFUSAL_FAILURE_PREFIX + code, message, details: [{ code, message }], nonRetryable: true });
}

function isSccifGrade(grade: string | null): grade is SccifGrade {
  return grade !== null && (SCCIF_GRADES as readonly string[]).includes(grade);
}
