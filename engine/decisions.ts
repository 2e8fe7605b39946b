import type { AnyMachineSnapshot } from 'xstate';
import type { z } from 'zod';
import { londonLocalInstant } from '../calendar';
import { type Actor, type InspectionEvent, type InspectionTypeDefinition, boundaryProblem } from '../machines/kit';
import type { EngineRevision } from './fold';

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
  | { code: 'conflicts_with_record'; message: string }
  | { code: 'invalid_date'; message: string }
  | { code: 'unknown_step'; message: string };

export type DecisionCheck = { ok: true; event: InspectionEvent } | ({ ok: false } & DecisionRefusal);

export interface DecisionContext {
  definition: InspectionTypeDefinition;
  revision: EngineRevision;
  providerId: string | null;
  /** Today in Europe/London, from the workflow's clock. */
  today: string;
  /** The instant the decision is recorded (ISO). */
  recordedAt: string;
  /** The business date the inspection was opened: no step is dated before it. */
  openedOn: string;
  /** Revision 1 only: the latest business date already recorded, before which no step may be dated. */
  lastEventDate: string | null;
}

/** The events a person could send now (guards included), in the machine's declaration order. */
export function allowedEvents(definition: InspectionTypeDefinition, snapshot: AnyMachineSnapshot): string[] {
  if (snapshot.status !== 'active') return [];
  return Object.keys(definition.events).filter((type) =>
    snapshot.can({ type, at: '', occurredAt: '', recordedAt: '', actorId: '', role: '' } as InspectionEvent),
  );
}

/**
 * Whether a person may send this decision at all, and the event it makes: who may send it, what it carries and when it
 * is dated, as one pure function. Whether it fits the inspection where its date puts it is the record's question
 * (InspectionRecord.check). The order matters: who may ask comes before what they asked.
 */
export function checkDecision(ctx: DecisionContext, decision: Decision, actor: Actor): DecisionCheck {
  const { definition } = ctx;
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
  return eventOf(ctx, type, parsed.data as Record<string, unknown>, actor);
}

/**
 * What the boundary refuses in a new request (machines/kit/boundary.ts: text no database stores, a date the calendar
 * cannot place), as a refusal; null when it takes it in. For Update validators and the API, never for a replayed handler.
 */
export function boundaryRefusal(what: string, input: unknown): Extract<DecisionCheck, { ok: false }> | null {
  const problem = boundaryProblem(input);
  if (!problem) return null;
  const message = `invalid ${what}: ${problem.path}: ${problem.message}`;
  if (problem.kind === 'date') return { ok: false, code: 'invalid_date', message };
  return { ok: false, code: 'invalid_payload', message, issues: [{ code: 'custom', path: problem.path.split('.'), message: problem.message, input } as z.core.$ZodIssue] };
}

/** The event a valid payload makes, dated and placed in time; refused when its date cannot be. */
export function eventOf(ctx: DecisionContext, type: string, data: Record<string, unknown>, actor: Actor): DecisionCheck {
  const moment = (data.at as string | undefined) ?? ctx.today;
  const at = moment.slice(0, 10);
  const time = moment.length > 10 ? moment.slice(11) : undefined;
  if (at > ctx.today) return { ok: false, code: 'invalid_date', message: `at ${at} is in the future (today is ${ctx.today})` };
  if (ctx.revision === 1 && ctx.lastEventDate && at < ctx.lastEventDate) {
    return { ok: false, code: 'invalid_date', message: `at ${at} is before the previous event's date ${ctx.lastEventDate}` };
  }
  if (ctx.revision === 2 && at < ctx.openedOn) {
    return { ok: false, code: 'invalid_date', message: `at ${at} is before the inspection was opened, on ${ctx.openedOn}` };
  }
  const occurredAt = ctx.revision === 1 ? ctx.recordedAt : time ? new Date(londonLocalInstant(at, time)).toISOString() : at === ctx.today ? ctx.recordedAt : at;
  if (time && Date.parse(occurredAt) > Date.parse(ctx.recordedAt)) {
    return { ok: false, code: 'invalid_date', message: `at ${moment} is in the future (it is now ${ctx.recordedAt})` };
  }
  return { ok: true, event: { ...data, type, at, occurredAt, recordedAt: ctx.recordedAt, actorId: actor.id, role: actor.role } };
}
