import { ECF_KINDS } from '../../../machines/ecf-lead-provider/judgements';
import { ecfLeadProviderInspection2024, ecfLeadProviderInspectionV2 } from '../../../machines/ecf-lead-provider/inspection';
import type { InspectionTypeDefinition } from '../../../machines/kit';
import { PureDriver, refusal } from '../../support/pureDriver';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { SKELETON_SAMPLES } from '../seed003Samples';

/** Every path of the ECF lead provider inspection, per kind, generated from its graph and replayed through the engine. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';

const full = { overallEffectiveness: 'requires_improvement' };
const lpmv = { leadersTakingEffectiveAction: false };

const ecf = (definition: InspectionTypeDefinition, kind: string): PathCase => ({
  name: `ecf-lead-provider v1 r${definition.machineRevision} (${kind})`,
  definition,
  input: { kind },
  samples: {
    ...SKELETON_SAMPLES,
    FINAL_TEAM_MEETING_HELD: [{ judgements: full }],
    LPMV_JUDGEMENT_MADE: [{ judgements: lpmv }, { judgements: { leadersTakingEffectiveAction: true } }],
    JUDGEMENTS_CHANGED: [
      { judgements: { overallEffectiveness: 'inadequate' }, reasons: 'moderation' },
      { judgements: { leadersTakingEffectiveAction: true }, reasons: 'moderation' },
    ],
  },
  facts: (_c, _s, e) => ({ via: e?.type }),
  neverAllowed: kind === 'full' ? { LPMV_JUDGEMENT_MADE: 'only for a monitoring visit' } : { FINAL_TEAM_MEETING_HELD: 'only for a full inspection' },
});

describeEveryPath([ecfLeadProviderInspection2024, ecfLeadProviderInspectionV2].flatMap((d) => ECF_KINDS.map((kind) => ecf(d, kind))), AT, RECORDED);

describe('ecf-lead-provider v1: a change at QA must fit the kind', () => {
  it.each([
    ['full', { overallEffectiveness: 'good' }, true],
    ['full', { leadersTakingEffectiveAction: true }, false],
    ['monitoring', { leadersTakingEffectiveAction: true }, true],
    ['monitoring', { overallEffectiveness: 'good' }, false],
  ])('%s inspection, change to %j: allowed %s', (kind, judgements, allowed) => {
    const snapshot = ecfLeadProviderInspection2024.machine.resolveState({
      value: { reporting: 'qualityAssurance' },
      context: { ...(ecfLeadProviderInspection2024.machine.config.context as object), kind },
    } as never);
    expect(snapshot.can({ type: 'JUDGEMENTS_CHANGED', judgements, reasons: 'QA' } as never)).toBe(allowed);
  });
});

describe('ecf-lead-provider revision 2: the formal complaint on receipt of the final report or LPMV letter (ECF §"Handling concerns and complaints")', () => {
  const finalReportSent = () => {
    const d = new PureDriver(ecfLeadProviderInspectionV2, AT, { kind: 'full' });
    d.send('inspector', AT, 'NOTIFIED', { wellbeingContact: 'programme director' });
    d.send('inspector', '2025-04-22', 'INSPECTION_STARTED');
    d.send('inspector', '2025-04-25', 'FINAL_TEAM_MEETING_HELD', { judgements: full });
    d.send('inspector', '2025-04-25', 'FEEDBACK_GIVEN');
    d.send('manager', '2025-04-29', 'QA_COMPLETED');
    d.send('inspector', '2025-04-30', 'DRAFT_REPORT_SENT');
    expect(refusal(() => d.send('provider', '2025-05-01', 'COMPLAINT_MADE', { summary: 'before the final report' })).code).toBe('not_allowed_now');
    d.send('provider', '2025-05-02', 'COMMENTS_SUBMITTED');
    d.send('manager', '2025-05-09', 'FINAL_REPORT_SENT');
    return d;
  };

  it('publishes by itself on the 38th working day with a complaint under review, which stays open until answered', () => {
    const d = finalReportSent();
    expect(d.send('provider', '2025-05-12', 'COMPLAINT_MADE', { summary: 'the grade ignores the new induction programme' }).status).toBe('complaint_under_review');
    const due = d.deadline('publication', '2025-05-12');
    expect(due).toBe('2025-06-20'); // 38 working days from Friday 25 April, past both May bank holidays
    expect(d.advanceTo('2025-06-23')).toMatchObject({ status: 'published_complaint_under_review', facts: { publishedDate: due } });
    expect(d.send('manager', '2025-06-30', 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' })).toMatchObject({ status: 'published', done: true });
  });

  it('revision 1 takes no complaint', () => {
    expect(ecfLeadProviderInspection2024.events.COMPLAINT_MADE).toBeUndefined();
    expect(ecfLeadProviderInspection2024.clocks.find((c) => c.id === 'publication')?.runsIn).toEqual(['awaitingPublication']);
  });
});
