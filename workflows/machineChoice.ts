import { patched } from '@temporalio/workflow';
import type { InspectionTypeDefinition } from '../machines/kit';
import type { StartInspectionInput } from './messages';
import { pureModules } from './pureRuntime';

/**
 * The machine a workflow starts a new inspection on (a centre's next inspection, a tracked requirement): the
 * framework version in force on the day at its latest revision, each revision taken behind a patch of its own so
 * that a history replays the choice it recorded (machines/revisionChoice.ts).
 */
export function machineForNewInspection(type: string): InspectionTypeDefinition {
  const { revisionForNewInspection, londonDateOf } = pureModules();
  return revisionForNewInspection(type, londonDateOf(Date.now()), (patchId) => patched(patchId));
}

/** The part of a start that names the machine. */
export function machineOf(definition: InspectionTypeDefinition): Pick<StartInspectionInput, 'type' | 'version' | 'machineRevision'> {
  return { type: definition.type, version: definition.version, machineRevision: definition.machineRevision };
}
