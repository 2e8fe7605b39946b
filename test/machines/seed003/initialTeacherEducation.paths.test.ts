import { iteInspection2024, iteInspectionV2 } from '../../../machines/initial-teacher-education/inspection';
import type { InspectionTypeDefinition } from '../../../machines/kit';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { SKELETON_SAMPLES } from '../seed003Samples';
import { iteGood } from './samples';

/** Every path of the ITE machine, per revision, generated from its graph and replayed through the engine. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';
const via = (event: { type: string } | undefined) => ({ via: event?.type });

const ite = (definition: InspectionTypeDefinition): PathCase => ({
  name: `initial-teacher-education v1 r${definition.machineRevision}`,
  definition,
  input: {},
  samples: {
    ...SKELETON_SAMPLES,
    FINAL_TEAM_MEETING_HELD: [{ judgements: iteGood }],
    JUDGEMENTS_CHANGED: [{ judgements: { ...iteGood, leadershipAndManagement: 'requires_improvement' }, reasons: 'moderation' }],
  },
  facts: (c, _s, e) => ({ late: c.deferralRequestLate, ...via(e) }),
});

describeEveryPath([iteInspection2024, iteInspectionV2].map(ite), AT, RECORDED);
