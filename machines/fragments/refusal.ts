import type { InspectionEvent } from '../kit';
import type { FragmentContext, FragmentGuard } from './update';

/**
 * A rule that depends on what was recorded before: the reason the event breaks it, or null. A fragment that takes
 * one sets it as the event's `breaks` (so the refusal names the rule) and guards the transition with `heldBy(rule)`.
 */
export type Refusal = (context: FragmentContext, event: InspectionEvent) => string | null;

/** The guard that lets an event through only when it breaks no rule; named after the rule, so the chart shows it. */
export function heldBy(...rules: readonly Refusal[]): FragmentGuard {
  const guard: FragmentGuard = ({ context, event }) => rules.every((rule) => rule(context, event) === null);
  Object.defineProperty(guard, 'name', { value: rules.map((r) => r.name).join('And') });
  return guard;
}

/** The first rule an event breaks, for the event's `breaks`. */
export const firstBroken = (...rules: readonly Refusal[]): Refusal => (context, event) => rules.map((rule) => rule(context, event)).find((why) => why !== null) ?? null;
