import { ECF_KINDS } from '../../../machines/ecf-lead-provider/judgements';
import { ecfLeadProviderInspection2024 } from '../../../machines/ecf-lead-provider/inspection';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { SKELETON_SAMPLES } from '../seed003Samples';

/** Every path of the ECF lead provider inspection, per kind, generated from its graph and replayed through the engine. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';

const full = { overallEffectiveness: 'requires_improvement' };
const lpmv = { leadersTakingEffectiveAction: false };

const ecf = (kind: string): PathCase => ({
  name: `ecf-lead-provider v1 (${kind})`,
  definition: ecfLeadProviderInspection2024,
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

describeEveryPath(ECF_KINDS.map(ecf), AT, RECORDED);

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
