import { rfcFullInspection2024 as definition } from '../../machines/sccif-rfc/fullInspection';
import { PureDriver, actors, breaches, middayOn, overdue, refusal } from '../support/pureDriver';

const good = {
  overallExperiencesAndProgress: 'good',
  helpAndProtection: 'good',
  leadershipAndManagement: 'good',
};
const requiresImprovement = { ...good, overallExperiencesAndProgress: 'requires_improvement' };

/** On site 11–13 Dec 2024, feedback on Friday 13 Dec: every report clock crosses Christmas and New Year. */
function toFeedback(driver = new PureDriver(definition, '2024-12-02')) {
  driver.send('inspector', '2024-12-11', 'INSPECTION_STARTED');
  driver.send('inspector', '2024-12-13', 'FEEDBACK_GIVEN', { judgements: good });
  return driver;
}


describe('SCCIF residential family centre full inspection (seed 002)', () => {
  it('starts scheduled, with deferral or arrival the only decisions', () => {
    const view = new PureDriver(definition, '2024-12-02').view('2024-12-02');
    expect(view.status).toBe('scheduled');
    expect(view.allowedDecisions.map((d) => d.event)).toEqual(['DEFERRAL_REQUESTED', 'INSPECTION_STARTED']);
    expect(view.deadlines).toEqual([]);
  });

  it('takes a deferral request to a manager, who grants it with a new date or refuses it', () => {
    const driver = new PureDriver(definition, '2024-12-02');
    driver.send('provider', '2024-12-02', 'DEFERRAL_REQUESTED', { reason: 'manager in hospital' });
    expect(driver.view('2024-12-02').status).toBe('deferral_requested');
    expect(driver.send('manager', '2024-12-03', 'DEFERRAL_GRANTED', { newDate: '2025-01-20' }).facts).toMatchObject({
      deferrals: 1,
      scheduledFor: '2025-01-20',
    });
    driver.send('provider', '2024-12-04', 'DEFERRAL_REQUESTED', { reason: 'again' });
    const refused = driver.send('manager', '2024-12-05', 'DEFERRAL_REFUSED');
    expect(refused.status).toBe('scheduled');
    expect(refused.facts).toMatchObject({ deferrals: 1, scheduledFor: '2025-01-20' });
  });

  it('lets the inspector arrive while a deferral request is still undecided', () => {
    const driver = new PureDriver(definition, '2024-12-02');
    driver.send('provider', '2024-12-10', 'DEFERRAL_REQUESTED', { reason: 'asked at the start of the inspection' });
    expect(driver.send('inspector', '2024-12-10', 'INSPECTION_STARTED').status).toBe('on_site');
  });

  it('runs the on-site clock for 2 working days after arrival, extended by the RIM and by a pause', () => {
    const driver = new PureDriver(definition, '2024-12-02');
    driver.send('inspector', '2024-12-12', 'INSPECTION_STARTED'); // Thursday
    expect(driver.deadline('onSiteLength', '2024-12-12')).toBe('2024-12-16'); // Monday: the weekend does not count
    driver.send('manager', '2024-12-12', 'ON_SITE_EXTENDED', { days: 1 });
    expect(driver.deadline('onSiteLength', '2024-12-12')).toBe('2024-12-17');
    driver.send('manager', '2024-12-13', 'INSPECTION_PAUSED', { reason: 'serious incident at the centre' });
    expect(driver.view('2024-12-13')).toMatchObject({ status: 'paused', deadlines: [] });
    expect(driver.send('manager', '2024-12-18', 'INSPECTION_RESUMED').status).toBe('on_site');
    // Paused from Friday 13th to Wednesday 18th: 3 working days (16, 17, 18) are added.
    expect(driver.deadline('onSiteLength', '2024-12-18')).toBe('2024-12-20');
  });

  it('shows overrunning on-site work as overdue without moving on, and a breach once feedback is dated late', () => {
    const driver = new PureDriver(definition, '2024-12-02');
    driver.send('inspector', '2024-12-10', 'INSPECTION_STARTED');
    const view = driver.advanceTo('2024-12-13');
    expect(view.status).toBe('on_site');
    expect(overdue(view)).toEqual([['onSiteLength', '2024-12-12']]);
    expect(view.breaches).toEqual([]);
    const after = driver.send('inspector', '2024-12-13', 'FEEDBACK_GIVEN', { judgements: good });
    expect(breaches(after)).toEqual([['onSiteLength', '2024-12-12', '2024-12-13']]);
  });

  it('under arrival order (engine revision 1, inspections started before business time), breaches a target the moment it is due', () => {
    const driver = new PureDriver(definition, '2024-12-02', {}, 1);
    driver.send('inspector', '2024-12-10', 'INSPECTION_STARTED');
    expect(breaches(driver.advanceTo('2024-12-13'))).toEqual([['onSiteLength', '2024-12-12', null]]);
    expect(breaches(driver.send('inspector', '2024-12-13', 'FEEDBACK_GIVEN', { judgements: good }))).toEqual([['onSiteLength', '2024-12-12', '2024-12-13']]);
    expect(refusal(() => driver.record.decide({ event: 'DRAFT_REPORT_SENT', at: '2024-12-12' }, actors.inspector, middayOn('2024-12-16')))).toMatchObject({
      code: 'invalid_date',
      message: expect.stringContaining('before the previous'),
    });
  });

  it('allows feedback after fieldwork, when the inspector waited for advice (no limit)', () => {
    const driver = new PureDriver(definition, '2024-12-02');
    driver.send('inspector', '2024-12-10', 'INSPECTION_STARTED');
    expect(driver.send('inspector', '2024-12-11', 'FIELDWORK_COMPLETED')).toMatchObject({ status: 'awaiting_feedback', deadlines: [] });
    const view = driver.send('inspector', '2025-01-06', 'FEEDBACK_GIVEN', { judgements: good });
    expect(view.facts.feedbackDate).toBe('2025-01-06');
  });

  it('sets the draft (18 working days) and final report (30) deadlines from the feedback day, across Christmas', () => {
    const view = toFeedback().view('2024-12-13');
    expect(view.status).toBe('quality_assurance');
    expect(view.deadlines.map((d) => [d.clock, d.due])).toEqual([
      ['draftReport', '2025-01-13'],
      ['finalReport', '2025-01-29'],
    ]);
  });

  it('says which running clock each possible decision answers, and so when it is due', () => {
    const driver = new PureDriver(definition, '2024-12-02');
    expect(driver.view('2024-12-02').allowedDecisions.map((d) => d.answers)).toEqual([null, null]);
    toFeedback(driver);
    const draft = driver.view('2024-12-16').allowedDecisions.find((d) => d.event === 'DRAFT_REPORT_SENT')!;
    expect(draft.answers).toMatchObject({ clock: 'draftReport', due: '2025-01-13', overdue: false });
    expect(driver.view('2025-01-14').allowedDecisions.find((d) => d.event === 'DRAFT_REPORT_SENT')!.answers).toMatchObject({ overdue: true });
    expect(driver.view('2024-12-16').allowedDecisions.find((d) => d.event === 'JUDGEMENTS_CHANGED')!.answers).toBeNull();
  });

  it('refuses the draft until the provider has been told of changed judgements, with reasons', () => {
    const driver = toFeedback();
    driver.send('manager', '2024-12-20', 'JUDGEMENTS_CHANGED', { judgements: requiresImprovement, reasons: 'moderation' });
    const refused = refusal(() => driver.send('inspector', '2024-12-20', 'DRAFT_REPORT_SENT'));
    expect(refused).toMatchObject({ code: 'not_allowed_now', allowed: expect.arrayContaining(['PROVIDER_TOLD_OF_CHANGED_JUDGEMENTS']) });
    expect(refused.code === 'not_allowed_now' && refused.allowed).not.toContain('DRAFT_REPORT_SENT');
    driver.send('inspector', '2024-12-23', 'PROVIDER_TOLD_OF_CHANGED_JUDGEMENTS');
    const view = driver.send('inspector', '2024-12-23', 'DRAFT_REPORT_SENT');
    expect(view.status).toBe('awaiting_provider_comments');
    expect(view.facts).toMatchObject({ provisionalJudgements: good, judgements: requiresImprovement });
  });

  it("closes the provider's 5-working-day comment window by itself", () => {
    const driver = toFeedback();
    driver.send('inspector', '2025-01-10', 'DRAFT_REPORT_SENT');
    expect(driver.deadline('commentWindow', '2025-01-10')).toBe('2025-01-17');
    expect(driver.advanceTo('2025-01-17').status).toBe('awaiting_provider_comments');
    const view = driver.advanceTo('2025-01-18');
    expect(view.status).toBe('finalising_report');
    expect(view.breaches).toEqual([]);
    expect(view.deadlines.map((d) => [d.clock, d.due])).toEqual([['finalReport', '2025-01-29']]);
  });

  it('moves on when the provider returns comments inside the window', () => {
    const driver = toFeedback();
    driver.send('inspector', '2025-01-10', 'DRAFT_REPORT_SENT');
    expect(driver.send('provider', '2025-01-13', 'COMMENTS_SUBMITTED').status).toBe('finalising_report');
  });

  it('stops the final-report clock during a complaint and extends it by the working days the complaint took', () => {
    const driver = toFeedback();
    driver.send('inspector', '2025-01-10', 'DRAFT_REPORT_SENT');
    const complaint = driver.send('provider', '2025-01-14', 'COMPLAINT_MADE', { summary: 'judgement not supported by evidence' });
    expect(complaint).toMatchObject({ status: 'complaint_under_review', deadlines: [] });
    expect(driver.advanceTo('2025-02-10').breaches).toEqual([]);
    const view = driver.send('manager', '2025-02-11', 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' });
    expect(view.facts.complaintWorkingDays).toBe(20); // 15 Jan .. 11 Feb 2025
    expect(driver.deadline('finalReport', '2025-02-11')).toBe('2025-02-26'); // 29 Jan + 20 working days
  });

  it('publishes by itself 5 working days after the final report, recording the grade', () => {
    const driver = toFeedback();
    driver.send('inspector', '2025-01-10', 'DRAFT_REPORT_SENT');
    driver.send('provider', '2025-01-13', 'COMMENTS_SUBMITTED');
    driver.record.takeEffects();
    const sent = driver.send('manager', '2025-01-24', 'FINAL_REPORT_SENT');
    expect(sent.deadlines.map((d) => [d.clock, d.due, d.kind])).toEqual([['publication', '2025-01-31', 'automatic']]);
    expect(driver.advanceTo('2025-01-31').status).toBe('awaiting_publication');
    const published = driver.advanceTo('2025-02-01');
    expect(published).toMatchObject({ status: 'published', done: true, grade: 'good', deadlines: [], allowedDecisions: [] });
    expect(published.facts.publishedDate).toBe('2025-01-31');
    expect(driver.record.takeEffects().map((e) => e.type)).toEqual(['publishReport']);
  });

  it('shows a late draft and final report as overdue, and records a breach when the late draft is dated', () => {
    const driver = toFeedback();
    const late = driver.advanceTo('2025-01-30');
    expect(late.status).toBe('quality_assurance');
    expect(overdue(late)).toEqual([
      ['draftReport', '2025-01-13'],
      ['finalReport', '2025-01-29'],
    ]);
    expect(late.breaches).toEqual([]);
    const sent = driver.send('inspector', '2025-01-30', 'DRAFT_REPORT_SENT');
    expect(sent.status).toBe('awaiting_provider_comments');
    expect(breaches(sent)).toEqual([['draftReport', '2025-01-13', '2025-01-30']]);
    expect(overdue(sent)).toEqual([['finalReport', '2025-01-29']]);
    const entries = driver.record.takeEntries();
    expect(entries.filter((e) => e.kind === 'deadline.overdue').map((e) => e.data.clock)).toEqual(['draftReport', 'finalReport']);
    expect(entries.filter((e) => e.kind === 'deadline.missed').map((e) => e.data)).toEqual([expect.objectContaining({ clock: 'draftReport', answeredOn: '2025-01-30' })]);
    expect(entries.find((e) => e.kind === 'deadline.closed' && e.data.clock === 'draftReport')?.data).toMatchObject({ met: false, on: '2025-01-30' });
  });

  it('judges a deadline met by the business date of the step, not by when it was recorded: no breach ever raised', () => {
    const driver = toFeedback();
    const awaited = driver.advanceTo('2025-01-20'); // the draft's target (13 Jan) runs out unrecorded: overdue
    expect(overdue(awaited)).toEqual([['draftReport', '2025-01-13']]);
    // recorded on 20 January, but the draft went out on 10 January
    const sent = driver.record.decide({ event: 'DRAFT_REPORT_SENT', at: '2025-01-10' }, actors.inspector, middayOn('2025-01-20'));
    const entries = driver.record.takeEntries();
    expect(entries.find((e) => e.kind === 'deadline.closed' && e.data.clock === 'draftReport')?.data).toMatchObject({ due: '2025-01-13', on: '2025-01-10', met: true });
    expect(entries.some((e) => e.kind === 'deadline.missed')).toBe(false);
    expect(sent.breaches).toEqual([]);
  });

  describe('refusals', () => {
    it('names the events that are allowed when an event comes in the wrong state', () => {
      const driver = new PureDriver(definition, '2024-12-02');
      expect(refusal(() => driver.send('inspector', '2024-12-02', 'DRAFT_REPORT_SENT'))).toMatchObject({
        code: 'not_allowed_now',
        stage: 'scheduled',
        allowed: ['DEFERRAL_REQUESTED', 'INSPECTION_STARTED'],
      });
    });

    it('refuses a role the machine does not name, and a provider acting for another provider', () => {
      const driver = new PureDriver(definition, '2024-12-02');
      expect(refusal(() => driver.send('provider', '2024-12-02', 'INSPECTION_STARTED'))).toMatchObject({ code: 'forbidden', roles: ['inspector'] });
      const stranger = { id: 'x', role: 'provider' as const, providerId: 'someone-else' };
      const check = driver.record.check({ event: 'DEFERRAL_REQUESTED', reason: 'r' }, stranger, middayOn('2024-12-02'));
      expect(check).toMatchObject({ ok: false, code: 'forbidden' });
      expect(driver.record.check({ event: 'DEFERRAL_REQUESTED', reason: 'r' }, { id: 's', role: 'system' }, middayOn('2024-12-02'))).toMatchObject({ ok: false, code: 'forbidden' });
    });

    it('refuses unknown events, unknown fields, and judgements that break the limiting rules', () => {
      const driver = new PureDriver(definition, '2024-12-02');
      expect(refusal(() => driver.send('inspector', '2024-12-02', 'NO_SUCH_EVENT'))).toMatchObject({ code: 'unknown_event' });
      expect(refusal(() => driver.send('inspector', '2024-12-02', 'INSPECTION_STARTED', { colour: 'red' }))).toMatchObject({ code: 'invalid_payload' });
      driver.send('inspector', '2024-12-10', 'INSPECTION_STARTED');
      const capped = refusal(() =>
        driver.send('inspector', '2024-12-11', 'FEEDBACK_GIVEN', { judgements: { ...good, helpAndProtection: 'inadequate' } }),
      );
      expect(capped).toMatchObject({ code: 'invalid_payload', message: expect.stringContaining('limiting judgement') });
    });

    it('refuses a date in the future or before the inspection was opened, and places a past date by the rules', () => {
      const driver = new PureDriver(definition, '2024-12-02');
      const now = middayOn('2024-12-10');
      expect(driver.record.check({ event: 'INSPECTION_STARTED', at: '2024-12-11' }, actors.inspector, now)).toMatchObject({ ok: false, code: 'invalid_date' });
      expect(driver.record.check({ event: 'INSPECTION_STARTED', at: '2024-12-01' }, actors.inspector, now)).toMatchObject({
        ok: false,
        code: 'invalid_date',
        message: 'at 2024-12-01 is before the inspection was opened, on 2024-12-02',
      });
      expect(driver.record.decide({ event: 'INSPECTION_STARTED', at: '2024-12-09' }, actors.inspector, now).facts.onSiteStartedAt).toBe('2024-12-09');
      expect(driver.record.check({ event: 'FIELDWORK_COMPLETED', at: '2024-12-08' }, actors.inspector, now)).toMatchObject({
        ok: false,
        code: 'not_allowed_now',
        message: 'FIELDWORK_COMPLETED is not allowed on 2024-12-08 at stage scheduled; allowed then: DEFERRAL_REQUESTED, INSPECTION_STARTED',
      });
    });
  });

  it('audits every decision, transition, deadline and effect with a consecutive sequence', () => {
    const driver = toFeedback();
    driver.send('inspector', '2025-01-10', 'DRAFT_REPORT_SENT');
    driver.advanceTo('2025-01-18');
    driver.send('manager', '2025-01-24', 'FINAL_REPORT_SENT');
    driver.advanceTo('2025-02-03');
    const entries = driver.record.takeEntries();
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries[0]).toMatchObject({ kind: 'inspection.started', actor: 'manager-1' });
    expect(entries.at(-1)).toMatchObject({ kind: 'inspection.completed' });
    const kinds = new Set(entries.map((e) => e.kind));
    for (const kind of ['decision.accepted', 'transition', 'deadline.set', 'deadline.closed', 'clock.expired', 'effect.requested']) {
      expect(kinds).toContain(kind);
    }
    for (const entry of entries.filter((e) => e.kind.startsWith('deadline.') || e.kind === 'decision.accepted')) {
      expect(entry.source).toMatch(/^seed 002/);
    }
  });
});
