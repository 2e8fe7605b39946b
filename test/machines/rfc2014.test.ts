import { isInState } from '../../engine/stage';
import { getDefinition, revisionsOf, versionInForce } from '../../machines/registry';
import { rfcFullInspection2014 as full, rfcFullInspection2014v2 as fullR2 } from '../../machines/rfc-2014/fullInspection';
import { nextInspectionDue } from '../../machines/rfc-2014/nextInspection';
import { LIMITING_MESSAGES, rfc2014Judgements } from '../../machines/rfc-2014/judgements';
import { rfcMonitoringInspection2014 as monitoring } from '../../machines/rfc-2014/monitoringInspection';
import { rfcFullInspection2024 } from '../../machines/sccif-rfc/fullInspection';
import { PureDriver, breaches, overdue, refusal } from '../support/pureDriver';
import { describeEveryPath } from '../support/everyPath';

const AREAS = ['overallExperiences', 'qualityOfAssessment', 'helpAndProtection', 'leadershipAndManagement', 'workingWithPartners'] as const;
const GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
type Judgements = Record<(typeof AREAS)[number], (typeof GRADES)[number]>;

const good: Judgements = {
  overallExperiences: 'good',
  qualityOfAssessment: 'good',
  helpAndProtection: 'good',
  leadershipAndManagement: 'good',
  workingWithPartners: 'good',
};
const inadequate: Judgements = { ...good, overallExperiences: 'inadequate', helpAndProtection: 'inadequate' };
const requiresImprovement: Judgements = { ...good, overallExperiences: 'requires_improvement' };

describe('framework versions of the residential family centre full inspection', () => {
  it('takes the 2014 framework (v0, its latest revision) for an inspection starting in 2015 and the 2024 SCCIF (v1, its latest revision) for one in 2025', () => {
    expect(versionInForce('sccif-rfc-full', '2015-06-01')).toBe(fullR2);
    expect(versionInForce('sccif-rfc-full', '2025-06-01').machineRevision).toBe(revisionsOf('sccif-rfc-full', 1).length);
    expect(revisionsOf('sccif-rfc-full', 1)[0]).toBe(rfcFullInspection2024);
    expect(full).toMatchObject({ type: 'sccif-rfc-full', version: 0, inForceFrom: '2014-09-01' });
  });

  it('changes version on the day the 2024 framework comes into force, and on the 2014 one', () => {
    expect(versionInForce('sccif-rfc-full', '2024-04-04').version).toBe(0);
    expect(versionInForce('sccif-rfc-full', '2024-04-05').version).toBe(1);
    expect(versionInForce('sccif-rfc-full', '2014-09-01').version).toBe(0);
    expect(versionInForce('sccif-rfc-full', '2010-01-01').version).toBe(0); // before any: the oldest
    expect(versionInForce('rfc-2014-monitoring', '2025-06-01')).toBe(monitoring);
    expect(getDefinition('sccif-rfc-full', 0, 1)).toBe(full);
    expect(getDefinition('sccif-rfc-full', 1, 1)).toBe(rfcFullInspection2024);
  });

  it("keeps each version's own rules: a 2024 judgement set is refused by the 2014 machine", () => {
    const driver = new PureDriver(full, '2015-06-01');
    driver.send('inspector', '2015-06-02', 'INSPECTION_STARTED');
    const sccif = { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' };
    expect(refusal(() => driver.send('inspector', '2015-06-03', 'FEEDBACK_GIVEN', { judgements: sccif }))).toMatchObject({ code: 'invalid_payload' });
  });
});

describe('limiting judgements of the 2014 framework (seed 004 ¶32–33): every combination', () => {
  /** All 4^5 = 1024 sets of the five judgements. */
  const combinations: Judgements[] = AREAS.reduce<Partial<Judgements>[]>(
    (sets, area) => sets.flatMap((set) => GRADES.map((grade) => ({ ...set, [area]: grade }))),
    [{}],
  ) as Judgements[];

  /** The rules as the seed words them, written here independently of the schema. */
  function brokenRules(j: Judgements): string[] {
    const broken: string[] = [];
    // ¶32: help and protection inadequate → overall "will always be inadequate".
    if (j.helpAndProtection === 'inadequate' && j.overallExperiences !== 'inadequate') broken.push('helpAndProtection');
    // ¶33: leaders and managers, or working with partners, inadequate → overall "always no more than requires improvement".
    const overallAtBestGood = j.overallExperiences === 'outstanding' || j.overallExperiences === 'good';
    if (j.leadershipAndManagement === 'inadequate' && overallAtBestGood) broken.push('leadershipAndManagement');
    if (j.workingWithPartners === 'inadequate' && overallAtBestGood) broken.push('workingWithPartners');
    return broken;
  }

  it('generates every combination once', () => {
    expect(combinations).toHaveLength(1024);
    expect(new Set(combinations.map((c) => JSON.stringify(c))).size).toBe(1024);
  });

  it('accepts exactly the combinations the rules allow, naming each rule broken', () => {
    let accepted = 0;
    for (const judgements of combinations) {
      const result = rfc2014Judgements.safeParse(judgements);
      const broken = brokenRules(judgements);
      expect({ judgements, ok: result.success }).toEqual({ judgements, ok: broken.length === 0 });
      if (result.success) accepted++;
      else expect(result.error.issues.map((i) => i.message)).toEqual(broken.map((rule) => LIMITING_MESSAGES[rule as keyof typeof LIMITING_MESSAGES]));
    }
    // Counted by hand: help and protection inadequate (256 sets) leaves only overall inadequate (64);
    // otherwise (768) 4·3·4·4 = 192 per overall grade; of the sets with overall outstanding or good, those with
    // neither leaders nor partners inadequate are 4·3·3·3 = 108 each. 64 + 192 + 192 + 108 + 108 = 664.
    expect(accepted).toBe(664);
  });

  it('lets quality of assessment be inadequate with any overall grade (no limiting rule for it, E8)', () => {
    for (const overall of GRADES) expect(rfc2014Judgements.safeParse({ ...good, qualityOfAssessment: 'inadequate', overallExperiences: overall }).success).toBe(true);
  });

  it('refuses a set that breaks a rule when feedback is recorded, with the message, and at quality assurance', () => {
    const driver = new PureDriver(full, '2015-06-01');
    driver.send('inspector', '2015-06-02', 'INSPECTION_STARTED');
    const capped = refusal(() => driver.send('inspector', '2015-06-03', 'FEEDBACK_GIVEN', { judgements: { ...good, workingWithPartners: 'inadequate' } }));
    expect(capped).toMatchObject({ code: 'invalid_payload', message: expect.stringContaining('cannot be better than requires improvement') });
    driver.send('inspector', '2015-06-03', 'FEEDBACK_GIVEN', { judgements: good });
    const limited = refusal(() =>
      driver.send('manager', '2015-06-04', 'JUDGEMENTS_CHANGED', { judgements: { ...good, helpAndProtection: 'inadequate' }, reasons: 'QA' }),
    );
    expect(limited).toMatchObject({ code: 'invalid_payload', message: expect.stringContaining('must be inadequate (limiting judgement') });
  });
});

describeEveryPath(
  [
    {
      definition: fullR2,
      name: '2014 full inspection, revision 2 (seed 004): the inadequate follow-up',
      input: { previousInspectionInadequate: true },
      minPaths: 21,
      samples: {
        FEEDBACK_GIVEN: [{ judgements: good }, { judgements: inadequate }],
        JUDGEMENTS_CHANGED: [{ judgements: requiresImprovement, reasons: 'quality assurance' }],
        COMPLAINT_MADE: [{ summary: 'judgement not supported by evidence' }],
        COMPLIANCE_INSPECTOR_CONSULTED: [{ complianceInspector: 'J. Patel', immediateRiskOffenceOrConditionsBreach: false }],
        CASE_DISCUSSION_INSTIGATED: [{ enforcementToConsider: 'a compliance notice on assessment records' }],
      },
      facts: (context, state) => {
        const c = context as { judgements: { overallExperiences: string } | null; provisionalJudgements: unknown; complianceConsultation: unknown; caseDiscussion: unknown };
        return {
          changed: isInState(state, 'reporting') && JSON.stringify(c.judgements) !== JSON.stringify(c.provisionalJudgements),
          inadequate: isInState(state, 'reporting') && c.judgements?.overallExperiences === 'inadequate',
          complained: isInState(state, 'reporting') && (context as { complaintReceivedDate: string | null }).complaintReceivedDate !== null,
          commentsReceived: isInState(state, 'reporting.finalising') && (context as { commentsReceived: boolean }).commentsReceived,
          consulted: c.complianceConsultation !== null,
          discussed: c.caseDiscussion !== null,
        };
      },
    },
    {
      definition: full,
      name: '2014 full inspection (seed 004)',
      input: {},
      minPaths: 21,
      samples: {
        FEEDBACK_GIVEN: [{ judgements: good }, { judgements: inadequate }],
        JUDGEMENTS_CHANGED: [{ judgements: requiresImprovement, reasons: 'quality assurance' }],
        COMPLAINT_MADE: [{ summary: 'judgement not supported by evidence' }],
      },
      facts: (context, state) => {
        const c = context as { judgements: unknown; provisionalJudgements: unknown; complaintReceivedDate: string | null; commentsReceived: boolean };
        return {
          changed: isInState(state, 'reporting') && JSON.stringify(c.judgements) !== JSON.stringify(c.provisionalJudgements),
          inadequate: isInState(state, 'reporting') && JSON.stringify(c.provisionalJudgements) === JSON.stringify(inadequate),
          complained: isInState(state, 'reporting') && c.complaintReceivedDate !== null,
          commentsReceived: isInState(state, 'reporting.finalising') && c.commentsReceived,
        };
      },
    },
    {
      definition: monitoring,
      name: '2014 monitoring inspection (seed 004)',
      input: {},
      minPaths: 11,
      samples: {
        INSPECTION_CANCELLED: [{ reason: 'concern resolved by a case discussion' }],
        FEEDBACK_GIVEN: [{ outcome: 'requirements_set', findings: 'staff vetting records incomplete' }],
        NO_REPORT_DECIDED: [{ reason: 'findings go to the case discussion' }],
        COMPLAINT_MADE: [{ summary: 'findings not supported by evidence' }],
      },
      facts: (context, state) => {
        const c = context as { complaintReceivedDate: string | null; commentsReceived: boolean };
        return {
          complained: isInState(state, 'reporting') && c.complaintReceivedDate !== null,
          commentsReceived: isInState(state, 'reporting.finalising') && c.commentsReceived,
        };
      },
    },
  ],
  '2016-03-17',
  '2016-03-17T12:00:00.000Z',
);

/**
 * On site Wednesday 16 March 2016, oral feedback Thursday 17 March 2016 (the end of the inspection). Easter 2016:
 * Good Friday 25 March and Easter Monday 28 March are bank holidays.
 */
function fullToFeedback(judgements: Judgements = good) {
  const driver = new PureDriver(full, '2016-03-14');
  driver.send('inspector', '2016-03-16', 'INSPECTION_STARTED');
  driver.send('inspector', '2016-03-17', 'FEEDBACK_GIVEN', { judgements });
  return driver;
}

describe('2014 full inspection (seed 004): rules and clocks, worked by hand across Easter 2016', () => {
  it('starts scheduled and unannounced: arrival is the only step (¶14)', () => {
    const view = new PureDriver(full, '2016-03-14').view('2016-03-14');
    expect(view).toMatchObject({ status: 'scheduled', deadlines: [] });
    expect(view.allowedDecisions.map((d) => d.event)).toEqual(['INSPECTION_STARTED']);
  });

  it('sets the report (10 working days) and publication (20) targets from the feedback day (¶63)', () => {
    const view = fullToFeedback().view('2016-03-17');
    expect(view.status).toBe('quality_assurance');
    // Feedback Thursday 17 March. Report: 18 (1), 21, 22, 23, 24 (5); Good Friday 25, the weekend and Easter
    // Monday 28 skipped; 29, 30, 31 March, 1 April (9), Monday 4 April (10).
    // Publication: 5, 6, 7, 8 (14), 11, 12, 13, 14, 15 (19), Monday 18 April (20).
    expect(view.deadlines.map((d) => [d.clock, d.due, d.kind])).toEqual([
      ['draftReport', '2016-04-04', 'target'],
      ['publication', '2016-04-18', 'target'],
    ]);
    expect(view.facts).toMatchObject({ feedbackDate: '2016-03-17', provisionalJudgements: good, judgements: good });
  });

  it("closes the provider's 5-working-day factual accuracy window by itself, across Easter (¶63)", () => {
    const driver = fullToFeedback();
    // Sent Thursday 24 March: Good Friday 25 and Easter Monday 28 skipped; 29, 30, 31 March, 1 April (4), Monday 4 April (5).
    const sent = driver.send('inspector', '2016-03-24', 'DRAFT_REPORT_SENT');
    expect(sent.status).toBe('awaiting_provider_comments');
    expect(sent.deadlines.map((d) => [d.clock, d.due, d.kind])).toEqual([
      ['commentWindow', '2016-04-04', 'window'],
      ['publication', '2016-04-18', 'target'],
    ]);
    expect(driver.advanceTo('2016-04-04').status).toBe('awaiting_provider_comments');
    const closed = driver.advanceTo('2016-04-05');
    expect(closed).toMatchObject({ status: 'finalising_report', breaches: [], facts: { commentsReceived: false } });
    expect(closed.deadlines.map((d) => [d.clock, d.due])).toEqual([['publication', '2016-04-18']]);
  });

  it('moves on when the provider returns comments, and publishes with the grade as changed at quality assurance', () => {
    const driver = fullToFeedback();
    driver.send('inspector', '2016-03-24', 'DRAFT_REPORT_SENT');
    expect(driver.send('provider', '2016-03-29', 'COMMENTS_SUBMITTED')).toMatchObject({ status: 'finalising_report', facts: { commentsReceived: true } });
    driver.send('manager', '2016-03-31', 'JUDGEMENTS_CHANGED', { judgements: requiresImprovement, reasons: 'factual accuracy comments upheld in part' });
    driver.record.takeEffects();
    const published = driver.send('manager', '2016-04-18', 'REPORT_PUBLISHED');
    expect(published).toMatchObject({ status: 'published', done: true, grade: 'requires_improvement', breaches: [], deadlines: [] });
    expect(published.facts).toMatchObject({ publishedDate: '2016-04-18', provisionalJudgements: good });
    expect(driver.record.takeEffects().map((e) => e.type)).toEqual(['publishReport']);
  });

  it('shows a late report and a late publication overdue, breaches once each is dated late, and still goes on', () => {
    const driver = fullToFeedback();
    expect(overdue(driver.advanceTo('2016-04-04'))).toEqual([]);
    expect(overdue(driver.advanceTo('2016-04-05'))).toEqual([['draftReport', '2016-04-04']]);
    expect(breaches(driver.send('inspector', '2016-04-12', 'DRAFT_REPORT_SENT'))).toEqual([['draftReport', '2016-04-04', '2016-04-12']]);
    // The window (12 April + 5: 19 April) outlasts the publication target (18 April): the target is missed.
    expect(overdue(driver.advanceTo('2016-04-19'))).toEqual([['publication', '2016-04-18']]);
    expect(driver.advanceTo('2016-04-20').status).toBe('finalising_report');
    expect(breaches(driver.send('manager', '2016-04-20', 'REPORT_PUBLISHED'))).toEqual([
      ['draftReport', '2016-04-04', '2016-04-12'],
      ['publication', '2016-04-18', '2016-04-20'],
    ]);
  });

  it('records a complaint without delaying publication (¶63, ¶79)', () => {
    const driver = fullToFeedback();
    driver.send('inspector', '2016-03-24', 'DRAFT_REPORT_SENT');
    const complained = driver.send('provider', '2016-03-29', 'COMPLAINT_MADE', { summary: 'judgement not supported by evidence' });
    expect(complained).toMatchObject({ status: 'awaiting_provider_comments', facts: { complaintReceivedDate: '2016-03-29' } });
    expect(complained.deadlines.find((d) => d.clock === 'publication')!.due).toBe('2016-04-18');
  });

  it('refuses a role the seed does not give the step', () => {
    const driver = fullToFeedback();
    expect(refusal(() => driver.send('provider', '2016-03-18', 'DRAFT_REPORT_SENT'))).toMatchObject({ code: 'forbidden', roles: ['inspector'] });
    expect(refusal(() => driver.send('inspector', '2016-03-18', 'REPORT_PUBLISHED'))).toMatchObject({ code: 'forbidden', roles: ['manager'] });
  });

  it('audits every rule with its seed 004 paragraph', () => {
    const driver = fullToFeedback();
    driver.send('inspector', '2016-03-24', 'DRAFT_REPORT_SENT');
    driver.advanceTo('2016-04-05');
    driver.send('manager', '2016-04-06', 'REPORT_PUBLISHED');
    const entries = driver.record.takeEntries();
    expect(entries[0]).toMatchObject({ kind: 'inspection.started', data: { type: 'sccif-rfc-full', version: 0 } });
    for (const entry of entries.filter((e) => e.kind.startsWith('deadline.') || e.kind === 'decision.accepted')) {
      expect(entry.source).toMatch(/^seed 004 .*¶\d+/);
    }
  });
});

describe('2014 monitoring inspection (seed 004): rules and clocks, worked by hand across Christmas 2015', () => {
  /** On site Thursday 17 December 2015, feedback Friday 18 December. */
  function toFeedback() {
    const driver = new PureDriver(monitoring, '2015-12-14', { trigger: 'complaint' });
    driver.send('inspector', '2015-12-17', 'INSPECTION_STARTED');
    driver.send('inspector', '2015-12-18', 'FEEDBACK_GIVEN', { outcome: 'case_discussion', findings: 'allegation not referred to the LADO' });
    return driver;
  }

  it('starts from its trigger, unannounced unless said otherwise (¶13–14); a manager may call it off', () => {
    const driver = new PureDriver(monitoring, '2015-12-14', { trigger: 'enforcement_follow_up' });
    expect(driver.view('2015-12-14')).toMatchObject({ status: 'scheduled', grade: null, facts: { trigger: 'enforcement_follow_up', announced: false } });
    expect(refusal(() => driver.send('inspector', '2015-12-14', 'INSPECTION_CANCELLED', { reason: 'x' }))).toMatchObject({ code: 'forbidden' });
    expect(driver.send('manager', '2015-12-15', 'INSPECTION_CANCELLED', { reason: 'enforcement withdrawn' })).toMatchObject({ status: 'cancelled', done: true });
    expect(monitoring.inputSchema.safeParse({ trigger: 'whim' }).success).toBe(false); // the API checks the input
    expect(monitoring.inputSchema.safeParse({ trigger: 'incident', announced: true }).success).toBe(true);
  });

  it('sets the report (10 working days) and publication (20) targets from the feedback day, across Christmas and New Year', () => {
    const view = toFeedback().view('2015-12-18');
    // Feedback Friday 18 December 2015. Report: 21, 22, 23, 24 (4); Christmas Day 25, the weekend and Boxing Day
    // (substitute, Monday 28) skipped; 29, 30, 31 (7); New Year's Day skipped; 4, 5 January (9), Wednesday 6 (10).
    // Publication: 7, 8 (12), 11 to 15 (17), 18, 19 (19), Wednesday 20 January 2016 (20).
    expect(view).toMatchObject({ status: 'quality_assurance', facts: { outcome: 'case_discussion', feedbackDate: '2015-12-18' } });
    expect(view.deadlines.map((d) => [d.clock, d.due, d.kind])).toEqual([
      ['draftReport', '2016-01-06', 'target'],
      ['publication', '2016-01-20', 'target'],
    ]);
  });

  it("closes the provider's 5-working-day window by itself, and publishes without a grade", () => {
    const driver = toFeedback();
    // Sent Wednesday 23 December 2015: 24 (1), 29, 30, 31 (4), Monday 4 January 2016 (5).
    driver.send('inspector', '2015-12-23', 'DRAFT_REPORT_SENT');
    expect(driver.deadline('commentWindow', '2015-12-23')).toBe('2016-01-04');
    expect(driver.advanceTo('2016-01-04').status).toBe('awaiting_provider_comments');
    expect(driver.advanceTo('2016-01-05').status).toBe('finalising_report');
    driver.record.takeEffects();
    expect(driver.send('manager', '2016-01-07', 'REPORT_PUBLISHED')).toMatchObject({ status: 'published', done: true, grade: null, breaches: [] });
    expect(driver.record.takeEffects().map((e) => e.type)).toEqual(['publishReport']);
  });

  it('stops the report clocks when a manager decides there is no report (E12)', () => {
    const driver = toFeedback();
    const closed = driver.send('manager', '2016-01-04', 'NO_REPORT_DECIDED', { reason: 'findings go to the case discussion' });
    expect(closed).toMatchObject({ status: 'closed_without_report', done: true, deadlines: [] });
    expect(driver.advanceTo('2016-02-01').breaches).toEqual([]);
  });

  it('shows the report overdue after 6 January 2016', () => {
    const driver = toFeedback();
    expect(overdue(driver.advanceTo('2016-01-06'))).toEqual([]);
    expect(overdue(driver.advanceTo('2016-01-07'))).toEqual([['draftReport', '2016-01-06']]);
  });

  it('records no grade and refuses judgements: monitoring inspections are not graded (¶13)', () => {
    const driver = new PureDriver(monitoring, '2015-12-14');
    driver.send('inspector', '2015-12-17', 'INSPECTION_STARTED');
    expect(refusal(() => driver.send('inspector', '2015-12-18', 'FEEDBACK_GIVEN', { outcome: 'no_further_action', findings: 'x', judgements: good }))).toMatchObject({
      code: 'invalid_payload',
    });
  });
});

describe('2014 full inspection revision 2: after a judgement of inadequate (seed 004 ¶12, ¶27–29, ¶42–45)', () => {
  const judged = (judgements: Judgements, input: Record<string, unknown> = {}) => {
    const d = new PureDriver(fullR2, '2016-03-14', input);
    d.send('inspector', '2016-03-15', 'INSPECTION_STARTED');
    d.send('inspector', '2016-03-17', 'FEEDBACK_GIVEN', { judgements });
    return d;
  };
  const consult = (d: PureDriver, immediateRiskOffenceOrConditionsBreach: boolean) =>
    d.send('inspector', '2016-03-18', 'COMPLIANCE_INSPECTOR_CONSULTED', { complianceInspector: 'J. Patel', immediateRiskOffenceOrConditionsBreach });

  it('does not send the report of an inadequate centre until a compliance inspector is consulted, saying so, and changes nothing', () => {
    const d = judged(inadequate);
    expect(refusal(() => d.send('inspector', '2016-03-21', 'DRAFT_REPORT_SENT')).message).toMatch(/consulting a Social Care Compliance Inspector/);
    expect(d.view('2016-03-21').status).toBe('quality_assurance');
    consult(d, false);
    expect(d.send('inspector', '2016-03-21', 'DRAFT_REPORT_SENT').status).toBe('awaiting_provider_comments');
  });

  it('requires the case discussion where there is immediate risk, an offence or a breach of conditions, or the last inspection was inadequate', () => {
    for (const [input, risk] of [[{}, true], [{ previousInspectionInadequate: true }, false]] as const) {
      const d = judged(inadequate, input);
      consult(d, risk);
      expect(refusal(() => d.send('inspector', '2016-03-21', 'DRAFT_REPORT_SENT')).message).toMatch(/case discussion/);
      d.send('manager', '2016-03-21', 'CASE_DISCUSSION_INSTIGATED', { enforcementToConsider: 'a compliance notice' });
      expect(d.send('inspector', '2016-03-21', 'DRAFT_REPORT_SENT').facts).toMatchObject({ caseDiscussion: { instigatedOn: '2016-03-21' } });
    }
  });

  it('holds nothing back for a centre not judged inadequate, and publication records the next inspection due', () => {
    const d = judged(good);
    d.send('inspector', '2016-03-21', 'DRAFT_REPORT_SENT');
    d.send('provider', '2016-03-22', 'COMMENTS_SUBMITTED');
    const published = d.send('manager', '2016-04-01', 'REPORT_PUBLISHED');
    expect(published.facts.nextInspectionDue).toMatchObject({ by: '2019-03-16', source: expect.stringContaining('¶10, ¶13') });
  });

  it('a judgement turned inadequate at quality assurance after the draft holds publication until the follow-up is recorded', () => {
    const d = judged(good);
    d.send('inspector', '2016-03-21', 'DRAFT_REPORT_SENT');
    d.send('provider', '2016-03-22', 'COMMENTS_SUBMITTED');
    d.send('manager', '2016-03-23', 'JUDGEMENTS_CHANGED', { judgements: inadequate, reasons: 'moderation' });
    expect(refusal(() => d.send('manager', '2016-04-01', 'REPORT_PUBLISHED')).message).toMatch(/Compliance Inspector/);
    consult(d, false);
    expect(d.send('manager', '2016-04-01', 'REPORT_PUBLISHED').facts.nextInspectionDue).toMatchObject({ by: '2017-03-17', source: expect.stringContaining('¶12, ¶45') });
  });

  it('revision 1 has none of it', () => {
    expect(full.events.COMPLIANCE_INSPECTOR_CONSULTED).toBeUndefined();
    expect(full.inputSchema.safeParse({ previousInspectionInadequate: true }).success).toBe(false);
  });
});

describe('the next full inspection under the 2014 framework (seed 004 ¶10, ¶12, ¶13, ¶45)', () => {
  it('is within 12 months of an inadequate one, and within the three-year cycle otherwise, from the end of the inspection', () => {
    expect(nextInspectionDue('2016-03-17', 'inadequate').by).toBe('2017-03-17');
    for (const grade of ['outstanding', 'good', 'requires_improvement'] as const) expect(nextInspectionDue('2016-03-17', grade).by).toBe('2019-03-16');
    expect(nextInspectionDue('2016-02-29', 'good').by).toBe('2019-02-27'); // 28 February 2019, the anniversary of a leap day, less one
    expect(nextInspectionDue('2016-02-29', 'inadequate').by).toBe('2017-02-28');
    expect(nextInspectionDue('2016-03-17', 'good').reading).toMatch(/does not say when a cycle starts/);
  });
});
