import { type MachineContext, assign } from 'xstate';
import type { InspectionEvent } from './events';

/**
 * Records the event's business date (`at`) in a context field: how every machine anchors its clocks
 * ("feedback given on", "draft sent on", ...).
 */
export function recordDate<TContext extends MachineContext>(field: keyof TContext & string) {
  return assign<TContext, InspectionEvent, undefined, InspectionEvent, never>(
    ({ event }) => ({ [field]: event.at }) as Partial<TContext>,
  );
}
