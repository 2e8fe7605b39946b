import { addCalendarDays } from '../../calendar';
import { rfcFullInspection2024 } from '../../machines/sccif-rfc/fullInspection';
import { rfcFullInspection2024v2 } from '../../machines/sccif-rfc/fullInspectionV2';
import { CLOSED_CENTRE_CONDITION } from '../../machines/sccif-rfc/noFamilies';
import { rfcRecommendation2024v2 } from '../../machines/sccif-rfc/recommendationV2';
import { versionInForce } from '../../machines/registry';
import { PureDriver, refusal } from '../support/pureDriver';

/**
 * sccif-rfc-full v2: the situations that change the course of an inspection (seed 002), one rule at a time, through
 * the engine as the workflow and the API use it.
 */
const DAY = '2026-11-23'; // a Monday
const good = { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' };
const start = (input: Record<string, unknown> = {}) => new PureDriver(rfcFullInspection2024v2, DAY, input);

describe('no families living at the centre (seed 002 §"Inspecting residential family centres that have no families living in them")', () => {
  it('postpones the planned inspection to a new date', () => {
    const d = start({ scheduledFor: DAY });
    d.send('inspector', DAY, 'NO_FAMILIES_FOUND', { dueToAcceptFamily: true, familiesSinceLastInspection: false });
    expect(d.view(DAY).status).toBe('no_families_living');
    const view = d.send('inspector', DAY, 'INSPECTION_POSTPONED', { newDate: '2027-01-11', reason: 'a family arrives in January' });
    expect(view.status).toBe('scheduled');
    expect(view.facts).toMatchObject({ scheduledFor: '2027-01-11', postponements: 1 });
  });

  it('inspects on past placements only when families have stayed since the last inspection', () => {
    const none = start();
    none.send('inspector', DAY, 'NO_FAMILIES_FOUND', { dueToAcceptFamily: true, familiesSinceLastInspection: false });
    const refused = refusal(() => none.send('inspector', DAY, 'PAST_PLACEMENTS_INSPECTED'));
    expect(refused.code).toBe('invalid_payload');
    expect(refused.message).toMatch(/no family has been accommodated since the last inspection/);

    const some = start();
    some.send('inspector', DAY, 'NO_FAMILIES_FOUND', { dueToAcceptFamily: false, familiesSinceLastInspection: true, lastFamilyLeftOn: '2026-10-30' });
    const view = some.send('inspector', DAY, 'PAST_PLACEMENTS_INSPECTED');
    expect(view.status).toBe('on_site');
    expect(view.facts).toMatchObject({ evidenceBasis: 'past_placements', onSiteStartedAt: DAY });
  });

  it('completes a closed centre with the fixed condition and report statement, never one due to accept a family', () => {
    const due = start();
    due.send('inspector', DAY, 'NO_FAMILIES_FOUND', { dueToAcceptFamily: true, familiesSinceLastInspection: true });
    expect(refusal(() => due.send('inspector', DAY, 'CLOSED_CENTRE_INSPECTED', { closedFor: '4 months', notOperationalFor: '6 months' })).message).toMatch(/due to accept a family/);

    const closed = start();
    closed.send('inspector', DAY, 'NO_FAMILIES_FOUND', { dueToAcceptFamily: false, familiesSinceLastInspection: false });
    const view = closed.send('inspector', DAY, 'CLOSED_CENTRE_INSPECTED', { closedFor: '4 months', notOperationalFor: '6 months' });
    expect(view.facts.closedCentre).toEqual({
      closedFor: '4 months',
      notOperationalFor: '6 months',
      certificateCondition: 'The residential family centre must inform Ofsted of its intention to admit families 3 months before a placement commences',
      reportStatement:
        'The residential family centre has been closed for 4 months. The registered provider has indicated that the residential family centre will not be operational for 6 months from the date of inspection.',
    });
    expect(CLOSED_CENTRE_CONDITION).toBe((view.facts.closedCentre as { certificateCondition: string }).certificateCondition);
    expect(closed.send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: good }).status).toBe('quality_assurance');
  });
});

describe('no registered manager (seed 002 §"The effectiveness of leaders and managers"; §"…no registered manager")', () => {
  const vacant = (vacantSince: string, recruitmentEvidence = 'none_or_limited') => ({ managerPosition: { position: 'vacant', vacantSince, recruitmentEvidence } });
  const onSite = (input: Record<string, unknown>) => {
    const d = start(input);
    d.send('inspector', DAY, 'INSPECTION_STARTED');
    d.send('inspector', DAY, 'RESPONSIBLE_INDIVIDUAL_CHECKED', { interviewed: true, fitnessSteps: 'satisfactory' });
    return d;
  };
  const moreThan26Weeks = addCalendarDays(DAY, -26 * 7 - 1);
  const exactly26Weeks = addCalendarDays(DAY, -26 * 7);

  it('after more than 26 weeks with little effort to recruit: leadership never better than requires improvement', () => {
    const d = onSite(vacant(moreThan26Weeks));
    const refused = refusal(() => d.send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: good, departureReasons: { leadershipAndManagement: 'interim manager is strong' } }));
    expect(refused.code).toBe('invalid_payload');
    expect(refused.message).toMatch(/never better than requires improvement/);
    expect(d.view(DAY).status).toBe('on_site');
  });

  it('usually inadequate: requires improvement only with the reasons recorded; overall outstanding likewise', () => {
    const ri = { ...good, leadershipAndManagement: 'requires_improvement' };
    const d = onSite(vacant(moreThan26Weeks));
    expect(refusal(() => d.send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: ri })).message).toMatch(/usually inadequate: give departureReasons/);
    const reasons = { leadershipAndManagement: 'recruitment under way since last month' };
    const view = d.send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: ri, departureReasons: reasons });
    expect(view.facts.departureReasons).toEqual(reasons);
  });

  it('overall unlikely to be better than good: outstanding only with its own reasons recorded', () => {
    const judgements = { overallExperiencesAndProgress: 'outstanding', helpAndProtection: 'outstanding', leadershipAndManagement: 'requires_improvement' };
    const leadershipOnly = { leadershipAndManagement: 'an interim manager with a start date' };
    expect(refusal(() => onSite(vacant(moreThan26Weeks)).send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements, departureReasons: leadershipOnly })).message).toMatch(
      /unlikely to be better than good: give departureReasons.overallExperiencesAndProgress/,
    );
    const both = { ...leadershipOnly, overallExperiencesAndProgress: 'families progress exceptionally' };
    expect(onSite(vacant(moreThan26Weeks)).send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements, departureReasons: both }).status).toBe('quality_assurance');
  });

  it('does not apply at 26 weeks exactly, nor when the provider is actively recruiting', () => {
    expect(onSite(vacant(exactly26Weeks)).send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: good }).status).toBe('quality_assurance');
    expect(onSite(vacant(moreThan26Weeks, 'active')).send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: good }).status).toBe('quality_assurance');
  });

  it('a manager appointed more than 12 weeks ago who has not applied to register: leadership usually inadequate', () => {
    const position = (appliedToRegister: boolean) => ({ managerPosition: { position: 'manager_not_registered', appointedOn: addCalendarDays(DAY, -12 * 7 - 1), appliedToRegister } });
    expect(refusal(() => onSite(position(false)).send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: good })).message).toMatch(/has not applied to be registered after more than 12 weeks/);
    const inadequateLeadership = { overallExperiencesAndProgress: 'requires_improvement', helpAndProtection: 'good', leadershipAndManagement: 'inadequate' };
    expect(onSite(position(false)).send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: inadequateLeadership }).status).toBe('quality_assurance');
    expect(onSite(position(true)).send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: good }).status).toBe('quality_assurance');
  });

  it('applies at quality assurance too, and to a position recorded on site', () => {
    const d = start();
    d.send('inspector', DAY, 'INSPECTION_STARTED');
    d.send('inspector', DAY, 'MANAGER_POSITION_RECORDED', vacant(moreThan26Weeks));
    d.send('inspector', DAY, 'RESPONSIBLE_INDIVIDUAL_CHECKED', { interviewed: false, fitnessSteps: 'not_satisfactory' });
    const ri = { ...good, leadershipAndManagement: 'requires_improvement' };
    d.send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: ri, departureReasons: { leadershipAndManagement: 'a new manager starts next week' } });
    expect(refusal(() => d.send('manager', DAY, 'JUDGEMENTS_CHANGED', { judgements: good, reasons: 'moderation', departureReasons: { leadershipAndManagement: 'x' } })).message).toMatch(
      /never better than requires improvement/,
    );
  });

  it('with no registered manager, fieldwork does not end before the responsible individual is asked for interview', () => {
    const d = start(vacant(exactly26Weeks, 'active'));
    d.send('inspector', DAY, 'INSPECTION_STARTED');
    expect(refusal(() => d.send('inspector', DAY, 'FIELDWORK_COMPLETED')).message).toMatch(/interview the responsible individual/);
    d.send('inspector', DAY, 'RESPONSIBLE_INDIVIDUAL_CHECKED', { interviewed: true, fitnessSteps: 'satisfactory' });
    expect(d.send('inspector', DAY, 'FIELDWORK_COMPLETED').status).toBe('awaiting_feedback');
    // with a registered manager in post, no such step is needed
    const inPost = start({ managerPosition: { position: 'registered_manager_in_post' } });
    inPost.send('inspector', DAY, 'INSPECTION_STARTED');
    expect(inPost.send('inspector', DAY, 'FIELDWORK_COMPLETED').status).toBe('awaiting_feedback');
  });
});

describe('safeguarding and child-protection concerns at any point (seed 002 §"Safeguarding and child protection concerns")', () => {
  const concern = {
    concern: 'a child was left alone with an adult subject to restrictions',
    personInChargeTold: true,
    allegationAgainstStaff: false,
    referredTo: ['local_authority_childrens_services', 'childs_social_worker'],
    placingAuthorityDcs: 'told',
  };

  it('records each concern with its notifications, in any stage, without moving the inspection', () => {
    const d = start();
    d.send('inspector', DAY, 'SAFEGUARDING_CONCERN_RECORDED', concern);
    d.send('inspector', DAY, 'INSPECTION_STARTED');
    const view = d.send('inspector', DAY, 'SAFEGUARDING_CONCERN_RECORDED', { ...concern, allegationAgainstStaff: true, referredTo: ['designated_officer'] });
    expect(view.status).toBe('on_site');
    expect((view.facts.safeguardingConcerns as unknown[]).length).toBe(2);
    expect(d.send('manager', DAY, 'SAFEGUARDING_FOLLOW_UP_RECORDED', { localAuthorityAction: 'strategy meeting held' }).facts.safeguardingFollowUps).toEqual([
      { localAuthorityAction: 'strategy meeting held', recordedOn: DAY },
    ]);
  });

  it('refuses a record missing what the seed requires', () => {
    const d = start();
    expect(refusal(() => d.send('inspector', DAY, 'SAFEGUARDING_CONCERN_RECORDED', { ...concern, personInChargeTold: false })).message).toMatch(/say why they were not told/);
    expect(refusal(() => d.send('inspector', DAY, 'SAFEGUARDING_CONCERN_RECORDED', { ...concern, allegationAgainstStaff: true })).message).toMatch(/designated officer/);
    expect(refusal(() => d.send('inspector', DAY, 'SAFEGUARDING_CONCERN_RECORDED', { ...concern, referredTo: [] })).message).toMatch(/referral/);
    expect(refusal(() => d.send('manager', DAY, 'SAFEGUARDING_FOLLOW_UP_RECORDED', { localAuthorityAction: 'x' })).message).toMatch(/no safeguarding concern recorded/);
  });
});

describe('a possible offence (seed 002 §"Finding evidence of possible offences")', () => {
  const suspect = () => {
    const d = start();
    d.send('inspector', DAY, 'INSPECTION_STARTED');
    d.send('inspector', DAY, 'OFFENCE_SUSPECTED', { advisedBy: 'regulatory_inspection_manager', summary: 'centre run by an unregistered manager' });
    return d;
  };

  it('continues after advice', () => {
    const d = suspect();
    expect(d.view(DAY).status).toBe('offence_suspected');
    expect(d.view(DAY).allowedDecisions).not.toContain('FEEDBACK_GIVEN');
    expect(d.send('inspector', DAY, 'INSPECTION_CONTINUED_AFTER_ADVICE').status).toBe('on_site');
  });

  it('or stops, ungraded', () => {
    const view = suspect().send('manager', DAY, 'INSPECTION_STOPPED_FOR_OFFENCE', { reason: 'police investigation' });
    expect(view).toMatchObject({ status: 'stopped', done: true, grade: null });
    expect(view.facts.offence).toMatchObject({ decision: 'stop' });
  });
});

describe('requirements and recommendations made at feedback', () => {
  it('asks for them to be tracked, each with its own date; recommendations checked by the next inspection', () => {
    const d = start();
    d.send('inspector', DAY, 'INSPECTION_STARTED');
    d.record.takeEffects();
    d.send('inspector', DAY, 'FEEDBACK_GIVEN', {
      judgements: { ...good, overallExperiencesAndProgress: 'requires_improvement' },
      requirements: [
        { requirementId: 'R1', regulation: 'Regulation 12', dueDate: '2026-11-30' },
        { requirementId: 'R2', regulation: 'Regulation 16', dueDate: '2027-02-01' },
      ],
      recommendations: [{ recommendationId: 'N1', standard: 'NMS 5' }],
    });
    const [effect] = d.record.takeEffects();
    expect(effect!.type).toBe('raiseRequirementsAndRecommendations');
    const children = rfcFullInspection2024v2.effects.raiseRequirementsAndRecommendations!.starts!(effect!.params);
    expect(children).toEqual([
      { key: 'requirement-1', type: 'sccif-rfc-requirement', input: { requirementId: 'R1', regulation: 'Regulation 12', dueDate: '2026-11-30' } },
      { key: 'requirement-2', type: 'sccif-rfc-requirement', input: { requirementId: 'R2', regulation: 'Regulation 16', dueDate: '2027-02-01' } },
      // requires improvement: the next inspection is due within 18 months of this one (machines/sccif-rfc/cycle.ts)
      { key: 'recommendation-1', type: 'sccif-rfc-recommendation', input: { recommendationId: 'N1', standard: 'NMS 5', nextInspectionDueBy: '2028-05-23' } },
    ]);
  });

  it('asks for nothing when there are none, and refuses a requirement dated before feedback or a repeated id', () => {
    const d = start();
    d.send('inspector', DAY, 'INSPECTION_STARTED');
    d.record.takeEffects();
    const early = [{ requirementId: 'R1', regulation: 'Regulation 12', dueDate: '2026-11-20' }];
    expect(refusal(() => d.send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: good, requirements: early })).message).toMatch(/before the feedback/);
    const twice = [{ requirementId: 'R1', regulation: 'Regulation 12', dueDate: DAY }, { requirementId: 'R1', regulation: 'Regulation 13', dueDate: DAY }];
    expect(refusal(() => d.send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: good, requirements: twice })).message).toMatch(/repeated: R1/);
    d.send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements: good });
    expect(d.record.takeEffects()).toEqual([]);
  });
});

describe('a recorded set of judgements that breaks the limiting rules is refused with the rule', () => {
  it.each([
    [{ overallExperiencesAndProgress: 'good', helpAndProtection: 'inadequate', leadershipAndManagement: 'good' }, /limiting judgement/],
    [{ overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'inadequate' }, /cannot be better than requires improvement/],
  ])('%j', (judgements, message) => {
    const d = start();
    d.send('inspector', DAY, 'INSPECTION_STARTED');
    const refused = refusal(() => d.send('inspector', DAY, 'FEEDBACK_GIVEN', { judgements }));
    expect(refused.code).toBe('invalid_payload');
    expect(refused.message).toMatch(message);
    expect(d.view(DAY).status).toBe('on_site');
  });
});

describe('a recommendation not acted on, turned into a requirement (sccif-rfc-recommendation v2)', () => {
  it('asks for the requirement to be tracked with its own date; met or not acted on asks for nothing', () => {
    const input = { recommendationId: 'N1', standard: 'NMS 5', nextInspectionDueBy: '2027-06-01' };
    const turned = new PureDriver(rfcRecommendation2024v2, DAY, input);
    turned.record.takeEffects();
    turned.send('inspector', DAY, 'RECOMMENDATION_CHECKED', { outcome: 'turned_into_requirement', requirementDueDate: '2026-12-18', regulation: 'Regulation 12' });
    const [effect] = turned.record.takeEffects();
    expect(rfcRecommendation2024v2.effects[effect!.type]!.starts!(effect!.params)).toEqual([
      { key: 'requirement', type: 'sccif-rfc-requirement', input: { requirementId: 'N1 (requirement)', regulation: 'Regulation 12', dueDate: '2026-12-18' } },
    ]);
    for (const outcome of ['met', 'not_met']) {
      const other = new PureDriver(rfcRecommendation2024v2, DAY, input);
      other.record.takeEffects();
      expect(other.send('inspector', DAY, 'RECOMMENDATION_CHECKED', { outcome }).status).toBe(outcome);
      expect(other.record.takeEffects()).toEqual([]);
    }
  });
});
