import type { AnyMachineSnapshot, StateValue } from 'xstate';
import type { InspectionTypeDefinition } from '../machines/kit';

/**
 * Paths already worked out, per state value: a snapshot's value never changes, and views, clocks and stage checks
 * ask for the same one many times (docs/PERFORMANCE.md). Weak, so nothing is kept past its snapshot.
 */
const pathsOfValue = new WeakMap<object, readonly string[]>();

/** The dotted paths of the active leaf states, e.g. `['reporting.commentWindow']`. */
export function activePaths(value: StateValue): string[] {
  return [...pathsOf(value)];
}

function pathsOf(value: StateValue): readonly string[] {
  if (typeof value === 'string') return [value];
  let paths = pathsOfValue.get(value);
  if (!paths) pathsOfValue.set(value, (paths = leafPaths(value, '')));
  return paths;
}

function leafPaths(value: StateValue, prefix: string): string[] {
  if (typeof value === 'string') return [prefix + value];
  return Object.entries(value).flatMap(([key, child]) =>
    child === undefined ? [prefix + key] : leafPaths(child as StateValue, `${prefix}${key}.`),
  );
}

export function stageOf(snapshot: AnyMachineSnapshot): string {
  return pathsOf(snapshot.value).join(',');
}

/**
 * The public status: the `status` a machine declares in the meta of its deepest active state. This is the
 * one place state ids become something the API shows (docs/ARCHITECTURE.md §5).
 */
export function statusOf(definition: InspectionTypeDefinition, snapshot: AnyMachineSnapshot): string {
  let status = statusOfSnapshot.get(snapshot);
  if (status === undefined) statusOfSnapshot.set(snapshot, (status = statusFromMeta(definition, snapshot)));
  return status;
}

/** A snapshot never changes, and every view asks for its status: worked out once (XState's getMeta is not cheap). */
const statusOfSnapshot = new WeakMap<AnyMachineSnapshot, string>();

function statusFromMeta(definition: InspectionTypeDefinition, snapshot: AnyMachineSnapshot): string {
  const meta = snapshot.getMeta() as Record<string, { status?: string } | undefined>;
  const machineId = definition.machine.id;
  const statuses = pathsOf(snapshot.value).map((path) => {
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
  return pathsOf(snapshot.value).some((active) => active === path || active.startsWith(`${path}.`));
}
