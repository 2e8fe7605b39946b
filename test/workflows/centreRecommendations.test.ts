import { addCalendarMonths } from '../../calendar';
import { CENTRE_CYCLE_WORKFLOW, type CentreCycleInput, type CentreCycleState, centreCycleStateQuery } from '../../workflows/centreMessages';
import { inspectionStateQuery, recordDecisionUpdate } from '../../workflows/messages';
import { eventually } from '../support/eventually';
import { goodJudgements, useTimeSkippingWorker } from '../support/inspectionHarness';
import { PROVIDER_ID, actors } from '../support/pureDriver';
import { serverDay, skipPastClock, skipToDay } from '../support/serverClock';

/**
 * Recommendations are "checked at the next inspection and possibly turned into requirements" (seed 002
 * §"Recommendations"): the centre cycle passes those made at one full inspection to the next, which shows them, and the
 * inspector checks each on its own workflow. On the time-skipping server; both inspections run the 2024 framework at
 * its latest machine revision.
 */
const servers = useTimeSkippingWorker();
const requiresImprovement = { ...goodJudgements, overallExperiencesAndProgress: 'requires_improvement' };

function child(id: string) {
  const handle = servers.env.client.workflow.getHandle(id);
  return {
    send: (role: keyof typeof actors, event: string, fields: Record<string, unknown> = {}) =>
      handle.executeUpdate(recordDecisionUpdate, { args: [{ decision: { event, ...fields }, actor: actors[role] }] }),
    view: () => handle.query(inspectionStateQuery),
  };
}

it('passes the recommendations of one full inspection to the next, where they are checked and one becomes a requirement', async () => {
  const centreId = `centre-${Math.random().toString(16).slice(2)}`;
  const registeredOn = await serverDay(servers.env); // the first inspection is due from registration
  const input: CentreCycleInput = { centreId, providerId: PROVIDER_ID, registeredOn, last: null, inspectionsCompleted: 0, searchAttributes: true };
  await servers.env.client.workflow.start(CENTRE_CYCLE_WORKFLOW, { workflowId: centreId, taskQueue: servers.worker.taskQueue, args: [input] });
  const centre = servers.env.client.workflow.getHandle(centreId);
  const state = (ready: (s: CentreCycleState) => boolean) => eventually(async () => {
    const s = await centre.query(centreCycleStateQuery);
    return ready(s) ? s : undefined;
  });

  // The first inspection: requires improvement, with two recommendations, each tracked on its own workflow.
  const firstId = (await state((s) => s.current?.kind === 'full_inspection')).current!.inspectionId;
  const first = child(firstId);
  expect(await first.view()).toMatchObject({ type: 'sccif-rfc-full', version: 1, machineRevision: 3 });
  await first.send('inspector', 'INSPECTION_STARTED');
  const recommendations = [
    { recommendationId: 'N1', standard: 'NMS 5: records of each family' },
    { recommendationId: 'N2', standard: 'NMS 12: staff supervision' },
  ];
  const feedback = await first.send('inspector', 'FEEDBACK_GIVEN', { judgements: requiresImprovement, recommendations });
  const endedOn = feedback.facts.feedbackDate as string;
  await skipPastClock(servers.env, feedback, 'nextDayContact'); // the working day after: the informal concern window closes
  await first.send('inspector', 'DRAFT_REPORT_SENT');
  await first.send('provider', 'COMMENTS_SUBMITTED');
  await skipPastClock(servers.env, await first.send('manager', 'FINAL_REPORT_SENT'), 'publication');

  // The cycle continues as new, holding them for the re-inspection 12 to 18 months later.
  const toCheck = recommendations.map((r, n) => ({ ...r, madeOn: endedOn, trackedAs: `${firstId}-recommendation-${n + 1}` }));
  const waiting = await state((s) => s.inspectionsCompleted === 1);
  expect(waiting).toMatchObject({ window: { opens: addCalendarMonths(endedOn, 12) }, recommendationsToCheck: toCheck });

  // The re-inspection is given them.
  await skipToDay(servers.env, waiting.window.opens);
  const secondId = (await state((s) => s.current?.kind === 'full_inspection')).current!.inspectionId;
  const second = child(secondId);
  const started = await second.view();
  expect(started).toMatchObject({ type: 'sccif-rfc-full', version: 1, machineRevision: 3 });
  expect(started.facts.previousRecommendations).toEqual(toCheck);

  // Graded with none made this time, the next inspection has none to check.
  await second.send('inspector', 'INSPECTION_STARTED');
  const feedback2 = await second.send('inspector', 'FEEDBACK_GIVEN', { judgements: goodJudgements });
  await skipPastClock(servers.env, feedback2, 'nextDayContact'); // the working day after: the informal concern window closes
  await second.send('inspector', 'DRAFT_REPORT_SENT');
  await second.send('provider', 'COMMENTS_SUBMITTED');
  await skipPastClock(servers.env, await second.send('manager', 'FINAL_REPORT_SENT'), 'publication');
  const after = await state((s) => s.inspectionsCompleted === 2);
  expect(after.recommendationsToCheck).toBeUndefined();

  // The inspector checks each where it is tracked: one met, one not acted on and turned into a requirement. Recorded last:
  // the time-skipping server stops skipping once an abandoned child has completed (temporalio/sdk-typescript#1101).
  expect((await child(toCheck[0]!.trackedAs).send('inspector', 'RECOMMENDATION_CHECKED', { outcome: 'met' })).status).toBe('met');
  const dueDate = addCalendarMonths(await serverDay(servers.env), 2);
  const turned = await child(toCheck[1]!.trackedAs).send('inspector', 'RECOMMENDATION_CHECKED', { outcome: 'turned_into_requirement', requirementDueDate: dueDate, regulation: 'Regulation 13' });
  expect(turned.status).toBe('turned_into_requirement');
  const requirement = await eventually(() => child(`${toCheck[1]!.trackedAs}-requirement`).view().catch(() => undefined));
  expect(requirement).toMatchObject({ type: 'sccif-rfc-requirement', facts: { requirementId: 'N2 (requirement)', regulation: 'Regulation 13', dueDate } });
});
