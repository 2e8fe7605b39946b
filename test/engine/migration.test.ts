import { addWorkingDays } from '../../calendar';
import { DecisionRefusedError } from '../../engine';
import { getDefinition } from '../../machines/registry';
import { goodJudgements } from '../support/inspectionHarness';
import { PureDriver, actors, middayOn } from '../support/pureDriver';

const r1 = getDefinition('sccif-rfc-full', 1, 1);
const r2 = getDefinition('sccif-rfc-full', 1, 2);
const r3 = getDefinition('sccif-rfc-full', 1, 3);
const D = '2026-11-23'; // a Monday

/** A revision 1 inspection: started and fed back on D, the draft `draftAfter` working days later. */
function runningOnRevision1(draftAfter?: number) {
  const d = new PureDriver(r1, D);
  d.send('inspector', D, 'INSPECTION_STARTED');
  d.send('inspector', D, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
  if (draftAfter !== undefined) d.send('inspector', addWorkingDays(D, draftAfter), 'DRAFT_REPORT_SENT');
  return d;
}

describe('a running inspection moved to a later revision of its framework version', () => {
  it('dry run: where it would stand and every deadline that would move, changing nothing', () => {
    const d = runningOnRevision1();
    const today = addWorkingDays(D, 0);
    const before = d.view(today);
    const check = d.record.previewMigration(r3, actors.manager, middayOn(today));
    expect(check).toMatchObject({
      ok: true,
      preview: {
        from: { version: 1, machineRevision: 1 },
        to: { version: 1, machineRevision: 3 },
        stage: { before: 'reporting.qualityAssurance', after: 'reporting.nextDayContact' },
        deadlines: [{ clock: 'nextDayContact', before: null, after: addWorkingDays(D, 1) }],
      },
    });
    expect(d.view(today)).toEqual(before);
  });

  it('moves it: read through the new revision, audited with who, why and what changed', () => {
    const d = runningOnRevision1(3);
    const today = addWorkingDays(D, 4);
    const view = d.record.migrate(r3, 'the concerns ladder applies to every inspection of the 2024 framework', actors.manager, middayOn(today));
    expect(view).toMatchObject({ version: 1, machineRevision: 3, stage: 'reporting.commentWindow' });
    expect(view.allowedDecisions.map((a) => a.event)).toContain('SAFEGUARDING_CONCERN_RECORDED'); // a situation revision 1 does not have
    const entries = d.record.takeEntries();
    const migrated = entries.find((e) => e.kind === 'inspection.migrated')!;
    expect(migrated).toMatchObject({ actor: actors.manager.id, role: 'manager', data: { from: { machineRevision: 1 }, to: { machineRevision: 3 }, reason: expect.stringContaining('concerns ladder') } });
    expect(entries.some((e) => e.kind === 'record.rederived')).toBe(true);
    // Later decisions are judged by revision 3.
    expect(d.send('provider', today, 'COMMENTS_SUBMITTED').machineRevision).toBe(3);
  });

  it('refuses one whose steps have no place in the new revision (the draft sent before the next-day contact closed), changing nothing', () => {
    const d = runningOnRevision1(0);
    const before = d.view(D);
    const check = d.record.previewMigration(r3, actors.manager, middayOn(D));
    expect(check).toMatchObject({ ok: false, code: 'conflicts_with_record', message: expect.stringMatching(/no place for it in revision 3: its step DRAFT_REPORT_SENT dated/) });
    expect(() => d.record.migrate(r3, 'x', actors.manager, middayOn(D))).toThrow(DecisionRefusedError);
    expect(d.view(D)).toEqual(before);
  });

  it('refuses what no declared path allows: another role, the same or an earlier revision, another framework version, an ended inspection', () => {
    const d = runningOnRevision1();
    expect(d.record.previewMigration(r3, actors.inspector, middayOn(D))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(d.record.previewMigration(r1, actors.manager, middayOn(D))).toMatchObject({ ok: false, message: expect.stringContaining('already runs') });
    expect(d.record.previewMigration(getDefinition('sccif-rfc-full', 0, 1), actors.manager, middayOn(D))).toMatchObject({ ok: false, message: expect.stringContaining('another revision of that framework version') });
    const onRevision3 = new PureDriver(r3, D);
    expect(onRevision3.record.previewMigration(r2, actors.manager, middayOn(D))).toMatchObject({ ok: false, message: expect.stringContaining('declares no migration from revision 3') });
    const arrivalOrder = new PureDriver(r1, D, {}, 1);
    expect(arrivalOrder.record.previewMigration(r3, actors.manager, middayOn(D))).toMatchObject({ ok: false, message: expect.stringContaining('engine revision 1') });
  });

  it('every declared path names earlier revisions of the same framework version', () => {
    for (const target of [r2, r3]) {
      for (const from of target.migratesFrom!.revisions) expect(from).toBeLessThan(target.machineRevision);
    }
  });
});
