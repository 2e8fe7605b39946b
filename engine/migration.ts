import type { Actor, InspectionTypeDefinition } from '../machines/kit';
import type { DecisionRefusal } from './decisions';
import type { EngineRevision, Fold } from './fold';

/** What moving a running inspection to another revision changes: where it stands, and every deadline that moves. */
export interface MigrationPreview {
  from: { version: number; machineRevision: number };
  to: { version: number; machineRevision: number };
  note: string;
  stage: { before: string; after: string };
  status: { before: string; after: string };
  /** Each running clock whose due date differs, appears or goes (null where it does not run). */
  deadlines: { clock: string; before: string | null; after: string | null }[];
}

/** Who may migrate an inspection. */
export const MIGRATORS = ['manager'] as const;

/** Why `from` cannot be moved to `target` at all, whatever its steps; null when the path is open. */
export function migrationRefusal(
  from: InspectionTypeDefinition,
  target: InspectionTypeDefinition,
  engineRevision: EngineRevision,
  done: boolean,
  actor: Actor,
): ({ ok: false } & DecisionRefusal) | null {
  const name = (d: InspectionTypeDefinition) => `${d.type} v${d.version} revision ${d.machineRevision}`;
  if (!(MIGRATORS as readonly string[]).includes(actor.role)) return { ok: false, code: 'forbidden', message: `an inspection is migrated by a manager, not by ${actor.role}`, roles: [...MIGRATORS] };
  const refuse = (message: string) => ({ ok: false as const, code: 'conflicts_with_record' as const, message });
  if (target.type !== from.type || target.version !== from.version) return refuse(`it runs ${name(from)}: a migration moves it to another revision of that framework version, not to ${name(target)}`);
  if (target.machineRevision === from.machineRevision) return refuse(`it already runs ${name(from)}`);
  if (!target.migratesFrom?.revisions.includes(from.machineRevision)) return refuse(`${name(target)} declares no migration from revision ${from.machineRevision}`);
  if (engineRevision === 1) return refuse('it reads its steps in the order they were recorded (engine revision 1): they cannot be read again through another revision');
  if (done) return refuse('it has ended');
  return null;
}

export function migrationPreview(from: InspectionTypeDefinition, to: InspectionTypeDefinition, before: Fold, after: Fold): MigrationPreview {
  const dues = (fold: Fold) => new Map(fold.clocks.map((c) => [c.spec.id, c.due]));
  const was = dues(before);
  const will = dues(after);
  const deadlines = [...new Set([...was.keys(), ...will.keys()])]
    .map((clock) => ({ clock, before: was.get(clock) ?? null, after: will.get(clock) ?? null }))
    .filter((d) => d.before !== d.after);
  return {
    from: { version: from.version, machineRevision: from.machineRevision },
    to: { version: to.version, machineRevision: to.machineRevision },
    note: to.migratesFrom?.note ?? '',
    stage: { before: before.stage, after: after.stage },
    status: { before: before.status, after: after.status },
    deadlines,
  };
}
