/**
 * SCCIF residential family centres, full inspection v2 (`sccif-rfc-full` v2): every path of v1 (sccifRfcFull.ts), which
 * v2 keeps, and the paths it adds: the situations that change an inspection's course (seed 002) and the requirements
 * and recommendations raised at feedback.
 */
import { eventually } from '../eventually';
import { goodJudgements } from '../inspectionHarness';
import { actors } from '../pureDriver';
import { type Scenario, type TypeHistories, refused } from './scenario';
import { serverDay } from '../serverClock';
import { sccifRfcFull } from './sccifRfcFull';

const concern = {
  concern: 'a child left unsupervised with a visitor',
  personInChargeTold: true,
  allegationAgainstStaff: false,
  referredTo: ['local_authority_childrens_services'],
  placingAuthorityDcs: 'told',
};

const situations: Scenario[] = [
  {
    path: 'no-families-postponed',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.inspector, 'NO_FAMILIES_FOUND', { dueToAcceptFamily: true, familiesSinceLastInspection: false });
      await refused(i.send(actors.inspector, 'PAST_PLACEMENTS_INSPECTED'));
      await i.send(actors.inspector, 'INSPECTION_POSTPONED', { newDate: '2031-01-06', reason: 'a family arrives next month' });
      await env.sleep('30 days');
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      return i;
    },
  },
  {
    path: 'no-families-closed-centre',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.inspector, 'NO_FAMILIES_FOUND', { dueToAcceptFamily: false, familiesSinceLastInspection: false });
      await i.send(actors.inspector, 'CLOSED_CENTRE_INSPECTED', { closedFor: '5 months', notOperationalFor: '6 months' });
      await env.sleep('1 day');
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
      return i;
    },
  },
  {
    path: 'no-families-past-placements',
    async run({ start }) {
      const i = await start();
      await i.send(actors.inspector, 'NO_FAMILIES_FOUND', { dueToAcceptFamily: false, familiesSinceLastInspection: true, lastFamilyLeftOn: '2020-01-06' });
      await i.send(actors.inspector, 'PAST_PLACEMENTS_INSPECTED');
      return i;
    },
  },
  {
    path: 'manager-vacant',
    async run({ start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await i.send(actors.inspector, 'MANAGER_POSITION_RECORDED', { managerPosition: { position: 'vacant', vacantSince: '2020-01-06', recruitmentEvidence: 'none_or_limited' } });
      await refused(i.send(actors.inspector, 'FIELDWORK_COMPLETED'));
      await i.send(actors.inspector, 'RESPONSIBLE_INDIVIDUAL_CHECKED', { interviewed: true, fitnessSteps: 'satisfactory' });
      await i.send(actors.inspector, 'FIELDWORK_COMPLETED');
      await refused(i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements }));
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', {
        judgements: { ...goodJudgements, overallExperiencesAndProgress: 'requires_improvement', leadershipAndManagement: 'requires_improvement' },
        departureReasons: { leadershipAndManagement: 'an interim manager with a start date for a permanent one' },
      });
      return i;
    },
  },
  {
    path: 'safeguarding-concern',
    async run({ start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await refused(i.send(actors.inspector, 'SAFEGUARDING_CONCERN_RECORDED', { ...concern, personInChargeTold: false }));
      await i.send(actors.inspector, 'SAFEGUARDING_CONCERN_RECORDED', concern);
      await i.send(actors.manager, 'SAFEGUARDING_FOLLOW_UP_RECORDED', { localAuthorityAction: 'strategy discussion held' });
      return i;
    },
  },
  {
    path: 'offence-continued',
    async run({ start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await i.send(actors.inspector, 'OFFENCE_SUSPECTED', { advisedBy: 'regulatory_inspection_manager', summary: 'records falsified' });
      await i.send(actors.inspector, 'INSPECTION_CONTINUED_AFTER_ADVICE');
      return i;
    },
  },
  {
    path: 'offence-stopped',
    async run({ start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await i.send(actors.inspector, 'OFFENCE_SUSPECTED', { advisedBy: 'social_care_compliance_inspector', summary: 'unregistered provision' });
      await i.send(actors.manager, 'INSPECTION_STOPPED_FOR_OFFENCE', { reason: 'police investigation under way' });
      return i;
    },
  },
  {
    path: 'requirements-raised',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await env.sleep('1 day');
      const on = await serverDay(env); // due the day it is told: before the report
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', {
        judgements: goodJudgements,
        requirements: [
          { requirementId: 'R1', regulation: 'Regulation 12', dueDate: on },
          { requirementId: 'R2', regulation: 'Regulation 16', dueDate: '2040-01-02' },
        ],
        recommendations: [{ recommendationId: 'N1', standard: 'NMS 5' }],
      });
      // The history is complete once the last of the three items has started and the parent has recorded it.
      await eventually(async () => ((await env.client.workflow.getHandle(`${i.inspectionId}-recommendation-1`).describe()) ? true : undefined));
      await eventually(async () => {
        const { events } = await i.handle.fetchHistory();
        return (events ?? []).filter((e) => e.childWorkflowExecutionStartedEventAttributes).length === 3 ? true : undefined;
      });
      return i;
    },
  },
];

export const sccifRfcFullV2: TypeHistories = {
  required: sccifRfcFull.required,
  scenarios: [...sccifRfcFull.scenarios, ...situations],
};
