import { independentSchoolInspection2024, independentSchoolInspectionV2 } from '../../../machines/independent-school/inspection';
import { describeEveryPath } from '../../support/everyPath';
import { SKELETON_SAMPLES } from '../seed003Samples';

/** Every path of the independent school standard inspection, per revision, generated from its graph and replayed through the engine. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';

const indGood = {
  overallEffectiveness: 'good',
  qualityOfEducation: 'good',
  behaviourAndAttitudes: 'good',
  personalDevelopment: 'good',
  leadershipAndManagement: 'good',
  safeguardingEffective: true,
  issParagraph7Met: true,
};
const pause = [{ reason: 'significant event', dutyDeskContacted: true, dfeToldOn: AT }];

describeEveryPath(
  [independentSchoolInspection2024, independentSchoolInspectionV2].map((definition) => ({
    name: `independent-school v1 r${definition.machineRevision}`,
    definition,
    input: { aligned: true },
    samples: {
      ...SKELETON_SAMPLES,
      INSPECTION_PAUSED: pause,
      FINAL_TEAM_MEETING_HELD: [{ judgements: indGood }],
      JUDGEMENTS_CHANGED: [{ judgements: { ...indGood, overallEffectiveness: 'requires_improvement' }, reasons: 'moderation' }],
    },
    facts: (_c, _s, e) => ({ via: e?.type }),
  })),
  AT,
  RECORDED,
);
