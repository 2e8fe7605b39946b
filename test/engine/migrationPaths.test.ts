import { addWorkingDays } from '../../calendar';
import type { InspectionTypeDefinition } from '../../machines/kit';
import { INSPECTION_TYPES, getDefinition } from '../../machines/registry';
import { goodJudgements } from '../support/inspectionHarness';
import { PureDriver, actors, middayOn } from '../support/pureDriver';

/**
 * Every declared migration path, pure: an inspection just started on an earlier revision moves with its stage kept
 * (the identity where the states match); and for the revisions that add clocks to a running stage, the deadlines that
 * move, old due → new due.
 */
const D = '2026-11-23'; // a Monday
const PATHS = INSPECTION_TYPES.flatMap((target) =>
  (target.migratesFrom?.revisions ?? []).map((from) => [`${target.type} v${target.version} r${from} → r${target.machineRevision}`, getDefinition(target.type, target.version, from), target] as const),
);

/** A start input each type takes (the ones that need one). */
const INPUT: Record<string, Record<string, unknown>> = {
  'sccif-rfc-monitoring-visit': { kind: 'specific_concern' },
  'sccif-rfc-recommendation': { recommendationId: 'REC-1', standard: 'NMS 5' },
};

describe.each(PATHS)('%s', (_name, from: InspectionTypeDefinition, to: InspectionTypeDefinition) => {
  it('moves a just-started inspection, its stage kept and no deadline moved', () => {
    const d = new PureDriver(from, D, INPUT[from.type] ?? {});
    const check = d.record.previewMigration(to, actors.manager, middayOn(D));
    expect(check).toMatchObject({ ok: true, preview: { stage: { before: d.view(D).stage, after: d.view(D).stage }, deadlines: [] } });
    expect(d.record.migrate(to, 'a later revision of the same framework', actors.manager, middayOn(D)).machineRevision).toBe(to.machineRevision);
  });
});

describe('deadlines that move for a running inspection', () => {
  it('fes-inspection r2 → r3: a short inspection already notified gains its notice clock', () => {
    const d = new PureDriver(getDefinition('fes-inspection', 1, 2), D, { kind: 'short' });
    d.send('inspector', D, 'NOTIFIED', { wellbeingContact: 'principal', nominee: 'Vice principal' });
    const check = d.record.previewMigration(getDefinition('fes-inspection', 1, 3), actors.manager, middayOn(D));
    expect(check).toMatchObject({ ok: true, preview: { deadlines: [{ clock: 'shortNotice', before: null, after: addWorkingDays(D, 2) }] } });
  });

  it('online-provider-visit r2 → r3: a notified accreditation visit gains its notice clock', () => {
    const d = new PureDriver(getDefinition('online-provider-visit', 1, 2), D, { kind: 'accreditation' });
    d.send('inspector', D, 'NOTIFIED', { wellbeingContact: 'deputy head' });
    const check = d.record.previewMigration(getDefinition('online-provider-visit', 1, 3), actors.manager, middayOn(D));
    expect(check).toMatchObject({ ok: true, preview: { deadlines: [{ clock: 'visitNotice', before: null, after: addWorkingDays(D, 1) }] } });
  });

  it('sccif-rfc-full v0 r1 → r2: an inadequate centre at quality assurance moves, and its draft then waits for the consultation', () => {
    const d = new PureDriver(getDefinition('sccif-rfc-full', 0, 1), '2016-03-14');
    d.send('inspector', '2016-03-15', 'INSPECTION_STARTED');
    const inadequate = { overallExperiences: 'inadequate', qualityOfAssessment: 'good', helpAndProtection: 'inadequate', leadershipAndManagement: 'good', workingWithPartners: 'good' };
    d.send('inspector', '2016-03-17', 'FEEDBACK_GIVEN', { judgements: inadequate });
    const view = d.record.migrate(getDefinition('sccif-rfc-full', 0, 2), 'the inadequate follow-up of seed 004', actors.manager, middayOn('2016-03-18'));
    expect(view).toMatchObject({ machineRevision: 2, status: 'quality_assurance' });
    expect(view.allowedDecisions.map((a) => a.event)).toContain('COMPLIANCE_INSPECTOR_CONSULTED');
  });

  it('sccif-rfc-monitoring-visit r2 → r3: a visit in its comment window may now take a complaint, its deadlines unchanged', () => {
    const d = new PureDriver(getDefinition('sccif-rfc-monitoring-visit', 1, 2), D, { kind: 'specific_concern' });
    d.send('inspector', D, 'VISIT_STARTED', { purpose: 'a concern' });
    d.send('inspector', D, 'FEEDBACK_GIVEN', { judgements: { ...goodJudgements } });
    d.send('inspector', addWorkingDays(D, 3), 'DRAFT_REPORT_SENT');
    const on = addWorkingDays(D, 4);
    const check = d.record.previewMigration(getDefinition('sccif-rfc-monitoring-visit', 1, 3), actors.manager, middayOn(on));
    expect(check).toMatchObject({ ok: true, preview: { stage: { before: 'reporting.commentWindow', after: 'reporting.commentWindow' }, deadlines: [] } });
  });
});
