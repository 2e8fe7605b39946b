/**
 * SCCIF residential family centres, monitoring visit v2 (`sccif-rfc-monitoring-visit` v2): every path of v1
 * (sccifRfcMonitoringVisit.ts), which v2 keeps, and a possible offence found on the visit, continued or stopped.
 */
import { actors } from '../pureDriver';
import { type Scenario, type TypeHistories, refused } from './scenario';
import { sccifRfcMonitoringVisit } from './sccifRfcMonitoringVisit';

const visitFor = { kind: 'specific_concern', announced: false };

const offence: Scenario[] = [
  {
    path: 'offence-continued',
    async run({ start }) {
      const i = await start(visitFor);
      await i.send(actors.inspector, 'VISIT_STARTED', { purpose: 'a concern about unregistered provision' });
      await i.send(actors.inspector, 'OFFENCE_SUSPECTED', { advisedBy: 'regulatory_inspection_manager', summary: 'families placed at a second address' });
      await refused(i.send(actors.inspector, 'FEEDBACK_GIVEN', {})); // advice first
      await i.send(actors.inspector, 'INSPECTION_CONTINUED_AFTER_ADVICE');
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', {});
      return i;
    },
  },
  {
    path: 'offence-stopped',
    async run({ start }) {
      const i = await start(visitFor);
      await i.send(actors.inspector, 'VISIT_STARTED', { purpose: 'a concern about unregistered provision' });
      await i.send(actors.inspector, 'OFFENCE_SUSPECTED', { advisedBy: 'social_care_compliance_inspector', summary: 'centre run without registration' });
      await i.send(actors.manager, 'INSPECTION_STOPPED_FOR_OFFENCE', { reason: 'police investigation under way' });
      await i.handle.result(); // ends, ungraded
      return i;
    },
  },
];

export const sccifRfcMonitoringVisitV2: TypeHistories = {
  required: [...sccifRfcMonitoringVisit.required, ...offence.map((s) => s.path)],
  scenarios: [...sccifRfcMonitoringVisit.scenarios, ...offence],
};
