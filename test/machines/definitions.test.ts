import { initialTransition } from 'xstate';
import { EFFECT_HANDLERS } from '../../activities/effects';
import { INSPECTION_TYPES, versionInForce } from '../../machines/registry';

/** Params of each effect that starts tracked items, to see which types it starts. */
const SAMPLE_PARAMS: Record<string, Record<string, unknown>> = {
  raiseRequirementsAndRecommendations: {
    requirements: [{ requirementId: 'R-1', regulation: 'Regulation 12', dueDate: '2026-12-01' }],
    recommendations: [{ recommendationId: 'N-1', standard: 'NMS 5' }],
    feedbackOn: '2026-11-23',
    grade: 'good',
  },
  raiseRequirement: { requirementId: 'N-1 (requirement)', regulation: 'Regulation 12', dueDate: '2026-12-01' },
};

/** Checks that hold for every registered machine: its data tables agree with its state chart. */
describe.each(INSPECTION_TYPES.map((d) => [`${d.type} v${d.version}`, d] as const))('%s', (_name, definition) => {
  const machine = definition.machine;
  const stateIds = new Set<string>();
  const visit = (node: { path: string[]; states: Record<string, unknown> }) => {
    if (node.path.length) stateIds.add(node.path.join('.'));
    Object.values(node.states).forEach((child) => visit(child as typeof node));
  };
  visit(machine.root as unknown as { path: string[]; states: Record<string, unknown> });
  const eventsInChart = new Set(machine.events as string[]);
  const [initial] = initialTransition(machine, {});
  const context = initial.context as Record<string, unknown>;

  it.each(definition.clocks.map((c) => [c.id, c] as const))('clock %s runs in real states, from a context field, with a source', (_id, clock) => {
    for (const path of clock.runsIn) expect(stateIds).toContain(path);
    expect(Object.keys(context)).toContain(clock.anchor);
    for (const field of clock.extendedBy ?? []) expect(typeof context[field]).toBe('number');
    if (clock.kind !== 'target') expect(eventsInChart).toContain(clock.onExpiry);
    expect(clock.source).toMatch(/^seed \d{3}/);
    expect(clock.length).toBeGreaterThan(0);
  });

  it('names roles and a source for every decision, and every decision is used by the chart', () => {
    for (const [event, spec] of Object.entries(definition.events)) {
      expect(eventsInChart).toContain(event);
      expect(spec.roles.length).toBeGreaterThan(0);
      expect(spec.source).toMatch(/^seed \d{3}/);
    }
  });

  it('has a handler for every effect it can ask for, or says which items it starts', () => {
    for (const [effect, spec] of Object.entries(definition.effects)) {
      if (spec.starts) {
        const items = spec.starts(SAMPLE_PARAMS[effect]!);
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) expect(() => versionInForce(item.type, '2026-11-23').inputSchema.parse(item.input)).not.toThrow();
      } else expect(EFFECT_HANDLERS).toContain(effect);
    }
  });

  it('gives every leaf state a public status', () => {
    const meta = machine.root as unknown as { path: string[]; meta?: { status?: string }; states: Record<string, unknown> };
    const leaves: typeof meta[] = [];
    const collect = (node: typeof meta) => {
      const children = Object.values(node.states) as (typeof meta)[];
      if (children.length === 0) leaves.push(node);
      children.forEach(collect);
    };
    collect(meta);
    for (const leaf of leaves) expect({ state: leaf.path.join('.'), status: leaf.meta?.status }).toEqual({ state: leaf.path.join('.'), status: expect.any(String) });
  });
});
