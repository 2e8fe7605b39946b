import { getShortestPaths } from '@xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import { londonDateOf } from '../../calendar';
import { openClocks } from '../../engine';
import { activePaths } from '../../engine/stage';
import type { InspectionEvent, InspectionTypeDefinition, Role } from '../../machines/kit';
import { rfcCaseReview2024 } from '../../machines/sccif-rfc/caseReview';
import { rfcComplianceNotice2024 } from '../../machines/sccif-rfc/complianceNotice';
import { rfcMonitoringVisit2024 } from '../../machines/sccif-rfc/monitoringVisit';
import { rfcRecommendation2024 } from '../../machines/sccif-rfc/recommendation';
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
}

const AT = '2025-04-17'; // Thursday before Good Friday: every clock below crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';

const CASES: PathCase[] = [
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
  {
    definition: rfcRecommendation2024,
    input: { recommendationId: 'REC-1', standard: 'NMS 5', nextInspectionDueBy: '2025-10-17' },
    samples: {
      RECOMMENDATION_CHECKED: [
        { outcome: 'met' },
        { outcome: 'not_met' },
        { outcome: 'turned_into_requirement', requirementDueDate: '2025-05-01', regulation: 'Regulation 12' },
      ],
    },
  },
];

describe.each(CASES.map((c) => [`${c.definition.type} v${c.definition.version}`, c] as const))(
  '%s: every path of the machine, replayed through the engine',
  (_name, { definition, input, samples, facts }) => {
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
      for (const type of [...Object.keys(definition.events), ...systemEvents]) expect(used).toContain(type);
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
