/**
 * Numbers recorded before framework versions and machine revisions were counted apart. Until then a machine revision
 * was registered as a new "version" of its type, with an in-force date of its own that no seed states. Workflows
 * started then carry that single number; each entry here says which framework version and machine revision it stands
 * for, and from which date the code of that time chose it for new inspections. The dates are kept only so that
 * histories recorded then replay the choice they made (workflows/machineChoice.ts); no new inspection is chosen by them.
 */
export interface LegacyNumber {
  type: string;
  /** The number recorded as `version` in a workflow's start. */
  recordedAs: number;
  version: number;
  machineRevision: number;
  /** The date from which the code of that time started new inspections on it. */
  chosenFrom: string;
}

export const LEGACY_NUMBERS: readonly LegacyNumber[] = [
  { type: 'sccif-rfc-full', recordedAs: 2, version: 1, machineRevision: 2, chosenFrom: '2027-04-01' },
  { type: 'sccif-rfc-full', recordedAs: 3, version: 1, machineRevision: 3, chosenFrom: '2028-04-01' },
  { type: 'sccif-rfc-monitoring-visit', recordedAs: 2, version: 1, machineRevision: 2, chosenFrom: '2027-04-01' },
  { type: 'sccif-rfc-recommendation', recordedAs: 2, version: 1, machineRevision: 2, chosenFrom: '2027-04-01' },
  { type: 'fes-inspection', recordedAs: 2, version: 1, machineRevision: 2, chosenFrom: '2027-01-01' },
  { type: 'school-monitoring', recordedAs: 2, version: 1, machineRevision: 2, chosenFrom: '2027-01-01' },
  { type: 'sccif-childrens-home', recordedAs: 2, version: 1, machineRevision: 2, chosenFrom: '2027-01-01' },
];

/** The framework version and machine revision a number recorded without a revision stands for. */
export function fromLegacyNumber(type: string, recordedAs: number): { version: number; machineRevision: number } {
  const legacy = LEGACY_NUMBERS.find((l) => l.type === type && l.recordedAs === recordedAs);
  return legacy ? { version: legacy.version, machineRevision: legacy.machineRevision } : { version: recordedAs, machineRevision: 1 };
}
