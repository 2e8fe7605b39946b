import { fesInspection2024, fesInspectionV2 } from '../../../machines/further-education/inspection';
import { versionInForce } from '../../../machines/registry';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { PureDriver, refusal } from '../../support/pureDriver';
import { SKELETON_SAMPLES, fesGrades } from '../seed003Samples';

/** fes-inspection v2: every path of the machine, and the rules v2 adds (the skills nominee, the complaint). */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';
const NOMINEES = { wellbeingContact: 'chair of governors', nominee: 'Vice principal' };

const fes = (kind: string, enhanced: boolean): PathCase => ({
  name: `fes-inspection v2 (${kind}${enhanced ? ', enhanced' : ''})`,
  definition: fesInspectionV2,
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

describeEveryPath([fes('full', true), fes('short', false), fes('monitoring', false)], AT, RECORDED);

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
    expect(versionInForce('fes-inspection', '2024-01-19')).toMatchObject({ version: 1, machineRevision: 2 });
  });
});
