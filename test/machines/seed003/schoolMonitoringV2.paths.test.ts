import { schoolMonitoringInspection2024, schoolMonitoringInspectionV2 } from '../../../machines/school-monitoring/inspection';
import { versionInForce } from '../../../machines/registry';
import { type PathCase, describeEveryPath } from '../../support/everyPath';
import { PureDriver, refusal } from '../../support/pureDriver';
import { SKELETON_SAMPLES, deemedGood, monitoringJudgement } from '../seed003Samples';

/** school-monitoring v2: every path of the machine, and the rules v2 adds (closure check, governors meeting, complaint). */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';
const CLOSES_WITHIN_SIX_MONTHS = { closesOn: '2025-10-17', evidence: 'funding agreement terminated' }; // AT + 6 calendar months
const CLOSES_LATER = { closesOn: '2025-10-18', evidence: 'funding agreement terminated' };

const V2_SAMPLES = {
  CLOSURE_CHECK_ADVICE_RECORDED: [{ advice: 'proceed' }, { advice: 'do_not_proceed' }],
  GOVERNORS_MEETING_ARRANGED: [{ concerns: 'no urgency in tackling weak reading' }],
  GOVERNORS_MEETING_HELD: [{ recommendations: 'an external review of reading' }],
};

const facts = (c: Record<string, unknown>, _s: unknown, e: { type: string } | undefined) => ({
  advice: (c.closureAdvice as { advice?: string } | null)?.advice ?? null,
  asked: c.cancellationRequested,
  governors: c.governorsMeeting ? ((c.governorsMeeting as { heldOn: string | null }).heldOn ? 'held' : 'arranged') : null,
  via: e?.type,
});

const smh = (name: string, input: Record<string, unknown>, { samples, ...extra }: Partial<PathCase> = {}): PathCase => ({
  name: `school-monitoring v2 (${name})`,
  definition: schoolMonitoringInspectionV2,
  input,
  samples: {
    ...SKELETON_SAMPLES,
    ...V2_SAMPLES,
    NOTIFIED: [{ wellbeingContact: 'the trust' }, { wellbeingContact: 'the trust', cancellationRequested: true }],
    FEEDBACK_GIVEN: [{ judgements: monitoringJudgement }],
    JUDGEMENTS_CHANGED: [{ judgements: { leadersTakingEffectiveAction: false }, reasons: 'moderation' }],
    ...samples,
  },
  facts,
  ...extra,
});

describeEveryPath(
  [
    smh('closing within 6 months', { kind: 'routine', confirmedClosure: CLOSES_WITHIN_SIX_MONTHS }),
    smh('closing later', { kind: 'routine', confirmedClosure: CLOSES_LATER }, {
      neverAllowed: { CLOSURE_CHECK_ADVICE_RECORDED: 'no closure check is due more than 6 months before closure' },
      unreachable: { cancelled: 'only the duty desk advising not to proceed cancels it' },
    }),
    smh('no closure', { kind: 'early_safeguarding', gradedReportPublishedOn: AT }, {
      neverAllowed: { CLOSURE_CHECK_ADVICE_RECORDED: 'no closure check without a confirmed closure' },
      unreachable: { cancelled: 'only the duty desk advising not to proceed cancels it' },
      samples: { FEEDBACK_GIVEN: [{ judgements: deemedGood }] },
    }),
  ],
  AT,
  RECORDED,
);

describe('school-monitoring v2: the closure check (SMH §"Requests for inspections to be deferred or cancelled")', () => {
  const notified = (confirmedClosure: unknown, fields: Record<string, unknown> = {}) => {
    const d = new PureDriver(schoolMonitoringInspectionV2, AT, { confirmedClosure });
    d.send('inspector', AT, 'NOTIFIED', { wellbeingContact: 'the trust', ...fields });
    return d;
  };

  it('holds the start until the duty desk advice is recorded, naming the rule', () => {
    const d = notified(CLOSES_WITHIN_SIX_MONTHS);
    expect(refusal(() => d.send('inspector', AT, 'INSPECTION_STARTED')).message).toMatch(/closes on 2025-10-17.*record the regional duty desk's advice/);
    d.send('inspector', AT, 'CLOSURE_CHECK_ADVICE_RECORDED', { advice: 'proceed' });
    expect(refusal(() => d.send('inspector', AT, 'CLOSURE_CHECK_ADVICE_RECORDED', { advice: 'proceed' })).message).toMatch(/already recorded/);
    expect(d.send('inspector', '2025-04-22', 'INSPECTION_STARTED').status).toBe('on_site');
  });

  it('"do not proceed" ends the inspection as cancelled, with the advice kept', () => {
    const d = notified(CLOSES_WITHIN_SIX_MONTHS);
    const view = d.send('inspector', AT, 'CLOSURE_CHECK_ADVICE_RECORDED', { advice: 'do_not_proceed', summary: 'closing in the autumn' });
    expect(view).toMatchObject({ status: 'cancelled', done: true, facts: { closureAdvice: { advice: 'do_not_proceed', forNotificationOn: AT }, cancelledOn: AT } });
  });

  it('is not due more than 6 calendar months before closure, nor when the school asked for cancellation at the call', () => {
    for (const d of [notified(CLOSES_LATER), notified(CLOSES_WITHIN_SIX_MONTHS, { cancellationRequested: true }), notified(null)]) {
      expect(refusal(() => d.send('inspector', AT, 'CLOSURE_CHECK_ADVICE_RECORDED', { advice: 'proceed' })).message).toMatch(/no closure check is due/);
      expect(d.send('inspector', AT, 'INSPECTION_STARTED').status).toBe('on_site');
    }
  });

  it('asks again after a deferral and a new notification (the advice was for the first one)', () => {
    const d = notified(CLOSES_WITHIN_SIX_MONTHS);
    d.send('inspector', AT, 'CLOSURE_CHECK_ADVICE_RECORDED', { advice: 'proceed' });
    d.send('provider', AT, 'DEFERRAL_REQUESTED', { reason: 'headteacher in hospital' });
    d.send('manager', AT, 'DEFERRAL_GRANTED');
    d.send('inspector', '2025-05-06', 'NOTIFIED', { wellbeingContact: 'the trust' });
    expect(refusal(() => d.send('inspector', '2025-05-06', 'INSPECTION_STARTED')).message).toMatch(/record the regional duty desk's advice/);
  });

  it('revision 1 has none of it; revision 2 is what a new inspection on the January 2024 framework runs', () => {
    expect(schoolMonitoringInspection2024.events.CLOSURE_CHECK_ADVICE_RECORDED).toBeUndefined();
    expect(() => schoolMonitoringInspection2024.inputSchema.parse({ confirmedClosure: CLOSES_LATER })).toThrow();
    expect(versionInForce('school-monitoring', '2024-01-19')).toMatchObject({ version: 1, machineRevision: 2 });
  });
});

describe('school-monitoring v2: the governors meeting and the complaint never hold up the report', () => {
  const afterFeedback = () => {
    const d = new PureDriver(schoolMonitoringInspectionV2, AT);
    d.send('inspector', AT, 'NOTIFIED', { wellbeingContact: 'the trust' });
    d.send('inspector', '2025-04-22', 'INSPECTION_STARTED');
    d.send('inspector', '2025-04-23', 'FIELDWORK_COMPLETED');
    d.send('inspector', '2025-04-23', 'FEEDBACK_GIVEN', { judgements: monitoringJudgement });
    return d;
  };

  it('is arranged then held beside the report chain, once each', () => {
    const d = afterFeedback();
    expect(refusal(() => d.send('inspector', '2025-04-23', 'GOVERNORS_MEETING_HELD', { recommendations: 'x' })).message).toMatch(/no meeting .* has been arranged/);
    const arranged = d.send('inspector', '2025-04-23', 'GOVERNORS_MEETING_ARRANGED', { concerns: 'no urgency in tackling reading' });
    expect(arranged.status).toBe('next_day_contact_open');
    expect(refusal(() => d.send('inspector', '2025-04-23', 'GOVERNORS_MEETING_ARRANGED', { concerns: 'again' })).message).toMatch(/already arranged/);
    d.send('manager', '2025-04-25', 'QA_COMPLETED');
    d.send('inspector', '2025-04-25', 'DRAFT_REPORT_SENT');
    const held = d.send('inspector', '2025-04-28', 'GOVERNORS_MEETING_HELD', { recommendations: 'seek an external review of reading' });
    expect(held).toMatchObject({ status: 'awaiting_provider_comments', facts: { governorsMeeting: { arrangedOn: '2025-04-23', heldOn: '2025-04-28' } } });
  });

  it('publishes with the meeting arranged and a complaint still under review; the inspection ends with the answer', () => {
    const d = afterFeedback();
    d.send('inspector', '2025-04-23', 'GOVERNORS_MEETING_ARRANGED', { concerns: 'no urgency' });
    d.send('manager', '2025-04-25', 'QA_COMPLETED');
    d.send('inspector', '2025-04-25', 'DRAFT_REPORT_SENT');
    expect(refusal(() => d.send('provider', '2025-04-25', 'COMPLAINT_MADE', { summary: 'too early' })).code).toBe('not_allowed_now');
    d.send('provider', '2025-04-28', 'COMMENTS_SUBMITTED');
    d.send('manager', '2025-05-02', 'FINAL_REPORT_SENT');
    d.send('provider', '2025-05-06', 'COMPLAINT_MADE', { summary: 'findings not supported by the evidence' });
    const published = d.send('manager', '2025-05-07', 'REPORT_PUBLISHED');
    expect(published).toMatchObject({ status: 'published_complaint_under_review', done: false, facts: { publishedDate: '2025-05-07', complaintMadeOn: '2025-05-06' } });
    const answered = d.send('manager', '2025-06-02', 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' });
    expect(answered).toMatchObject({ status: 'published', done: true, facts: { complaintOutcome: 'not_upheld', publishedDate: '2025-05-07' } });
  });
});
