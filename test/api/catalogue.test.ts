import { catalogue } from '../../api/catalogue';
import { ROLES } from '../../machines/kit';

/**
 * The catalogue GET /types serves (api/routes/system.ts): for every registered type, its stages, its clocks (anchor,
 * length, unit, what happens when one runs out) and its decisions with the roles that make them, each with a source.
 */
const types = catalogue();

describe.each(types.map((t) => [`${t.type} v${t.version}`, t] as const))('catalogue: %s', (_name, type) => {
  it('has at least one clock, and every clock says when it runs out, what happens then, and where the rule comes from', () => {
    expect(type.clocks.length).toBeGreaterThan(0);
    for (const clock of type.clocks) {
      expect(clock).toMatchObject({ anchor: expect.any(String), length: expect.any(Number), unit: expect.any(String), source: expect.stringMatching(/^seed \d{3}/) });
      expect(clock.kind === 'target' ? clock.onExpiry : typeof clock.onExpiry).toBe(clock.kind === 'target' ? null : 'string');
    }
  });

  it('names the roles and the source of every decision', () => {
    expect(type.decisions.length).toBeGreaterThan(0);
    for (const decision of type.decisions) {
      expect(decision.roles.length).toBeGreaterThan(0);
      for (const role of decision.roles) expect(ROLES).toContain(role);
      expect(decision.source).toMatch(/^seed \d{3}/);
    }
  });

  it('lists its stages, each leaf with a public status', () => {
    const leaves = type.chart.states.filter((s) => s.children.length === 0);
    expect(leaves.length).toBeGreaterThan(1);
    for (const leaf of leaves) expect(leaf.status).toEqual(expect.any(String));
  });
});

it('lists the seed 003 types on one framework version in force from January 2024, some with later machine revisions that new inspections start on', () => {
  const seed003 = types.filter((t) => t.framework.startsWith('seed 003'));
  expect(seed003.map((t) => t.type)).toEqual(expect.arrayContaining(['fes-inspection', 'school-monitoring', 'childminder-agency', 'sccif-childrens-home']));
  for (const t of seed003) expect(t).toMatchObject({ version: 1, inForceFrom: '2024-01-19' });
  const revised = seed003.filter((t) => t.machineRevision === 2);
  expect(revised.map((t) => t.type).sort()).toEqual([
    'area-send', 'cafcass', 'childcare-register-compliance', 'ecf-lead-provider', 'fes-inspection', 'ilacs', 'independent-school', 'independent-school-additional',
    'initial-teacher-education', 'online-provider-visit', 'sccif-childrens-home', 'school-monitoring', 'secure-training-centre',
  ]);
  for (const t of revised) expect(t).toMatchObject({ revisionNote: expect.stringContaining('complaint') });
  const third = seed003.filter((t) => t.machineRevision === 3);
  expect(third.map((t) => t.type).sort()).toEqual(['fes-inspection', 'online-provider-visit']);
  for (const t of third) expect(t).toMatchObject({ latestRevision: true, revisionNote: expect.stringContaining('notice') });
  const latest = (type: string) => Math.max(...seed003.filter((s) => s.type === type).map((s) => s.machineRevision));
  for (const t of seed003) expect(t.latestRevision).toBe(t.machineRevision === latest(t.type));
});

it('marks the placeholders of handbooks the seed only links (EY, SIH, JTAI) as skeleton only, and no other type', () => {
  const skeletonOnly = types.filter((t) => 'skeletonOnly' in t);
  expect(skeletonOnly.map((t) => t.type).sort()).toEqual(['early-years', 'jtai', 'school-inspection']);
  for (const t of skeletonOnly) expect(t).toMatchObject({ skeletonOnly: true, note: expect.stringContaining('handbook only linked') });
});

it('marks each clock a rule the seed states or a reading we chose, with what was chosen and any value an operator set', () => {
  const configured = catalogue({ 'online-provider-visit/visitNotice': { length: 2, unit: 'workingDays' } });
  const clock = (type: string, revision: number, id: string) => configured.find((t) => t.type === type && t.machineRevision === revision)!.clocks.find((c) => c.id === id)!;
  expect(clock('online-provider-visit', 3, 'visitNotice')).toMatchObject({ basis: 'reading', chose: 'unit', configured: { length: 2, unit: 'workingDays' }, length: 1, reading: expect.stringContaining('no unit') });
  expect(clock('safeguarding-lac', 2, 'writtenRiskConfirmation')).toMatchObject({ basis: 'reading', chose: 'length', configured: null });
  expect(clock('sccif-rfc-full', 3, 'draftReport')).toMatchObject({ basis: 'rule' });
  expect(clock('sccif-rfc-full', 3, 'draftReport')).not.toHaveProperty('configured');
});
