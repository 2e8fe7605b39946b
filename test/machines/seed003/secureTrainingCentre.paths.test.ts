import { secureTrainingCentreInspection2024, secureTrainingCentreInspectionV2 } from '../../../machines/secure-training-centre/inspection';
import type { InspectionTypeDefinition } from '../../../machines/kit';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { SKELETON_SAMPLES } from '../seed003Samples';
import { stcGood } from './samples';

/** Every path of the secure training centre machine, generated from its graph and replayed through the engine. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';
const via = (event: { type: string } | undefined) => ({ via: event?.type });

const stc = (definition: InspectionTypeDefinition): PathCase => ({
  name: `secure-training-centre v1 r${definition.machineRevision}`,
  definition,
  input: {},
  samples: {
    ...SKELETON_SAMPLES,
    FEEDBACK_GIVEN: [
      { judgements: stcGood, healthcareStandardsMet: true },
      { judgements: { ...stcGood, health: 'requires_improvement' }, healthcareStandardsMet: false },
    ],
    JUDGEMENTS_CHANGED: [{ judgements: { ...stcGood, educationAndLearning: 'requires_improvement' }, reasons: 'moderation' }],
    REQUIREMENT_LETTER_ISSUED: [{ requirementsAgreedOn: '2025-04-17' }],
  },
  facts: (c, _s, e) => ({ met: c.healthcareStandardsMet, notice: c.requirementNoticeSentOn !== null, letter: c.requirementLetterIssuedOn !== null, ...via(e) }),
  neverAllowed: {
    DEFERRAL_REQUESTED: 'STC writes no deferral ("minimum or no notice")',
    INSPECTION_PAUSED: 'STC writes no inspection-level pause',
  },
});

describeEveryPath([secureTrainingCentreInspection2024, secureTrainingCentreInspectionV2].map(stc), AT, RECORDED);
