import { assign } from 'xstate';
import type { InspectionEvent } from '../kit';

/** The context of a machine built from fragments: each fragment declares its own fields and their defaults. */
export type FragmentContext = Record<string, unknown>;

/** An XState `assign` over a fragment machine's context, typed once here so fragments stay short. */
export function update(fn: (context: FragmentContext, event: InspectionEvent) => FragmentContext) {
  return assign<FragmentContext, InspectionEvent, undefined, InspectionEvent, never>(({ context, event }) => fn(context, event));
}

/** A guard over a fragment machine's context and event; named, so the catalogue's chart shows what it checks. */
export type FragmentGuard = (args: { context: FragmentContext; event: InspectionEvent }) => boolean;
