import { CAFCASS_KINDS } from '../../../machines/cafcass/judgements';
import { cafcassInspection2024, cafcassInspectionV2 } from '../../../machines/cafcass/inspection';
import type { InspectionTypeDefinition } from '../../../machines/kit';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { SKELETON_SAMPLES } from '../seed003Samples';
import { cafcassGood } from './samples';

/** Every path of the Cafcass machine, per revision and kind, generated from its graph and replayed through the engine. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';
const via = (event: { type: string } | undefined) => ({ via: event?.type });

const cafcass = (definition: InspectionTypeDefinition, kind: string): PathCase => ({
  name: `cafcass v1 r${definition.machineRevision} (${kind})`,
  definition,
  input: { kind },
  samples: {
    ...SKELETON_SAMPLES,
    FINAL_TEAM_MEETING_HELD: [{ judgements: cafcassGood }],
    VISIT_FINDINGS_AGREED: [{ findings: 'FCAs see children before first hearings' }],
    JUDGEMENTS_CHANGED: [{ judgements: { ...cafcassGood, impactOfLeaders: 'outstanding' }, reasons: 'moderation' }],
  },
  facts: (_c, _s, e) => via(e),
  neverAllowed:
    kind === 'inspection'
      ? { VISIT_FINDINGS_AGREED: 'findings without judgements are for visits', INSPECTION_PAUSED: 'CAF writes no inspection-level pause' }
      : { FINAL_TEAM_MEETING_HELD: 'a visit makes no judgements', JUDGEMENTS_CHANGED: 'a visit has no judgements to change' },
});

describeEveryPath([cafcassInspection2024, cafcassInspectionV2].flatMap((d) => CAFCASS_KINDS.map((kind) => cafcass(d, kind))), AT, RECORDED);
