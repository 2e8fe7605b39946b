import type { AnyMachineSnapshot, StateValue } from 'xstate';
import type { InspectionTypeDefinition } from '../machines/kit';

/** The dotted paths of the active leaf states, e.g. `['reporting.commentWindow']`. */
export function activePaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  return Object.entries(value).flatMap(([key, child]) =>
    child === undefined ? [prefix + key] : activePaths(child as StateValue, `${prefix}${key}.`),
  );
}

export function stageOf(snapshot: AnyMachineSnapshot): string {
  return activePaths(snapshot.value).join(',');
}

/**
 * The public status: the `status` a machine declares in the meta of its deepest active state. This is the
 * one place state ids become something the API shows (DESIGN §5).
 */
export function statusOf(definition: InspectionTypeDefinition, snapshot: AnyMachineSnapshot): string {
  const meta = snapshot.getMeta() as Record<string, { status?: string } | undefined>;
  const machineId = definition.machine.id;
  const statuses = activePaths(snapshot.value).map((path) => {
    const segments = path.split('.');
    for (let i = segments.length; i > 0; i--) {
      const status = meta[`${machineId}.${segments.slice(0, i).join('.')}`]?.status;
      if (status) return status;
    }
    return path;
  });
  return statuses.join(',');
}

export function isInState(snapshot: AnyMachineSnapshot, path: string): boolean {
  return activePaths(snapshot.value).some((active) => active === path || active.startsWith(`${path}.`));
}
