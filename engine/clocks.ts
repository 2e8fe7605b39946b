import type { AnyMachineSnapshot } from 'xstate';
import { addCalendarDays, addWorkingDays, deadline, dueAcrossCalendars, endOfLondonDay, isIsoDate, londonDateOf } from '../calendar';
import type { ClockSpec, InspectionTypeDefinition } from '../machines/kit';
import { isInState } from './stage';

/** A clock that is running now, with its absolute due date. */
export interface OpenClock {
  spec: ClockSpec;
  /** The last day (Europe/London) on which the step is on time. */
  due: string;
  /** The instant the clock runs out: the start of the day after `due`, in Europe/London. */
  dueAt: number;
}

/**
 * Derived afresh after every transition (docs/ARCHITECTURE.md §3 decision 2): no stored timer state to go stale.
 * Working-day dues follow the calendar versions in force (calendar/holidayCalendar.ts): a clock that ran out before a
 * later version came into force, or stopped before then (`asOf`), keeps the due it had.
 */
export function openClocks(definition: InspectionTypeDefinition, snapshot: AnyMachineSnapshot, asOf = Infinity): OpenClock[] {
  const context = snapshot.context as Record<string, unknown>;
  return definition.clocks.flatMap((spec) => {
    if (snapshot.status !== 'active' || !spec.runsIn.some((path) => isInState(snapshot, path))) return [];
    const anchor = context[spec.anchor];
    if (typeof anchor !== 'string') return [];
    if (spec.unit === 'hours') {
      if (isIsoDate(anchor)) {
        // The step was entered later with its date alone: the hours count as whole days from that date, so that
        // a time we do not know never makes the answer late (reading).
        const due = addCalendarDays(anchor, Math.ceil(spec.length / 24));
        return [{ spec, due, dueAt: endOfLondonDay(due) }];
      }
      // A service level in clock hours runs from the instant the step happened, not from the end of a day.
      const dueAt = Date.parse(anchor) + spec.length * 3_600_000;
      return [{ spec, due: londonDateOf(dueAt), dueAt }];
    }
    const extension = (spec.extendedBy ?? []).reduce((sum, field) => sum + Number(context[field] ?? 0), 0);
    const unit = spec.unit;
    const due = dueAcrossCalendars(() => {
      const base = deadline(anchor, spec.length, unit);
      return extension > 0 ? addWorkingDays(base, extension) : base;
    }, endOfLondonDay, asOf);
    return [{ spec, due, dueAt: endOfLondonDay(due) }];
  });
}

/** Identifies one running of a clock, so that it fires once even if re-derived many times. */
export function clockKey(clock: OpenClock): string {
  return `${clock.spec.id}@${clock.due}`;
}
