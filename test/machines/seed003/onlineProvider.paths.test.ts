import { onlineProviderVisit2024 } from '../../../machines/online-provider/inspection';
import { OLP_KINDS } from '../../../machines/online-provider/standards';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { SKELETON_SAMPLES } from '../seed003Samples';

/** Every path of the online provider visit, per kind, generated from its graph and replayed through the engine. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';

const visit = (kind: string): PathCase => ({
  name: `online-provider-visit v1 (${kind})`,
  definition: onlineProviderVisit2024,
  input: { kind },
  samples: {
    ...SKELETON_SAMPLES,
    CONSENT_WITHHELD: [{ confirmed: true }],
    FEEDBACK_GIVEN: [{ judgements: { standardsNotMet: [] } }, { judgements: { standardsNotMet: ['Part 3: welfare, health and safety'], recommendations: ['update the safeguarding policy'] } }],
    JUDGEMENTS_CHANGED: [{ judgements: { standardsNotMet: ['Part 8: quality of leadership'] }, reasons: 'moderation' }],
  },
  facts: (_c, _s, e) => ({ via: e?.type }),
  ...(kind === 'additional' && {
    neverAllowed: { CONSENT_WITHHELD: 'only an accreditation visit has an application to treat as withdrawn' },
    unreachable: { withdrawn: 'only an accreditation visit has an application to treat as withdrawn' },
  }),
});

describeEveryPath(OLP_KINDS.map(visit), AT, RECORDED);
