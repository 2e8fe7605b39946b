import { getShortestPaths } from '@xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import { londonDateOf } from '../../calendar';
import { openClocks } from '../../engine';
import { activePaths } from '../../engine/stage';
import type { InspectionEvent, InspectionTypeDefinition, Role } from '../../machines/kit';
import { rfcCaseReview2024 } from '../../machines/sccif-rfc/caseReview';
import { rfcComplianceNotice2024 } from '../../machines/sccif-rfc/complianceNotice';
import { rfcFullInspection2024v2 } from '../../machines/sccif-rfc/fullInspectionV2';
import { rfcMonitoringVisit2024 } from '../../machines/sccif-rfc/monitoringVisit';
import { rfcRecommendation2024 } from '../../machines/sccif-rfc/recommendation';
import { rfcRecommendation2024v2 } from '../../machines/sccif-rfc/recommendationV2';
import { rfcRequirement2024 } from '../../machines/sccif-rfc/requirement';
import { PureDriver, middayOn } from '../support/pureDriver';

/**
 * Every path of each enforcement machine of seed 002 (SCCIF residential family centres), generated from the
 * machine's graph with @xstate/graph and replayed through the engine, as test/machines/childrensCentre.test.ts does.
 */
interface PathCase {
  definition: InspectionTypeDefinition;
  input: Record<string, unknown>;
  /** Payloads to try for each decision (`{}` when absent). */
  samples: Record<string, Record<string, unknown>[]>;
  /** The context facts a guard or a clock reads, where they make two snapshots behave differently. */
  facts?: (context: Record<string, unknown>, state: AnyMachineSnapshot) => Record<string, unknown>;
  /** Events that leave no trace in the state or its facts (so no shortest path needs them); tested elsewhere. */
  exempt?: string[];
}

const AT = '2025-04-17'; // Thursday before Good Friday: every clock below crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';

const good = { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' };
const vacantPost = { position: 'vacant', vacantSince: '2025-01-06', recruitmentEvidence: 'active' };

const CASES: PathCase[] = [
  {
    // v2 of the full inspection: with no registered manager in post, so the responsible individual's check is on the way.
    definition: rfcFullInspection2024v2,
    input: { scheduledFor: AT, managerPosition: vacantPost },
    samples: {
      DEFERRAL_REQUESTED: [{ reason: 'manager on leave' }],
      DEFERRAL_GRANTED: [{ newDate: '2025-05-01' }],
      INSPECTION_PAUSED: [{ reason: 'serious incident' }],
      ON_SITE_EXTENDED: [{ days: 1 }],
      FEEDBACK_GIVEN: [
        { judgements: good },
        {
          judgements: good,
          requirements: [{ requirementId: 'R-1', regulation: 'Regulation 12', dueDate: AT }],
          recommendations: [{ recommendationId: 'N-1', standard: 'NMS 5' }],
        },
      ],
      JUDGEMENTS_CHANGED: [{ judgements: { ...good, overallExperiencesAndProgress: 'requires_improvement' }, reasons: 'moderation' }],
      COMPLAINT_MADE: [{ summary: 'evidence misread' }],
      COMPLAINT_RESPONDED: [{ outcome: 'not_upheld' }],
      NO_FAMILIES_FOUND: [
        { dueToAcceptFamily: true, familiesSinceLastInspection: true },
        { dueToAcceptFamily: false, familiesSinceLastInspection: false },
      ],
      INSPECTION_POSTPONED: [{ newDate: '2025-06-02', reason: 'a family arrives in May' }],
      CLOSED_CENTRE_INSPECTED: [{ closedFor: '5 months', notOperationalFor: '6 months' }],
      MANAGER_POSITION_RECORDED: [{ managerPosition: { position: 'registered_manager_in_post' } }],
      RESPONSIBLE_INDIVIDUAL_CHECKED: [{ interviewed: true, fitnessSteps: 'satisfactory' }],
      SAFEGUARDING_CONCERN_RECORDED: [
        { concern: 'a child at risk', personInChargeTold: true, allegationAgainstStaff: false, referredTo: ['local_authority_childrens_services'], placingAuthorityDcs: 'told' },
      ],
      SAFEGUARDING_FOLLOW_UP_RECORDED: [{ localAuthorityAction: 'child protection enquiry opened' }],
      OFFENCE_SUSPECTED: [{ advisedBy: 'social_care_compliance_inspector', summary: 'unregistered provision' }],
      INSPECTION_STOPPED_FOR_OFFENCE: [{ reason: 'police investigation' }],
    },
    // What a guard reads (the no-families answer, the responsible individual checked, a concern to follow up, changed
    // judgements not yet told), and, only in the state where it shows, what an event left behind (a deferral granted,
    // a postponement, extra days, the position recorded, comments or a complaint, advice followed), so that every event
    // is on some path. A refused deferral and a resumed pause leave nothing behind: they are in the scenario tests.
    facts: (c, state) => {
      const concerns = (c.safeguardingConcerns as unknown[]).length;
      const followedUp = (c.safeguardingFollowUps as unknown[]).length > 0;
      return {
        noFamilies: (c.noFamilies as { dueToAcceptFamily: boolean } | null)?.dueToAcceptFamily ?? null,
        riChecked: state.matches('onSite') && c.responsibleIndividual !== null,
        concern: concerns === 0 ? 'none' : state.matches('scheduled') && followedUp ? 'followed_up' : 'open',
        notTold: c.changedJudgementsNotTold,
        changed: state.matches({ reporting: 'qualityAssurance' }) && JSON.stringify(c.judgements) !== JSON.stringify(c.provisionalJudgements),
        rescheduled: state.matches('scheduled') && [c.deferrals, c.postponements].join(),
        extended: state.matches('onSite') && (c.extraOnSiteDays as number) > 0,
        inPost: state.matches('onSite') && (c.managerPosition as { position: string }).position,
        continued: state.matches('onSite') && (c.offence as { decision: string } | null)?.decision,
        finalising: state.matches({ reporting: 'finalising' }) && [c.commentsReceived, c.complaintReceivedDate !== null].join(),
      };
    },
    exempt: ['DEFERRAL_REFUSED', 'INSPECTION_RESUMED'],
  },
  {
    definition: rfcComplianceNotice2024,
    input: { noticeId: 'CN-1', requirement: 'Regulation 12: keep children safe', complianceDate: AT },
    samples: {
      FOLLOW_UP_VISITED: [{ visitId: 'MV-1' }],
      NOTICE_OUTCOME_RECORDED: [{ outcome: 'met' }, { outcome: 'not_met' }, { outcome: 'met_but_new_failure' }],
      NOTICE_CASE_REVIEW_DECIDED: ['close', 'further_notice', 'cancel_registration', 'prosecution_considered'].map((decision) => ({ decision })),
    },
    facts: (c) => ({ outcome: c.outcome }),
  },
  {
    definition: rfcCaseReview2024,
    input: { inspectionEndedOn: AT },
    samples: {
      DEBRIEF_HELD: [{ recommendation: 'reinspect within 6 months; compliance notice on safeguarding' }],
      CASE_REVIEW_DECIDED: [
        {
          nextInspectionBy: '2025-10-17',
          nextInspectionType: 'full',
          monitoringVisits: { everyWeeks: 2, announced: false },
          complianceNotices: [{ noticeId: 'CN-1', requirement: 'Regulation 12', complianceDate: '2025-05-01' }],
        },
      ],
      LA_ALERTS_SENT: [
        { currentAuthorities: 2, previousSixMonthsAuthorities: 3 },
        { currentAuthorities: 0, previousSixMonthsAuthorities: 0 },
      ],
    },
  },
  {
    definition: rfcMonitoringVisit2024,
    input: { kind: 'progress_after_inadequate', announced: false },
    samples: {
      JOINT_VISIT_AUTHORISED: [{ decidedBy: 'regional_director', agency: 'police', legalServicesView: 'no objection' }],
      VISIT_STARTED: [{ purpose: 'progress since the inadequate inspection' }],
      FEEDBACK_GIVEN: [{}, { judgements: { overallExperiencesAndProgress: 'requires_improvement', helpAndProtection: 'requires_improvement', leadershipAndManagement: 'requires_improvement' } }],
      PUBLICATION_WITHHELD: [{ decidedBy: 'regional_director', reasons: 'a criminal investigation would be prejudiced' }],
    },
    // Comments received and a re-grade change no guard; they are kept apart so that both ways are replayed.
    facts: (c) => ({ joint: c.jointVisit !== null, withheld: c.publicationWithheld !== null, comments: c.commentsReceived, regraded: c.grade !== null }),
  },
  {
    definition: rfcRequirement2024,
    input: { requirementId: 'R-1', regulation: 'Regulation 12', dueDate: AT },
    samples: {
      REQUIREMENT_CHECKED: [{ outcome: 'met' }, { outcome: 'not_met' }],
      ESCALATED_TO_ENFORCEMENT: [{ action: 'compliance_notice' }],
    },
  },
  ...[rfcRecommendation2024, rfcRecommendation2024v2].map((definition) => ({
    definition,
    input: { recommendationId: 'REC-1', standard: 'NMS 5', nextInspectionDueBy: '2025-10-17' },
    samples: {
      RECOMMENDATION_CHECKED: [
        { outcome: 'met' },
        { outcome: 'not_met' },
        { outcome: 'turned_into_requirement', requirementDueDate: '2025-05-01', regulation: 'Regulation 12' },
      ],
    },
  })),
];

describe.each(CASES.map((c) => [`${c.definition.type} v${c.definition.version}`, c] as const))(
  '%s: every path of the machine, replayed through the engine',
  (_name, { definition, input, samples, facts, exempt = [] }) => {
    const event = (type: string, fields: Record<string, unknown> = {}): InspectionEvent => ({
      type,
      at: AT,
      recordedAt: RECORDED,
      actorId: 'graph',
      role: 'graph',
      ...fields,
    });
    const systemEvents = new Set(definition.clocks.filter((c) => c.onExpiry).map((c) => c.onExpiry!));
    /** Every decision with sample payloads, and the expiry of the window or automatic clock that runs out first. */
    const eventsIn = (state: AnyMachineSnapshot): InspectionEvent[] => {
      const decisions = Object.keys(definition.events)
        .flatMap((type) => (samples[type] ?? [{}]).map((fields) => event(type, fields)))
        .filter((e) => state.can(e));
      const running = openClocks(definition, state).filter((c) => c.spec.kind !== 'target');
      const first = Math.min(...running.map((c) => c.dueAt));
      return [...decisions, ...running.filter((c) => c.dueAt === first).map((c) => event(c.spec.onExpiry!))];
    };
    const serializeState = (state: AnyMachineSnapshot) =>
      JSON.stringify({ value: state.value, ...(facts?.(state.context as Record<string, unknown>, state) ?? {}) });
    const paths = getShortestPaths(definition.machine, { events: eventsIn, serializeState, input });

    /** Decisions dated the same day as the step before; clocks run out when due. */
    function replay(steps: readonly { event: InspectionEvent }[]) {
      const driver = new PureDriver(definition, AT, input);
      let day = AT;
      for (const { event: step } of steps) {
        if (systemEvents.has(step.type)) {
          const clock = driver.record
            .view(middayOn(day))
            .deadlines.find((d) => d.kind !== 'target' && definition.clocks.find((c) => c.id === d.clock)?.onExpiry === step.type);
          if (!clock) throw new Error(`no running clock sends ${step.type}`);
          const dueAt = Date.parse(clock.dueAt);
          driver.record.fireDueClocks(dueAt);
          day = londonDateOf(dueAt);
          continue;
        }
        const { type, at: _at, recordedAt: _recordedAt, actorId: _actorId, role: _role, ...fields } = step;
        driver.send(definition.events[type]!.roles[0] as Role, day, type, fields);
      }
      return driver.view(day);
    }

    it('reaches every state of the chart and uses every event', () => {
      const reached = new Set(paths.flatMap((p) => activePaths(p.state.value)));
      const leaves: string[] = [];
      const visit = (node: { path: string[]; states: Record<string, unknown> }) => {
        const children = Object.values(node.states) as (typeof node)[];
        if (children.length === 0) leaves.push(node.path.join('.'));
        children.forEach(visit);
      };
      visit(definition.machine.root as unknown as { path: string[]; states: Record<string, unknown> });
      expect([...reached].sort()).toEqual(expect.arrayContaining(leaves.sort()));
      const used = new Set(paths.flatMap((p) => p.steps.map((s) => s.event.type)));
      for (const type of [...Object.keys(definition.events), ...systemEvents].filter((t) => !exempt.includes(t))) expect(used).toContain(type);
    });

    it.each(paths.map((p) => [p.steps.slice(1).map((s) => `${s.event.type}${sampleLabel(s.event)}`).join(' > ') || '(start)', p] as const))(
      '%s',
      (_path, path) => {
        const view = replay(path.steps.slice(1) as { event: InspectionEvent }[]);
        expect(view.stage).toBe(activePaths(path.state.value).join(','));
        expect(view.done).toBe(path.state.status === 'done');
      },
    );
  },
);

/** The sample's enum-like choice, so that paths through different outcomes have different names. */
function sampleLabel(event: InspectionEvent): string {
  const choice = ['outcome', 'decision', 'kind', 'currentAuthorities'].map((k) => event[k]).find((v) => typeof v === 'string' || typeof v === 'number');
  return choice !== undefined ? `(${String(choice)})` : '';
}
