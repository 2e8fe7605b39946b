import { ILACS_KINDS } from '../../../machines/ilacs/judgements';
import { ilacsInspection2024, ilacsInspectionV2 } from '../../../machines/ilacs/inspection';
import type { InspectionTypeDefinition } from '../../../machines/kit';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { SKELETON_SAMPLES } from '../seed003Samples';
import { ilacsGood } from './samples';

/** Every path of the ILACS machine, per revision and kind, generated from its graph and replayed through the engine. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';
const via = (event: { type: string } | undefined) => ({ via: event?.type });
const isInspection = (kind: string) => kind === 'standard' || kind === 'short';

const ilacs = (definition: InspectionTypeDefinition, kind: string): PathCase => ({
  name: `ilacs v1 r${definition.machineRevision} (${kind})`,
  definition,
  input: { kind },
  samples: {
    ...SKELETON_SAMPLES,
    FINAL_TEAM_MEETING_HELD: [{ judgements: ilacsGood }],
    VISIT_FINDINGS_AGREED: [{ findings: 'children in care see their social workers regularly' }],
    JUDGEMENTS_CHANGED: [{ judgements: { ...ilacsGood, careLeavers: 'requires_improvement' }, reasons: 'moderation' }],
  },
  facts: (c, _s, e) => ({ told: c.dcsToldJudgementsOn !== null, ...via(e) }),
  neverAllowed: isInspection(kind)
    ? { VISIT_FINDINGS_AGREED: 'findings without judgements are for visits' }
    : {
        FINAL_TEAM_MEETING_HELD: 'judgements are made in short and standard inspections only',
        DCS_TOLD_PROVISIONAL_JUDGEMENTS: 'a visit has no provisional judgements',
        JUDGEMENTS_CHANGED: 'a visit has no judgements to change',
        INSPECTION_PAUSED: 'ILACS writes no inspection-level pause',
      },
});

describeEveryPath([ilacsInspection2024, ilacsInspectionV2].flatMap((d) => ILACS_KINDS.map((kind) => ilacs(d, kind))), AT, RECORDED);
