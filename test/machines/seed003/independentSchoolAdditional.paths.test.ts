import { AIIS_KINDS } from '../../../machines/independent-school-additional/compliance';
import { additionalSchoolInspection2024 } from '../../../machines/independent-school-additional/inspection';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { SKELETON_SAMPLES } from '../seed003Samples';

/** Every path of the additional inspections of independent schools, per kind, generated from the graph and replayed. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';
const pause = [{ reason: 'significant event', dutyDeskContacted: true, dfeToldOn: AT }];

const additional = (kind: string): PathCase => ({
  name: `independent-school-additional v1 (${kind})`,
  definition: additionalSchoolInspection2024,
  input: { kind },
  samples: {
    ...SKELETON_SAMPLES,
    INSPECTION_PAUSED: pause,
    FEEDBACK_GIVEN: [{ judgements: { standardsNotMet: [] } }, { judgements: { standardsNotMet: ['Part 3: welfare, health and safety of pupils'] } }],
    JUDGEMENTS_CHANGED: [{ judgements: { standardsNotMet: ['Part 5: premises'] }, reasons: 'moderation' }],
  },
  facts: (_c, _s, e) => ({ via: e?.type }),
});

describeEveryPath(AIIS_KINDS.map(additional), AT, RECORDED);
