import { versionInForce } from '../../../machines/registry';
import { childrensHomeInspection2024, childrensHomeInspectionV2 } from '../../../machines/sccif-childrens-home/inspection';
import { describeEveryPath } from '../../support/everyPath';
import { PureDriver, refusal } from '../../support/pureDriver';
import { SKELETON_SAMPLES, sccifGood } from '../seed003Samples';

/** sccif-childrens-home v2: every path of the machine, with the formal complaint on receiving the final report. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';

describeEveryPath(
  [
    {
      definition: childrensHomeInspectionV2,
      input: { kind: 'assurance' },
      samples: {
        ...SKELETON_SAMPLES,
        INSPECTION_STARTED_UNANNOUNCED: [{ wellbeingContact: 'responsible individual', feedbackAttendees: 'registered manager and RI' }],
        FEEDBACK_GIVEN: [{ judgements: sccifGood }],
        JUDGEMENTS_CHANGED: [{ judgements: { ...sccifGood, overallExperiencesAndProgress: 'requires_improvement' }, reasons: 'manager review' }],
      },
      facts: (c, _s, e) => ({ untold: c.changedJudgementsNotTold, via: e?.type }),
    },
  ],
  AT,
  RECORDED,
);

describe('sccif-childrens-home v2: the formal complaint (SCCIF §"Complaints")', () => {
  const finalReportSent = () => {
    const d = new PureDriver(childrensHomeInspectionV2, AT);
    d.send('inspector', AT, 'INSPECTION_STARTED_UNANNOUNCED', { wellbeingContact: 'responsible individual', feedbackAttendees: 'RM' });
    d.send('inspector', '2025-04-22', 'FIELDWORK_COMPLETED');
    d.send('inspector', '2025-04-22', 'FEEDBACK_GIVEN', { judgements: sccifGood });
    d.send('manager', '2025-04-24', 'QA_COMPLETED');
    d.send('inspector', '2025-04-24', 'DRAFT_REPORT_SENT');
    expect(refusal(() => d.send('provider', '2025-04-25', 'COMPLAINT_MADE', { summary: 'before the final report' })).code).toBe('not_allowed_now');
    d.send('provider', '2025-04-25', 'COMMENTS_SUBMITTED');
    d.send('inspector', '2025-05-01', 'FINAL_REPORT_SENT');
    return d;
  };

  it('has no deadline: a complaint weeks after the final report is taken, and answered before publication', () => {
    const d = finalReportSent();
    expect(d.view('2025-06-30').deadlines).toEqual([]);
    expect(d.send('provider', '2025-06-30', 'COMPLAINT_MADE', { summary: 'judgement not supported' })).toMatchObject({ status: 'complaint_under_review', facts: { complaintMadeOn: '2025-06-30' } });
    expect(d.send('manager', '2025-07-10', 'COMPLAINT_RESPONDED', { outcome: 'partly_upheld' }).status).toBe('awaiting_publication');
    expect(d.send('manager', '2025-07-11', 'REPORT_PUBLISHED')).toMatchObject({ status: 'published', done: true, grade: 'good', facts: { complaintOutcome: 'partly_upheld' } });
  });

  it('ends at publication when no complaint is open: the inspection never waits for one', () => {
    const published = finalReportSent().send('manager', '2025-05-02', 'REPORT_PUBLISHED');
    expect(published).toMatchObject({ status: 'published', done: true, grade: 'good', facts: { complaintMadeOn: null } });
  });

  it('publishes while a complaint is under review (the grade is public), and ends with the answer', () => {
    const d = finalReportSent();
    d.send('provider', '2025-05-02', 'COMPLAINT_MADE', { summary: 'judgement not supported' });
    expect(d.send('manager', '2025-05-06', 'REPORT_PUBLISHED')).toMatchObject({ status: 'published_complaint_under_review', done: false, grade: 'good' });
    expect(d.send('manager', '2025-05-20', 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' })).toMatchObject({ status: 'published', done: true });
  });

  it('revision 1 has no complaint; revision 2 is what a new inspection on the January 2024 framework runs', () => {
    expect(childrensHomeInspection2024.events.COMPLAINT_MADE).toBeUndefined();
    expect(versionInForce('sccif-childrens-home', '2024-01-19')).toMatchObject({ version: 1, machineRevision: 2 });
  });
});
