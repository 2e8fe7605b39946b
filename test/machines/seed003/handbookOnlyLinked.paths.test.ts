import { earlyYearsPlaceholder2024 } from '../../../machines/early-years/inspection';
import { jtaiPlaceholder2024 } from '../../../machines/jtai/inspection';
import { schoolInspectionPlaceholder2024 } from '../../../machines/school-inspection/inspection';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { SKELETON_SAMPLES } from '../seed003Samples';

/** Every path of the placeholders for handbooks the seed only links, generated from their graphs and replayed through the engine. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';
const via = (event: { type: string } | undefined) => ({ via: event?.type });

const CASES: PathCase[] = [earlyYearsPlaceholder2024, schoolInspectionPlaceholder2024, jtaiPlaceholder2024].map((definition) => ({
  definition,
  input: {},
  samples: SKELETON_SAMPLES,
  facts: (_c, _s, e) => via(e),
  neverAllowed: { JUDGEMENTS_CHANGED: 'no judgements: the page gives the handbook no scale' },
}));

describeEveryPath(CASES, AT, RECORDED);
