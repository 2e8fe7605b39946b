import { rfcMonitoringVisit2024 } from '../../machines/sccif-rfc/monitoringVisit';
import { rfcMonitoringVisit2024v2 } from '../../machines/sccif-rfc/monitoringVisitV2';
import { rfcMonitoringVisit2024v3 } from '../../machines/sccif-rfc/monitoringVisitV3';
import { rfcFullInspection2024v2 } from '../../machines/sccif-rfc/fullInspectionV2';
import { versionInForce } from '../../machines/registry';
import { PureDriver, refusal } from '../support/pureDriver';

/** sccif-rfc-monitoring-visit v2: a possible offence found on a monitoring visit (seed 002 §"Finding evidence of possible offences"). */
const DAY = '2027-04-05'; // a Monday
const requiresImprovement = { overallExperiencesAndProgress: 'requires_improvement', helpAndProtection: 'requires_improvement', leadershipAndManagement: 'requires_improvement' };
const allowed = (view: { allowedDecisions: { event: string }[] }) => view.allowedDecisions.map((d) => d.event);

function suspect() {
  const d = new PureDriver(rfcMonitoringVisit2024v2, DAY, { kind: 'specific_concern' });
  d.send('inspector', DAY, 'VISIT_STARTED', { purpose: 'a concern about unregistered provision' });
  d.send('inspector', DAY, 'OFFENCE_SUSPECTED', { advisedBy: 'social_care_compliance_inspector', summary: 'a second, unregistered centre' });
  return d;
}

describe('a possible offence on a monitoring visit', () => {
  it('is taken by every visit started on the 2024 framework (its latest revision); visits running revision 1 have no such rule', () => {
    expect(versionInForce('sccif-rfc-monitoring-visit', '2024-04-05')).toBe(rfcMonitoringVisit2024v3);
    expect(rfcMonitoringVisit2024v3.events.OFFENCE_SUSPECTED).toBe(rfcMonitoringVisit2024v2.events.OFFENCE_SUSPECTED);
    expect(Object.keys(rfcMonitoringVisit2024.events)).not.toContain('OFFENCE_SUSPECTED');
  });

  it('is the same rule as the full inspection has: the same decisions, labels and sources', () => {
    for (const type of ['OFFENCE_SUSPECTED', 'INSPECTION_CONTINUED_AFTER_ADVICE', 'INSPECTION_STOPPED_FOR_OFFENCE']) {
      const visit = rfcMonitoringVisit2024v2.events[type]!;
      const full = rfcFullInspection2024v2.events[type]!;
      expect({ roles: visit.roles, source: visit.source }).toEqual({ roles: full.roles, source: full.source });
    }
    expect(rfcMonitoringVisit2024v2.events.INSPECTION_STOPPED_FOR_OFFENCE!.label).toMatch(/monitoring visit stops/);
  });

  it('holds the visit until advice is taken, then it continues and may still re-grade', () => {
    const d = suspect();
    expect(d.view(DAY).status).toBe('offence_suspected');
    expect(allowed(d.view(DAY))).not.toContain('FEEDBACK_GIVEN');
    expect(d.send('inspector', DAY, 'INSPECTION_CONTINUED_AFTER_ADVICE').status).toBe('on_site');
    const view = d.send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: requiresImprovement });
    expect(view).toMatchObject({ status: 'manager_review', facts: { offence: { decision: 'continue', suspectedOn: DAY }, grade: 'requires_improvement' } });
  });

  it('or stops it: recorded, ungraded, no report clocks', () => {
    const view = suspect().send('manager', DAY, 'INSPECTION_STOPPED_FOR_OFFENCE', { reason: 'police investigation' });
    expect(view).toMatchObject({ status: 'stopped', done: true, grade: null, deadlines: [] });
    expect(view.facts).toMatchObject({ offence: { decision: 'stop', advisedBy: 'social_care_compliance_inspector' }, stoppedOn: DAY });
  });

  it('only on site', () => {
    const d = new PureDriver(rfcMonitoringVisit2024v2, DAY, { kind: 'specific_concern' });
    expect(refusal(() => d.send('inspector', DAY, 'OFFENCE_SUSPECTED', { advisedBy: 'regulatory_inspection_manager', summary: 'x' })).code).toBe('not_allowed_now');
  });
});
