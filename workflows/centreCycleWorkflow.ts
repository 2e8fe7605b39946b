import { condition, continueAsNew, executeChild, setHandler, uuid4 } from '@temporalio/workflow';
import { londonDateOf, startOfLondonDay } from '../calendar';
import { SYSTEM_ACTOR, type SccifGrade, SCCIF_GRADES } from '../machines/kit';
import { nextFullInspectionWindow } from '../machines/sccif-rfc/cycle';
import { versionInForce } from '../machines/registry';
import {
  type CentreCycleInput,
  type CentreCycleOutcome,
  type CentreCycleState,
  bringForwardUpdate,
  centreCycleStateQuery,
  closeCentreUpdate,
} from './centreMessages';
import { inspectionWorkflow } from './inspectionWorkflow';
import type { StartInspectionInput } from './messages';
import { INSPECTION_TYPE } from './searchAttributes';

const FULL_INSPECTION = 'sccif-rfc-full';

/**
 * One residential family centre's regulatory cycle, for as long as it is registered (DESIGN §3): waits for
 * the next full inspection's window by the seed's rules, starts the inspection as a child workflow, and
 * continues as new after each one, so its history stays small however many years it runs.
 */
export async function centreCycleWorkflow(input: CentreCycleInput): Promise<CentreCycleOutcome> {
  const window = nextFullInspectionWindow(input.registeredOn, input.last);
  let broughtForward: string | null = null;
  let closed: string | null = null;
  let currentInspectionId: string | null = null;

  const state = (): CentreCycleState => ({
    centreId: input.centreId,
    providerId: input.providerId,
    registeredOn: input.registeredOn,
    last: input.last,
    inspectionsCompleted: input.inspectionsCompleted,
    window,
    currentInspectionId,
    broughtForward,
    closed,
  });
  setHandler(centreCycleStateQuery, state);
  setHandler(bringForwardUpdate, ({ reason }) => {
    broughtForward ??= reason;
    return state();
  });
  setHandler(closeCentreUpdate, ({ reason }) => {
    closed ??= reason;
    return state();
  });

  const opensAt = startOfLondonDay(window.opens);
  if (Date.now() < opensAt) await condition(() => broughtForward !== null || closed !== null, opensAt - Date.now());
  if (closed !== null) return { closed, inspectionsCompleted: input.inspectionsCompleted };

  // New inspections take the framework version in force on the day they start (issue 4).
  const definition = versionInForce(FULL_INSPECTION, londonDateOf(Date.now()));
  currentInspectionId = `insp-${uuid4()}`;
  const start: StartInspectionInput = {
    inspectionId: currentInspectionId,
    type: definition.type,
    version: definition.version,
    providerId: input.providerId,
    input: { scheduledFor: window.dueBy },
    createdBy: SYSTEM_ACTOR,
  };
  const outcome = await executeChild(inspectionWorkflow, {
    workflowId: currentInspectionId,
    args: [start],
    ...(input.searchAttributes ? { typedSearchAttributes: [{ key: INSPECTION_TYPE, value: definition.type }] } : {}),
  });
  const graded = outcome.endedOn && isSccifGrade(outcome.grade) ? { endedOn: outcome.endedOn, grade: outcome.grade } : null;
  if (closed !== null) return { closed, inspectionsCompleted: input.inspectionsCompleted + (graded ? 1 : 0) };
  // An inspection that ended without a grade leaves the previous one in force: its window applies again.
  return continueAsNew<typeof centreCycleWorkflow>({
    ...input,
    last: graded ?? input.last,
    inspectionsCompleted: input.inspectionsCompleted + (graded ? 1 : 0),
  });
}

function isSccifGrade(grade: string | null): grade is SccifGrade {
  return grade !== null && (SCCIF_GRADES as readonly string[]).includes(grade);
}
