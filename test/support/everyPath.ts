import { getShortestPaths } from '@xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import { addCalendarDays, londonDateOf } from '../../calendar';
import { openClocks } from '../../engine';
import { activePaths } from '../../engine/stage';
import type { InspectionEvent, InspectionTypeDefinition, Role } from '../../machines/kit';
import { PureDriver, middayOn } from './pureDriver';

/**
 * Every path of a machine, generated from its graph with @xstate/graph and replayed through the engine (the pattern
 * of test/machines/childrensCentre.test.ts): a path test per path, and a check that the paths reach every leaf state
 * and use every event. Call `describeEveryPath(cases, at, recordedAt)` from a test file.
 */
export interface PathCase {
  definition: InspectionTypeDefinition;
  input: Record<string, unknown>;
  /** Payloads to try for each decision (`{}` when absent). */
  samples: Record<string, Record<string, unknown>[]>;
  /**
   * The context facts a guard or a clock reads, where they make two snapshots behave differently; also the event
   * that led there, for a machine whose decisions return to a state already reached (a deferral, a resumed pause).
   */
  facts?: (context: Record<string, unknown>, state: AnyMachineSnapshot, event: InspectionEvent | undefined) => Record<string, unknown>;
  /** Decisions this input must never allow, with the rule why (checked in every state the paths reach). */
  neverAllowed?: Record<string, string>;
  /** Events that leave no trace in the state or its facts (so no shortest path needs them); tested elsewhere. */
  exempt?: string[];
  /** Leaf states (dotted paths) this input can never reach, with the rule why (checked: no path reaches them). */
  unreachable?: Record<string, string>;
  /** The fewest paths the graph must give (a guard against samples that no longer reach most of the machine). */
  minPaths?: number;
  /** A name for the case when one definition is run with several inputs. */
  name?: string;
}

export function describeEveryPath(cases: readonly PathCase[], AT: string, RECORDED: string) {
  describe.each(cases.map((c) => [c.name ?? `${c.definition.type} v${c.definition.version}`, c] as const))(
    '%s: every path of the machine, replayed through the engine',
    (_name, { definition, input, samples, facts, neverAllowed = {}, exempt = [], unreachable = {}, minPaths }) => {
      const event = (type: string, fields: Record<string, unknown> = {}): InspectionEvent => ({
        type,
        at: AT,
        occurredAt: RECORDED,
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
      const serializeState = (state: AnyMachineSnapshot, event: InspectionEvent | undefined) =>
        JSON.stringify({ value: state.value, ...(facts?.(state.context as Record<string, unknown>, state, event) ?? {}) });
      const paths = getShortestPaths(definition.machine, { events: eventsIn, serializeState, input });
      if (minPaths !== undefined) it(`has at least ${minPaths} paths`, () => expect(paths.length).toBeGreaterThanOrEqual(minPaths));

      /** Decisions dated the same day as the step before (one acting on something overdue, the day after it fell due); clocks run out when due. */
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
          const { type, at: _at, recordedAt: _recordedAt, occurredAt: _occurredAt, actorId: _actorId, role: _role, ...fields } = step;
          // A step that acts on something overdue waits until it is (EventSpec.whenOverdue).
          const overdueClock = definition.events[type]!.whenOverdue;
          const due = overdueClock && driver.deadline(overdueClock, day);
          if (due && due >= day) day = addCalendarDays(due, 1);
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
        expect([...reached].sort()).toEqual(expect.arrayContaining(leaves.filter((l) => !(l in unreachable)).sort()));
        expect(Object.keys(unreachable).filter((l) => reached.has(l))).toEqual([]);
        const used = new Set(paths.flatMap((p) => p.steps.map((s) => s.event.type)));
        for (const type of [...Object.keys(definition.events), ...systemEvents]) if (!(type in neverAllowed) && !exempt.includes(type)) expect(used).toContain(type);
      });

      for (const [type, why] of Object.entries(neverAllowed)) {
        it(`never allows ${type} (${why})`, () => {
          const allowing = paths.filter((p) => (samples[type] ?? [{}]).some((fields) => p.state.can(event(type, fields))));
          expect(allowing.map((p) => p.state.value)).toEqual([]);
        });
      }

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
}

/** The sample's enum-like choice, so that paths through different outcomes have different names. */
function sampleLabel(event: InspectionEvent): string {
  const choice = ['outcome', 'decision', 'kind', 'currentAuthorities', 'shortInspectionOutcome'].map((k) => event[k]).find((v) => typeof v === 'string' || typeof v === 'number');
  return choice !== undefined ? `(${String(choice)})` : '';
}
