import { safeguardingLacInspection2010 as r1, safeguardingLacInspection2010v2 as r2 } from '../../machines/safeguarding-lac/inspection';
import type { SlacJudgements } from '../../machines/safeguarding-lac/judgements';
import { nextInspectionDue, programmePeriodStart } from '../../machines/safeguarding-lac/nextInspection';
import { versionInForce } from '../../machines/registry';
import { type PathCase, describeEveryPath } from '../support/everyPath';
import { PureDriver, refusal } from '../support/pureDriver';

/**
 * safeguarding-lac revision 2 (seed 001 ¶7, ¶15): the separate inspection of one service, and the next inspection due in
 * the three-year programme. Revision 1's paths are in safeguardingLac.test.ts.
 */
const grades = (grade: string, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, grade]));
const SAFEGUARDING_KEYS = ['overallEffectiveness', 'capacityForImprovement', 'ambitionAndPrioritisation', 'leadershipAndManagement', 'performanceManagementAndQualityAssurance', 'partnershipWorking', 'contributionOfHealthAgencies', 'qualityOfProvision', 'safeguardingOutcomes', 'equalityAndDiversity'];
const LAC_KEYS = ['overallEffectiveness', 'capacityForImprovement', 'ambitionAndPrioritisation', 'leadershipAndManagement', 'performanceManagementAndQualityAssurance', 'qualityOfProvision', 'beingHealthy', 'stayingSafe', 'enjoyingAndAchieving', 'makingAPositiveContribution', 'economicWellBeing', 'equalityAndDiversity'];
const safeguarding = grades('adequate', SAFEGUARDING_KEYS);
const lookedAfterChildren = grades('good', LAC_KEYS);
const both = { safeguarding, lookedAfterChildren } as unknown as SlacJudgements;

const SCOPES = {
  both: { input: {}, judgements: both, cases: { safeguardingCases: 4, lookedAfterChildrenCases: 4 } },
  safeguarding: { input: { scope: 'safeguarding', separateBecause: 'serious_safeguarding_concerns' }, judgements: { safeguarding }, cases: { safeguardingCases: 4 } },
  looked_after_children: { input: { scope: 'looked_after_children', separateBecause: 'judged_inadequate_previously' }, judgements: { lookedAfterChildren }, cases: { lookedAfterChildrenCases: 4 } },
} as const;

const AT = '2025-03-03';
const RECORDED = '2025-03-03T12:00:00.000Z';

describeEveryPath(
  Object.entries(SCOPES).map(
    ([scope, s]): PathCase => ({
      name: `safeguarding-lac r2 (${scope})`,
      definition: r2,
      input: s.input,
      samples: {
        NOTICE_GIVEN: [{ fieldworkStartsOn: '2025-03-17', cqcInspector: 'cqc-1' }],
        INSPECTION_STARTED_WITHOUT_NOTICE: [{ reason: 'serious_safeguarding_concerns', cqcInspector: 'cqc-1' }],
        CASES_SELECTED: [s.cases],
        FURTHER_CASES_SELECTED: [Object.fromEntries(Object.keys(s.cases).map((k) => [k, 6]))],
        SIGNIFICANT_RISK_TOLD_TO_DCS: [{ summary: 'child left at home with a known risk' }],
        FEEDBACK_GIVEN: [{ judgements: s.judgements }],
        JUDGEMENTS_CHANGED: [{ judgements: s.judgements, reasons: 'moderation' }],
        COMPLAINT_MADE: [{ summary: 'evidence not weighed', healthCareAspects: false }],
        COMPLAINT_RESOLVED: [{ outcome: 'not_upheld' }],
      },
      facts: (c, state) => ({
        riskPending: c.riskAwaitingWrittenConfirmationSince !== null,
        windowClosed: c.complaintWindowClosed,
        withoutNotice: c.withoutNoticeReason !== null,
        commentsReturned: state.matches({ inspection: { reporting: 'finalising' } }) && c.factualAccuracyCommentsReturned,
      }),
      exempt: ['FURTHER_CASES_SELECTED', 'CASE_AUDIT_SHARED', 'JUDGEMENTS_CHANGED', 'COMPLAINT_MADE', 'COMPLAINT_RESOLVED', 'SIGNIFICANT_RISK_TOLD_TO_DCS', 'RISK_CONFIRMED_IN_WRITING'],
    }),
  ),
  AT,
  RECORDED,
);

describe('safeguarding-lac revision 2: a separate inspection of one service (seed 001 ¶15)', () => {
  const notified = (input: Record<string, unknown>) => {
    const d = new PureDriver(r2, '2025-04-10', input);
    d.send('manager', '2025-04-10', 'NOTICE_GIVEN', { fieldworkStartsOn: '2025-04-28', cqcInspector: 'cqc-42' });
    d.send('inspector', '2025-04-16', 'SET_UP_MEETING_HELD');
    return d;
  };

  it('is made only exceptionally, for a reason the seed gives; a joint inspection gives none', () => {
    expect(r2.inputSchema.safeParse({ scope: 'safeguarding' }).error?.issues[0]?.message).toMatch(/exceptionally/);
    expect(r2.inputSchema.safeParse({ scope: 'safeguarding', separateBecause: 'serious_safeguarding_concerns' }).success).toBe(true);
    expect(r2.inputSchema.safeParse({ separateBecause: 'serious_safeguarding_concerns' }).success).toBe(false);
    expect(r2.inputSchema.safeParse({}).success).toBe(true);
    expect(r1.inputSchema.safeParse({ scope: 'safeguarding', separateBecause: 'serious_safeguarding_concerns' }).success).toBe(false);
  });

  it("takes the cases and judgements of the service inspected only, saying which when they do not match, and changes nothing", () => {
    const d = notified(SCOPES.safeguarding.input);
    expect(refusal(() => d.send('inspector', '2025-04-17', 'CASES_SELECTED', SCOPES.both.cases)).message).toMatch(/covers safeguarding: cases for lookedAfterChildren are not taken/);
    expect(d.view('2025-04-17').status).toMatch(/^case_sampling/);
    d.send('inspector', '2025-04-17', 'CASES_SELECTED', SCOPES.safeguarding.cases);
    d.send('inspector', '2025-04-28', 'FIELDWORK_STARTED');
    expect(refusal(() => d.send('inspector', '2025-05-09', 'FEEDBACK_GIVEN', { judgements: { lookedAfterChildren } })).message).toMatch(/judgements for safeguarding are required/);
    const fed = d.send('inspector', '2025-05-09', 'FEEDBACK_GIVEN', { judgements: { safeguarding } });
    expect(fed.facts).toMatchObject({ scope: 'safeguarding', separateBecause: 'serious_safeguarding_concerns', judgements: { safeguarding } });
  });

  it('a joint inspection still takes both sections, as revision 1 does', () => {
    const d = notified({});
    expect(refusal(() => d.send('inspector', '2025-04-17', 'CASES_SELECTED', { safeguardingCases: 4 })).message).toMatch(/cases for lookedAfterChildren are required/);
  });

  it('publication records the headline of the service inspected and the next inspection due in the programme', () => {
    const d = notified(SCOPES.looked_after_children.input);
    d.send('inspector', '2025-04-17', 'CASES_SELECTED', SCOPES.looked_after_children.cases);
    d.send('inspector', '2025-04-28', 'FIELDWORK_STARTED');
    d.send('inspector', '2025-05-09', 'FEEDBACK_GIVEN', { judgements: { lookedAfterChildren: { ...lookedAfterChildren, overallEffectiveness: 'inadequate' } } });
    d.send('inspector', '2025-05-12', 'DRAFT_REPORT_SENT');
    d.send('provider', '2025-05-13', 'FACTUAL_ACCURACY_COMMENTS_RETURNED');
    d.send('manager', '2025-05-14', 'FINAL_REPORT_SENT');
    const published = d.send('manager', '2025-05-15', 'REPORT_PUBLISHED');
    expect(published.grade).toBe('inadequate');
    expect(published.facts.nextInspectionDue).toMatchObject({ by: '2030-03-31', furtherInspectionMayFollow: expect.stringContaining('may follow') });
  });

  it('is the revision new inspections start on', () => {
    expect(versionInForce('safeguarding-lac', '2011-01-10')).toBe(r2);
    expect(r1.events.FEEDBACK_GIVEN?.breaks).toBeUndefined();
  });
});

describe('the next inspection of safeguarding and looked after children services (seed 001 ¶7)', () => {
  it('counts three-year periods from 1 April 2009 and is due by the end of the period after the last inspection', () => {
    expect(programmePeriodStart('2009-04-01')).toBe('2009-04-01');
    expect(programmePeriodStart('2012-03-31')).toBe('2009-04-01');
    expect(programmePeriodStart('2012-04-01')).toBe('2012-04-01');
    expect(programmePeriodStart('2025-05-09')).toBe('2024-04-01');
    expect(nextInspectionDue('2011-01-20', 'good')).toMatchObject({ by: '2015-03-31', source: expect.stringContaining('¶7') });
    expect(nextInspectionDue('2012-04-01', 'adequate').by).toBe('2018-03-31');
    expect(nextInspectionDue('2011-01-20', 'good').furtherInspectionMayFollow).toBeUndefined();
  });
});
