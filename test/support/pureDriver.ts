import { startOfLondonDay } from '../../calendar';
import { DecisionRefusedError, type EngineRevision, InspectionRecord, type InspectionView } from '../../engine';
import type { Actor, InspectionTypeDefinition, Role } from '../../machines/kit';

export const PROVIDER_ID = 'provider-1';

export const actors: Record<Role, Actor> = {
  manager: { id: 'manager-1', role: 'manager' },
  inspector: { id: 'inspector-1', role: 'inspector' },
  provider: { id: 'provider-user-1', role: 'provider', providerId: PROVIDER_ID },
  auditor: { id: 'auditor-1', role: 'auditor' },
};

/** Midday in London on a date: a plain "now" for pure tests. */
export const middayOn = (date: string) => startOfLondonDay(date) + 12 * 3600_000;

/** Drives an InspectionRecord without a server: each step names the day it happens. */
export class PureDriver {
  readonly record: InspectionRecord;

  constructor(definition: InspectionTypeDefinition, startedOn: string, input: Record<string, unknown> = {}, engineRevision?: EngineRevision) {
    this.record = InspectionRecord.start(definition, {
      inspectionId: 'inspection-1',
      providerId: PROVIDER_ID,
      input,
      actor: actors.manager,
      now: middayOn(startedOn),
      ...(engineRevision ? { engineRevision } : {}),
    });
  }

  send(role: Role, on: string, event: string, fields: Record<string, unknown> = {}) {
    this.advanceTo(on);
    return this.record.decide({ event, at: on, ...fields }, actors[role], middayOn(on));
  }

  /** Lets time pass to midday on `date`, firing every clock that runs out on the way. */
  advanceTo(date: string) {
    this.record.fireDueClocks(middayOn(date));
    return this.view(date);
  }

  view(date: string) {
    return this.record.view(middayOn(date));
  }

  deadline(clock: string, on: string) {
    return this.view(on).deadlines.find((d) => d.clock === clock)?.due;
  }
}

/** The running targets past their due date, awaiting the record, as [clock, due]. */
export function overdue(view: InspectionView): [string, string][] {
  return view.deadlines.filter((d) => d.kind === 'target' && d.overdue).map((d) => [d.clock, d.due]);
}

/** The breaches, as [clock, due, the day the late step answered it (null while awaited)]. */
export function breaches(view: InspectionView): [string, string, string | null][] {
  return view.breaches.map((b) => [b.clock, b.due, b.resolvedOn]);
}

/** The refusal a decision meets; fails the test if the decision is accepted. */
export function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof DecisionRefusedError) return error.refusal;
    throw error;
  }
  throw new Error('expected the decision to be refused');
}
