import { AIIS_KINDS } from '../../../machines/independent-school-additional/compliance';
import { additionalSchoolInspection2024, additionalSchoolInspectionV2 } from '../../../machines/independent-school-additional/inspection';
import type { InspectionTypeDefinition } from '../../../machines/kit';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { SKELETON_SAMPLES } from '../seed003Samples';

/** Every path of the additional inspections of independent schools, per kind, generated from the graph and replayed. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';
const pause = [{ reason: 'significant event', dutyDeskContacted: true, dfeToldOn: AT }];

const additional = (definition: InspectionTypeDefinition, kind: string): PathCase => ({
  name: `independent-school-additional v1 r${definition.machineRevision} (${kind})`,
  definition,
  input: { kind },
  samples: {
    ...SKELETON_SAMPLES,
    INSPECTION_PAUSED: pause,
    FEEDBACK_GIVEN: [{ judgements: { standardsNotMet: [] } }, { judgements: { standardsNotMet: ['Part 3: welfare, health and safety of pupils'] } }],
    JUDGEMENTS_CHANGED: [{ judgements: { standardsNotMet: ['Part 5: premises'] }, reasons: 'moderation' }],
  },
  facts: (_c, _s, e) => ({ via: e?.type }),
});

describeEveryPath([additionalSchoolInspection2024, additionalSchoolInspectionV2].flatMap((d) => AIIS_KINDS.map((kind) => additional(d, kind))), AT, RECORDED);
