import { fesInspection2024, fesInspectionV2, fesInspectionV3 } from '../../../machines/fes-inspection/inspection';
import type { InspectionTypeDefinition } from '../../../machines/kit';
import { versionInForce } from '../../../machines/registry';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { PureDriver, breaches, overdue, refusal } from '../../support/pureDriver';
import { SKELETON_SAMPLES, fesGrades } from '../seed003Samples';

/**
 * fes-inspection revisions 2 and 3: every path of each machine, and the rules each adds (revision 2: the skills nominee,
 * the complaint; revision 3: the notice periods). Revision 1's paths are in seed003Paths.test.ts.
 */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';
const NOMINEES = { wellbeingContact: 'chair of governors', nominee: 'Vice principal' };

const fes = (definition: InspectionTypeDefinition, kind: string, enhanced: boolean): PathCase => ({
  name: `fes-inspection r${definition.machineRevision} (${kind}${enhanced ? ', enhanced' : ''})`,
  definition,
  input: { kind, enhanced },
  samples: {
    ...SKELETON_SAMPLES,
    NOTIFIED: [NOMINEES, { ...NOMINEES, skillsNominee: 'Head of employer partnerships' }],
    FINAL_TEAM_MEETING_HELD: [{ judgements: fesGrades }],
    SHORT_INSPECTION_OUTCOME_DECIDED: [{ outcome: 'remains_good_or_outstanding' }, { outcome: 'improvement_shown' }],
    MONITORING_FINDINGS_AGREED: [{ findings: 'reasonable progress in apprenticeships' }],
    JUDGEMENTS_CHANGED: [{ judgements: { ...fesGrades, overallEffectiveness: 'requires_improvement' }, reasons: 'moderation' }],
  },
  facts: (c, _s, e) => ({ kind: c.kind, outcome: c.shortInspectionOutcome, skills: c.skillsNominee !== null, via: e?.type }),
  neverAllowed: Object.fromEntries(
    Object.entries({ full: 'FINAL_TEAM_MEETING_HELD', short: 'SHORT_INSPECTION_OUTCOME_DECIDED', monitoring: 'MONITORING_FINDINGS_AGREED' })
      .filter(([k]) => k !== kind && !(kind === 'short' && k === 'full'))
      .map(([k, event]) => [event, `only for a ${k} inspection`]),
  ),
});

describeEveryPath(
  [fesInspectionV2, fesInspectionV3].flatMap((d) => [fes(d, 'full', true), fes(d, 'short', false), fes(d, 'monitoring', false)]),
  AT,
  RECORDED,
);

describe('fes-inspection v2: an enhanced inspection is notified with its skills nominee (FES §"Notification of inspection")', () => {
  it('refuses the notification of an enhanced inspection without a skills nominee, naming the rule, and changes nothing', () => {
    const d = new PureDriver(fesInspectionV2, AT, { kind: 'full', enhanced: true });
    const refused = refusal(() => d.send('inspector', AT, 'NOTIFIED', NOMINEES));
    expect(refused.message).toMatch(/enhanced inspection is notified with its skills nominee named/);
    expect(d.view(AT).status).toBe('scheduled');
    const notified = d.send('inspector', AT, 'NOTIFIED', { ...NOMINEES, skillsNominee: 'Head of employer partnerships' });
    expect(notified.facts).toMatchObject({ skillsNominee: 'Head of employer partnerships', nominee: 'Vice principal' });
  });

  it('leaves other inspections, and v1, as they were', () => {
    for (const input of [{ kind: 'full' }, { kind: 'short' }, { kind: 'monitoring' }]) {
      expect(new PureDriver(fesInspectionV2, AT, input).send('inspector', AT, 'NOTIFIED', NOMINEES).status).toBe('notified');
    }
    expect(new PureDriver(fesInspection2024, AT, { enhanced: true }).send('inspector', AT, 'NOTIFIED', NOMINEES).status).toBe('notified');
    expect(fesInspection2024.events.COMPLAINT_MADE).toBeUndefined();
    expect(versionInForce('fes-inspection', '2024-01-19')).toMatchObject({ version: 1, machineRevision: 3 });
  });
});

describe('fes-inspection r3: the notice periods (FES §"Notification of enhanced college inspections …", §"Notification and introduction (short inspections)")', () => {
  // Notified on Thursday 17 April 2025: Good Friday and Easter Monday are not working days.
  const notified = (input: Record<string, unknown>) => {
    const d = new PureDriver(fesInspectionV3, AT, input);
    d.send('inspector', AT, 'NOTIFIED', { ...NOMINEES, skillsNominee: 'Head of employer partnerships' });
    d.send('inspector', AT, 'FOLLOW_UP_CALL_MADE');
    return d;
  };

  it('a full inspection of a college starts by the sixth working day after the call (5 or 6 working days)', () => {
    expect(notified({ kind: 'full', college: true }).deadline('collegeNotice', AT)).toBe('2025-04-29');
    expect(notified({ kind: 'full', enhanced: true }).deadline('collegeNotice', AT)).toBe('2025-04-29');
  });

  it('a short inspection starts by the second working day after the call', () => {
    const d = notified({ kind: 'short' });
    expect(d.deadline('shortNotice', AT)).toBe('2025-04-23');
    expect(d.deadline('collegeNotice', AT)).toBeUndefined();
  });

  it('counts no notice where the page states none: a full inspection of another provider, a monitoring visit', () => {
    for (const input of [{ kind: 'full' }, { kind: 'monitoring' }]) {
      const view = notified(input).view(AT);
      expect(view.deadlines.map((d) => d.clock)).not.toEqual(expect.arrayContaining(['collegeNotice']));
      expect(view.deadlines.map((d) => d.clock)).not.toEqual(expect.arrayContaining(['shortNotice']));
    }
  });

  it('a start after the notice is a breach that moves nothing; a start within it stops the clock', () => {
    const late = notified({ kind: 'short' });
    late.advanceTo('2025-04-24');
    expect(overdue(late.view('2025-04-24'))).toEqual([['shortNotice', '2025-04-23']]);
    expect(late.send('inspector', '2025-04-24', 'INSPECTION_STARTED').status).toBe('on_site');
    expect(breaches(late.view('2025-04-24'))).toEqual([['shortNotice', '2025-04-23', '2025-04-24']]);

    const onTime = notified({ kind: 'short' });
    onTime.send('inspector', '2025-04-23', 'INSPECTION_STARTED');
    expect(breaches(onTime.view('2025-04-30'))).toEqual([]);
  });

  it('revision 2 counts no notice', () => {
    const d = new PureDriver(fesInspectionV2, AT, { kind: 'short' });
    d.send('inspector', AT, 'NOTIFIED', NOMINEES);
    expect(d.deadline('shortNotice', AT)).toBeUndefined();
    expect(fesInspectionV2.inputSchema.safeParse({ kind: 'full', college: true }).success).toBe(false);
  });
});
