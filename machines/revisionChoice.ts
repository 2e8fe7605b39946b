import type { InspectionTypeDefinition } from './kit';
import { LEGACY_NUMBERS } from './legacyNumbering';
import { INSPECTION_TYPES, getDefinition, revisionsOf, versionInForce } from './registry';

/** The patch a workflow takes a machine revision behind when it starts an inspection on it (workflows/machineChoice.ts). */
export function revisionPatchId(definition: InspectionTypeDefinition): string {
  return `machine-revision:${definition.type}:v${definition.version}:r${definition.machineRevision}`;
}

/**
 * The machine a workflow starts a new inspection on, the same on replay as when it was recorded. New: the framework
 * version in force on `onDate` at its latest revision. A history recorded when an older revision was the latest must
 * replay that older choice, so each revision from 2 on is taken only where `taken(its patch id)` says so: newest
 * first, the first taken wins. Where none is taken (a history recorded before machine revisions were counted
 * apart), the choice the numbering of that time made (machines/legacyNumbering.ts).
 */
export function revisionForNewInspection(type: string, onDate: string, taken: (patchId: string) => boolean): InspectionTypeDefinition {
  const current = versionInForce(type, onDate);
  const later = revisionsOf(current.type, current.version).filter((d) => d.machineRevision > 1).reverse();
  if (later.length === 0) return current;
  return later.find((d) => taken(revisionPatchId(d))) ?? legacyChoice(type, onDate);
}

/**
 * What the code of the time chose for a new inspection, when each machine revision was a "version" with an in-force
 * date of its own: the newest of those whose date is on or before `onDate`, else the oldest.
 */
export function legacyChoice(type: string, onDate: string): InspectionTypeDefinition {
  const numbered = INSPECTION_TYPES.filter((d) => d.type === type && d.machineRevision === 1).map((definition) => ({ definition, recordedAs: definition.version, from: definition.inForceFrom }));
  for (const legacy of LEGACY_NUMBERS.filter((l) => l.type === type)) {
    numbered.push({ definition: getDefinition(type, legacy.version, legacy.machineRevision), recordedAs: legacy.recordedAs, from: legacy.chosenFrom });
  }
  numbered.sort((a, b) => a.recordedAs - b.recordedAs);
  return (numbered.filter((n) => n.from <= onDate).pop() ?? numbered[0]!).definition;
}
