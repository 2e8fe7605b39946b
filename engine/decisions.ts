import type { AnyMachineSnapshot } from 'xstate';
import type { z } from 'zod';
import type { Actor, InspectionEvent, InspectionTypeDefinition } from '../machines/kit';

/** A decision as a person sends it: the event's name and its fields, flat. */
export interface Decision {
  event: string;
  [field: string]: unknown;
}

export type DecisionRefusal =
  | { code: 'unknown_event'; message: string; known: string[] }
  | { code: 'forbidden'; message: string; roles: string[] }
  | { code: 'invalid_payload'; message: string; issues: z.core.$ZodIssue[] }
  | { code: 'not_allowed_now'; message: string; stage: string; allowed: string[] }
  | { code: 'invalid_date'; message: string };

export type DecisionCheck = { ok: true; event: InspectionEvent } | ({ ok: false } & DecisionRefusal);

export interface DecisionContext {
  definition: InspectionTypeDefinition;
  snapshot: AnyMachineSnapshot;
  stage: string;
  providerId: string | null;
  /** Today in Europe/London, from the workflow's clock. */
  today: string;
  /** The instant the decision is recorded (ISO), for clocks counted in clock hours. */
  recordedAt: string;
  /** The latest business date already recorded: no event may be dated before it. */
  lastEventDate: string | null;
}

/** The events a person could send now (guards included), in the machine's declaration order. */
export function allowedEvents(definition: InspectionTypeDefinition, snapshot: AnyMachineSnapshot): string[] {
  if (snapshot.status !== 'active') return [];
  return Object.keys(definition.events).filter((type) =>
    snapshot.can({ type, at: '', actorId: '', role: '' } as InspectionEvent),
  );
}

/**
 * Everything that decides whether a decision may be applied, as one pure function: used by the workflow's
 * Update validator (so a refused decision never reaches history) and by the API (to answer with 400/403/409
 * without a round trip). The order matters: who may ask comes before what they asked.
 */
export function checkDecision(ctx: DecisionContext, decision: Decision, actor: Actor): DecisionCheck {
  const { definition, snapshot } = ctx;
  const { event: type, ...fields } = decision;
  const spec = Object.prototype.hasOwnProperty.call(definition.events, type) ? definition.events[type] : undefined;
  if (!spec) {
    const known = Object.keys(definition.events);
    return { ok: false, code: 'unknown_event', message: `unknown event "${type}" for ${definition.type}`, known };
  }
  if (actor.role === 'system' || !spec.roles.includes(actor.role)) {
    return {
      ok: false,
      code: 'forbidden',
      message: `${type} may be sent by ${spec.roles.join(' or ')}, not by ${actor.role}`,
      roles: [...spec.roles],
    };
  }
  if (actor.role === 'provider' && (!ctx.providerId || actor.providerId !== ctx.providerId)) {
    return { ok: false, code: 'forbidden', message: 'a provider may act only on its own inspections', roles: [] };
  }
  const parsed = spec.schema.safeParse(fields);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    return { ok: false, code: 'invalid_payload', message: `invalid ${type}: ${message}`, issues: parsed.error.issues };
  }
  const data = parsed.data as Record<string, unknown>;
  const at = (data.at as string | undefined) ?? ctx.today;
  if (at > ctx.today) {
    return { ok: false, code: 'invalid_date', message: `at ${at} is in the future (today is ${ctx.today})` };
  }
  if (ctx.lastEventDate && at < ctx.lastEventDate) {
    return {
      ok: false,
      code: 'invalid_date',
      message: `at ${at} is before the previous event's date ${ctx.lastEventDate}`,
    };
  }
  const event: InspectionEvent = { ...data, type, at, recordedAt: ctx.recordedAt, actorId: actor.id, role: actor.role };
  // Checked with the whole event, so a guard that reads the payload (e.g. which linked report) can refuse it.
  if (!snapshot.can(event)) {
    const broken = spec.breaks?.(snapshot.context as Record<string, unknown>, event);
    if (broken) {
      return { ok: false, code: 'invalid_payload', message: `invalid ${type}: ${broken}`, issues: [{ code: 'custom', path: [], message: broken, input: fields }] };
    }
    const allowed = allowedEvents(definition, snapshot);
    const why = allowed.includes(type) ? ' with these details' : '';
    return {
      ok: false,
      code: 'not_allowed_now',
      message: `${type} is not allowed${why} at stage ${ctx.stage}; allowed now: ${allowed.join(', ') || 'none'}`,
      stage: ctx.stage,
      allowed,
    };
  }
  return { ok: true, event };
}
