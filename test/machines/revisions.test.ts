import { INSPECTION_TYPES, definitionOf, getDefinition, isLatestRevision, revisionsOf, versionInForce } from '../../machines/registry';
import { LEGACY_NUMBERS } from '../../machines/legacyNumbering';
import { legacyChoice, revisionForNewInspection, revisionPatchId } from '../../machines/revisionChoice';
import { rfcFullInspection2024 } from '../../machines/sccif-rfc/fullInspection';
import { rfcFullInspection2024v2 } from '../../machines/sccif-rfc/fullInspectionV2';
import { rfcFullInspection2024v3 } from '../../machines/sccif-rfc/fullInspectionV3';
import { rfcFullInspection2014, rfcFullInspection2014v2 } from '../../machines/rfc-2014/fullInspection';

const frameworkVersions = [...new Set(INSPECTION_TYPES.map((d) => `${d.type}@${d.version}`))].map((key) => {
  const [type, version] = key.split('@') as [string, string];
  return { type, version: Number(version) };
});

describe('framework versions and machine revisions', () => {
  it.each(frameworkVersions.map((f) => [`${f.type} v${f.version}`, f] as const))('%s: revisions 1..n, all in force from the framework version\'s date, each after the first saying what it changed', (_name, { type, version }) => {
    const revisions = revisionsOf(type, version);
    expect(revisions.map((d) => d.machineRevision)).toEqual(revisions.map((_, i) => i + 1));
    expect(new Set(revisions.map((d) => d.inForceFrom)).size).toBe(1);
    for (const later of revisions.slice(1)) expect(later.revisionNote).toEqual(expect.any(String));
    expect(revisions.filter(isLatestRevision)).toEqual([revisions[revisions.length - 1]]);
  });

  it('a new inspection takes the framework version in force on its start date, at its latest revision: every 2024 rule from the framework\'s own date', () => {
    expect(versionInForce('sccif-rfc-full', '2024-04-04')).toBe(rfcFullInspection2014v2);
    expect(versionInForce('sccif-rfc-full', '2024-04-05')).toBe(rfcFullInspection2024v3);
    expect(versionInForce('sccif-rfc-full', '2026-12-07')).toBe(rfcFullInspection2024v3);
    expect(versionInForce('sccif-rfc-full', '2010-01-01')).toBe(rfcFullInspection2014v2); // before any: the oldest version, at its latest revision
    for (const type of ['school-monitoring', 'sccif-childrens-home']) {
      expect(versionInForce(type, '2024-01-19')).toMatchObject({ version: 1, machineRevision: 2 });
    }
    expect(versionInForce('fes-inspection', '2024-01-19')).toMatchObject({ version: 1, machineRevision: 3 });
  });

  it('a start recorded with one number for both reads it through the legacy numbering; a start naming a revision reads it as given', () => {
    expect(definitionOf({ type: 'sccif-rfc-full', version: 2 })).toBe(rfcFullInspection2024v2);
    expect(definitionOf({ type: 'sccif-rfc-full', version: 3 })).toBe(rfcFullInspection2024v3);
    expect(definitionOf({ type: 'sccif-rfc-full', version: 1 })).toBe(rfcFullInspection2024);
    expect(definitionOf({ type: 'sccif-rfc-full', version: 0 })).toBe(rfcFullInspection2014);
    expect(definitionOf({ type: 'sccif-rfc-full', version: 1, machineRevision: 2 })).toBe(rfcFullInspection2024v2);
    expect(() => definitionOf({ type: 'sccif-rfc-full', version: 1, machineRevision: 9 })).toThrow(/version 1 revision 9/);
    for (const legacy of LEGACY_NUMBERS) {
      expect(definitionOf({ type: legacy.type, version: legacy.recordedAs })).toBe(getDefinition(legacy.type, legacy.version, legacy.machineRevision));
    }
  });

  it('a workflow takes the newest revision whose patch it has; with none (a history recorded before revisions), the choice the numbering of that time made', () => {
    const patchOf = (d: typeof rfcFullInspection2024) => revisionPatchId(d);
    const takes = (...ids: string[]) => (id: string) => ids.includes(id);
    const today = '2026-12-07';
    expect(revisionForNewInspection('sccif-rfc-full', today, () => true)).toBe(rfcFullInspection2024v3); // a new run: every patch is new
    expect(revisionForNewInspection('sccif-rfc-full', today, takes(patchOf(rfcFullInspection2024v2)))).toBe(rfcFullInspection2024v2);
    expect(revisionForNewInspection('sccif-rfc-full', today, takes())).toBe(rfcFullInspection2024);
    expect(revisionForNewInspection('sccif-rfc-full', '2027-04-01', takes())).toBe(rfcFullInspection2024v2);
    expect(revisionForNewInspection('sccif-rfc-full', '2028-04-01', takes())).toBe(rfcFullInspection2024v3);
    expect(revisionForNewInspection('sccif-rfc-requirement', today, () => { throw new Error('no patch asked where there is one revision'); })).toMatchObject({ machineRevision: 1 });
    expect(patchOf(rfcFullInspection2024v3)).toBe('machine-revision:sccif-rfc-full:v1:r3');
  });

  it('the numbering of that time chose by its own dates, the 2014 framework before 2024', () => {
    expect(legacyChoice('sccif-rfc-full', '2015-06-01')).toBe(rfcFullInspection2014);
    expect(legacyChoice('sccif-rfc-full', '2027-03-31')).toBe(rfcFullInspection2024);
    expect(legacyChoice('school-monitoring', '2026-12-31')).toMatchObject({ machineRevision: 1 });
    expect(legacyChoice('school-monitoring', '2027-01-01')).toMatchObject({ machineRevision: 2 });
  });
});
