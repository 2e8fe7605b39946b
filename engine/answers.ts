import { type AnyMachineSnapshot, transition } from 'xstate';
import type { InspectionEvent, InspectionTypeDefinition } from '../machines/kit';
import { type OpenClock, openClocks } from './clocks';

/**
 * The running clocks a decision would stop: what it answers, and so why it is due. Found by trying the
 * decision on a copy of the state (XState's `transition` is pure), never coded a second time beside the machine.
 * A decision that stops none (a deferral request, say) answers no clock.
 */
export function clocksAnswered(
  definition: InspectionTypeDefinition,
  snapshot: AnyMachineSnapshot,
  eventType: string,
  today: string,
  running: readonly OpenClock[] = openClocks(definition, snapshot),
): OpenClock[] {
  if (running.length === 0) return [];
  const event = { type: eventType, at: today, recordedAt: '', actorId: 'preview', role: 'preview' } as InspectionEvent;
  let after: OpenClock[];
  try {
    after = openClocks(definition, transition(definition.machine, snapshot, event)[0]);
  } catch {
    return []; // the machine needs the real payload to take this step; nothing to preview
  }
  const stillRunning = new Set(after.map((c) => c.spec.id));
  return running.filter((clock) => !stillRunning.has(clock.spec.id));
}
