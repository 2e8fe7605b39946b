import type { InspectionTypeDefinition } from '../../machines/kit';
import { LEGACY_NUMBERS } from '../../machines/legacyNumbering';

/**
 * The folder of a machine's recorded histories, test/fixtures/histories/<key>/: `<type>-v<version>`, with
 * `r<revision>` from revision 2 on. A revision registered when revisions were numbered as versions keeps the folder
 * of that number (machines/legacyNumbering.ts), where its histories were recorded.
 */
export function historyKey(definition: Pick<InspectionTypeDefinition, 'type' | 'version' | 'machineRevision'>): string {
  const { type, version, machineRevision } = definition;
  const legacy = LEGACY_NUMBERS.find((l) => l.type === type && l.version === version && l.machineRevision === machineRevision);
  if (legacy) return `${type}-v${legacy.recordedAs}`;
  return machineRevision === 1 ? `${type}-v${version}` : `${type}-v${version}r${machineRevision}`;
}
