import { onlineProviderVisit2024, onlineProviderVisitV2, onlineProviderVisitV3 } from '../../../machines/online-provider/inspection';
import type { InspectionTypeDefinition } from '../../../machines/kit';
import { OLP_KINDS } from '../../../machines/online-provider/standards';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { PureDriver, breaches, refusal } from '../../support/pureDriver';
import { SKELETON_SAMPLES } from '../seed003Samples';

/** Every path of the online provider visit, per revision and kind, generated from its graph and replayed through the engine. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';

const visit = (definition: InspectionTypeDefinition, kind: string): PathCase => ({
  name: `online-provider-visit v1 r${definition.machineRevision} (${kind})`,
  definition,
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

describeEveryPath([onlineProviderVisit2024, onlineProviderVisitV2, onlineProviderVisitV3].flatMap((d) => OLP_KINDS.map((kind) => visit(d, kind))), AT, RECORDED);

describe('online-provider-visit revision 2: the formal complaint on receiving the final report (OLP §"Handling concerns")', () => {
  const finalReportSent = () => {
    const d = new PureDriver(onlineProviderVisitV2, AT, { kind: 'accreditation' });
    d.send('inspector', AT, 'NOTIFIED', { wellbeingContact: 'deputy head' });
    d.send('inspector', '2025-04-22', 'INSPECTION_STARTED');
    d.send('inspector', '2025-04-22', 'FIELDWORK_COMPLETED');
    d.send('inspector', '2025-04-22', 'FEEDBACK_GIVEN', { judgements: { standardsNotMet: [] } });
    d.send('manager', '2025-04-24', 'QA_COMPLETED');
    d.send('inspector', '2025-04-24', 'DRAFT_REPORT_SENT');
    expect(refusal(() => d.send('provider', '2025-04-25', 'COMPLAINT_MADE', { summary: 'before the final report' })).code).toBe('not_allowed_now');
    d.send('manager', '2025-04-25', 'COMMENT_WINDOW_CLOSED');
    d.send('manager', '2025-05-01', 'FINAL_REPORT_SENT');
    return d;
  };

  it('has no deadline: a complaint weeks after the final report is taken, and answered before publication', () => {
    const d = finalReportSent();
    expect(d.view('2025-06-30').deadlines).toEqual([]);
    expect(d.send('provider', '2025-06-30', 'COMPLAINT_MADE', { summary: 'a standard judged unmet on thin evidence' })).toMatchObject({ status: 'complaint_under_review', facts: { complaintMadeOn: '2025-06-30' } });
    expect(d.send('manager', '2025-07-10', 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' }).status).toBe('awaiting_publication');
    expect(d.send('manager', '2025-07-11', 'REPORT_PUBLISHED')).toMatchObject({ status: 'published', done: true, facts: { complaintOutcome: 'not_upheld' } });
  });

  it('ends at publication when no complaint is open; revision 1 takes none', () => {
    expect(finalReportSent().send('manager', '2025-05-02', 'REPORT_PUBLISHED')).toMatchObject({ status: 'published', done: true, facts: { complaintMadeOn: null } });
    expect(onlineProviderVisit2024.events.COMPLAINT_MADE).toBeUndefined();
  });
});

describe('online-provider-visit revision 3: the notice of an accreditation visit (OLP §"Notice of an accreditation visit")', () => {
  const called = (kind: string) => {
    const d = new PureDriver(onlineProviderVisitV3, AT, { kind });
    d.send('inspector', AT, 'NOTIFIED', { wellbeingContact: 'deputy head' });
    return d;
  };

  it('the visit is due the working day after the call: a call on the Thursday before Easter is for the Tuesday after', () => {
    expect(called('accreditation').deadline('visitNotice', AT)).toBe('2025-04-22');
  });

  it('a visit after that day is a breach; an additional visit, and revision 2, count no notice', () => {
    const late = called('accreditation');
    late.send('inspector', '2025-04-23', 'INSPECTION_STARTED');
    expect(breaches(late.view('2025-04-23'))).toEqual([['visitNotice', '2025-04-22', '2025-04-23']]);
    expect(called('additional').deadline('visitNotice', AT)).toBeUndefined();
    const r2 = new PureDriver(onlineProviderVisitV2, AT, { kind: 'accreditation' });
    r2.send('inspector', AT, 'NOTIFIED', { wellbeingContact: 'deputy head' });
    expect(r2.deadline('visitNotice', AT)).toBeUndefined();
  });
});
