import { addWorkingDays } from '../../calendar';
import { rfcFullInspection2024 } from '../../machines/sccif-rfc/fullInspection';
import { rfcFullInspection2024v2 } from '../../machines/sccif-rfc/fullInspectionV2';
import { rfcFullInspection2024v3 } from '../../machines/sccif-rfc/fullInspectionV3';
import { versionInForce } from '../../machines/registry';
import { PureDriver, refusal } from '../support/pureDriver';

/**
 * sccif-rfc-full v3: the concerns ladder (seed 002 §"Concerns or complaints about an inspection", §"Annex for figures"),
 * rung by rung, through the engine as the workflow and the API use it. The inspector is inspector-1, the manager
 * (acting as the inspector's RIM) manager-1 (test/support/pureDriver.ts).
 */
const DAY = '2026-11-23'; // a Monday
const NEXT = addWorkingDays(DAY, 1);
const good = { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' };
const start = (input: Record<string, unknown> = {}) => new PureDriver(rfcFullInspection2024v3, DAY, input);

const allowed = (view: { allowedDecisions: { event: string }[] }) => view.allowedDecisions.map((d) => d.event);

function onSite() {
  const d = start();
  d.send('inspector', DAY, 'INSPECTION_STARTED');
  return d;
}

describe('during the inspection: the inspector, then the inspector\'s RIM (seed 002 §"Concerns"; annex steps 1 and 2)', () => {
  it('records the concern and the action taken in the evidence; resolved there, nothing more happens', () => {
    const d = onSite();
    d.send('provider', DAY, 'CONCERN_RAISED_ON_SITE', { summary: 'the inspector did not see the night staff' });
    const view = d.send('inspector', DAY, 'CONCERN_ANSWERED_BY_INSPECTOR', { actionTaken: 'night visit arranged', resolved: true });
    expect(view.status).toBe('on_site');
    expect(view.facts.onSiteConcerns).toEqual([
      { raisedOn: DAY, summary: 'the inspector did not see the night staff', status: 'resolved_by_inspector', actionTaken: 'night visit arranged', rimId: null, rimResponse: null },
    ]);
    expect(refusal(() => d.send('provider', DAY, 'CONCERN_TAKEN_TO_RIM')).message).toMatch(/only a concern the inspector could not resolve/);
  });

  it("takes an unresolved concern to the inspector's RIM, who is then part of the inspection", () => {
    const d = onSite();
    d.send('inspector', DAY, 'CONCERN_RAISED_ON_SITE', { summary: 'case files chosen unfairly' });
    expect(refusal(() => d.send('provider', DAY, 'CONCERN_RAISED_ON_SITE', { summary: 'another' })).message).toMatch(/still open/);
    expect(refusal(() => d.send('manager', DAY, 'CONCERN_ANSWERED_BY_RIM', { response: 'x', resolved: true })).message).toMatch(/no concern with the inspector's RIM/);
    d.send('inspector', DAY, 'CONCERN_ANSWERED_BY_INSPECTOR', { actionTaken: 'explained the sampling', resolved: false });
    d.send('provider', DAY, 'CONCERN_TAKEN_TO_RIM');
    const view = d.send('manager', DAY, 'CONCERN_ANSWERED_BY_RIM', { response: 'sampling stands', resolved: false });
    expect(view.facts.onSiteConcerns).toMatchObject([{ status: 'unresolved', rimId: 'manager-1', rimResponse: 'sampling stands' }]);
    expect(view.facts.inspectorsRimIds).toEqual(['manager-1']);
    expect(view.status).toBe('on_site'); // a concern never holds the inspection up
  });

  it('is open while paused and awaiting feedback too, never before the inspection starts', () => {
    const d = start();
    expect(allowed(d.view(DAY))).not.toContain('CONCERN_RAISED_ON_SITE');
    d.send('inspector', DAY, 'INSPECTION_STARTED');
    d.send('manager', DAY, 'INSPECTION_PAUSED', { reason: 'serious incident' });
    expect(allowed(d.view(DAY))).toContain('CONCERN_RAISED_ON_SITE');
  });
});

describe('on the working day after: a RIM independent of the inspection (seed 002 §"Concerns"; T17)', () => {
  function afterFeedback(withRim = true) {
    const d = onSite();
    if (withRim) d.send('manager', DAY, 'ON_SITE_EXTENDED', { days: 1 }); // the RIM who agreed an extra day
    d.send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: good });
    return d;
  }

  it('opens the next-day window at feedback, with the report clocks already running', () => {
    const view = afterFeedback().view(DAY);
    expect(view.status).toBe('next_day_contact_open');
    expect(view.deadlines.map((d) => [d.clock, d.due])).toEqual([
      ['nextDayContact', NEXT],
      ['draftReport', addWorkingDays(DAY, 18)],
      ['finalReport', addWorkingDays(DAY, 30)],
    ]);
  });

  it('refuses to route the concern to the inspection\'s own inspector or RIM, and takes an independent one', () => {
    const d = afterFeedback();
    d.send('provider', NEXT, 'CONCERN_RAISED', { summary: 'evidence from the parents not considered' });
    for (const own of ['inspector-1', 'manager-1']) {
      const refused = refusal(() => d.send('manager', NEXT, 'CONCERN_ROUTED', { handlerId: own }));
      expect(refused.code).toBe('invalid_payload');
      expect(refused.message).toMatch(/a RIM independent of the inspection: .* is the inspection's own inspector or their RIM/);
    }
    expect(d.view(NEXT).status).toBe('concern_being_routed');
    const routed = d.send('manager', NEXT, 'CONCERN_ROUTED', { handlerId: 'rim-independent' });
    expect(routed.status).toBe('quality_assurance');
    const answered = d.send('manager', NEXT, 'CONCERN_ANSWERED_BY_INDEPENDENT_RIM', { outcome: 'carried_into_draft_comments', answer: 'send it with your comments' });
    expect(answered.facts.concerns).toEqual([
      {
        raisedOn: NEXT,
        summary: 'evidence from the parents not considered',
        handlerId: 'rim-independent',
        routedOn: NEXT,
        answeredOn: NEXT,
        answeredBy: 'manager-1',
        outcome: 'carried_into_draft_comments',
        answer: 'send it with your comments',
      },
    ]);
    expect(refusal(() => d.send('manager', NEXT, 'CONCERN_ANSWERED_BY_INDEPENDENT_RIM', { outcome: 'resolved', answer: 'again' })).message).toMatch(/no concern routed/);
  });

  it('a RIM who answered a concern on site is not independent either', () => {
    const d = onSite();
    d.send('provider', DAY, 'CONCERN_RAISED_ON_SITE', { summary: 'x' });
    d.send('inspector', DAY, 'CONCERN_ANSWERED_BY_INSPECTOR', { actionTaken: 'y', resolved: false });
    d.send('inspector', DAY, 'CONCERN_TAKEN_TO_RIM');
    const rim = { id: 'rim-7', role: 'manager' as const };
    d.record.decide({ event: 'CONCERN_ANSWERED_BY_RIM', at: DAY, response: 'z', resolved: false }, rim, Date.parse(`${DAY}T12:00:00Z`));
    d.send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: good });
    d.send('provider', NEXT, 'CONCERN_RAISED', { summary: 'still unresolved' });
    expect(refusal(() => d.send('manager', NEXT, 'CONCERN_ROUTED', { handlerId: 'rim-7' })).message).toMatch(/rim-7 is the inspection's own/);
  });

  it('closes by itself at the end of the working day after; quality assurance waits for it', () => {
    const d = afterFeedback(false);
    expect(allowed(d.view(DAY))).not.toContain('DRAFT_REPORT_SENT');
    const later = d.advanceTo(addWorkingDays(DAY, 2));
    expect(later.status).toBe('quality_assurance');
    expect(allowed(later)).toContain('DRAFT_REPORT_SENT');
    expect(allowed(later)).not.toContain('CONCERN_RAISED'); // later concerns go to the draft comments
  });
});

describe('then the draft comments or a complaint, and a formal complaint on the final report (annex steps 4, 5b; §"Complaints")', () => {
  it('records a formal complaint made on receiving the final report; publication still follows by itself', () => {
    const d = onSite();
    d.send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: good });
    const draftDay = addWorkingDays(DAY, 5);
    d.send('inspector', draftDay, 'DRAFT_REPORT_SENT');
    d.send('provider', draftDay, 'COMPLAINT_MADE', { summary: 'judgement not supported' });
    d.send('manager', addWorkingDays(draftDay, 10), 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' });
    const finalDay = addWorkingDays(draftDay, 11);
    d.send('manager', finalDay, 'FINAL_REPORT_SENT');
    const complained = d.send('provider', finalDay, 'FINAL_REPORT_COMPLAINT_MADE', { summary: 'complaint about the outcome' });
    expect(complained.facts.finalReportComplaint).toEqual({ madeOn: finalDay, summary: 'complaint about the outcome' });
    expect(allowed(complained)).not.toContain('FINAL_REPORT_COMPLAINT_MADE');
    expect(d.advanceTo(addWorkingDays(finalDay, 6))).toMatchObject({ status: 'published', grade: 'good' });
  });
});

describe('the recommendations of the previous inspection (seed 002 §"Recommendations")', () => {
  it('are taken as input and shown on the inspection that checks them', () => {
    const previous = [{ recommendationId: 'N1', standard: 'NMS 5', madeOn: '2025-05-06', trackedAs: 'insp-1-recommendation-1' }];
    expect(start({ previousRecommendations: previous }).view(DAY).facts.previousRecommendations).toEqual(previous);
    expect(start().view(DAY).facts.previousRecommendations).toEqual([]);
    expect(rfcFullInspection2024v3.inputSchema.safeParse({ previousRecommendations: [{ recommendationId: 'N1' }] }).success).toBe(false);
    expect(rfcFullInspection2024v2.inputSchema.safeParse({ previousRecommendations: previous }).success).toBe(false);
  });
});
