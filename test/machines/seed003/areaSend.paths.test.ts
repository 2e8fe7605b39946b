import { areaSendInspection2024, areaSendInspectionV2 } from '../../../machines/area-send/inspection';
import { describeEveryPath } from '../../support/everyPath';
import { SKELETON_SAMPLES } from '../seed003Samples';

/** Every path of the area SEND inspection, per revision, generated from its graph and replayed through the engine. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';

describeEveryPath(
  [areaSendInspection2024, areaSendInspectionV2].map((definition) => ({
    name: `area-send v1 r${definition.machineRevision}`,
    definition,
    input: {},
    samples: {
      ...SKELETON_SAMPLES,
      NOTIFIED: [{ wellbeingContact: 'deputy DCS' }],
      FEEDBACK_GIVEN: [
        { judgements: { outcome: 'typically_positive', areasOfSignificantConcern: false } },
        { judgements: { outcome: 'widespread_or_systemic_failings', areasOfSignificantConcern: true } },
      ],
      JUDGEMENTS_CHANGED: [{ judgements: { outcome: 'inconsistent', areasOfSignificantConcern: false }, reasons: 'moderation with CQC' }],
    },
    facts: (_c, _s, e) => ({ via: e?.type }),
  })),
  AT,
  RECORDED,
);
