import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Actor, Role } from '../machines/kit';
import type { DocumentedBody } from './jsonSchema';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Default application/json. */
  contentType?: string;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  req: Request;
  res: Response;
}

/** What a handler answers: JSON by default, or text of a given content type. */
export type RouteResult =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; text: string; contentType: string; headers?: Record<string, string> };

/**
 * One API route, declared once: its schemas validate the request and generate the OpenAPI document, so the
 * two cannot drift apart (no second copy of any schema).
 */
export interface RouteSpec<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: 'get' | 'post';
  /** Express syntax, e.g. `/inspections/:id`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** `public`: no token; `authenticated`: any role; else the roles that may call it. */
  access: 'public' | 'authenticated' | readonly Role[];
  params?: P;
  query?: Q;
  /** Validates the body (415 unless JSON). `bodyDoc` documents it when the real check is deeper (per type). */
  body?: B;
  bodyDoc?: z.ZodType | DocumentedBody;
  headers?: { name: string; description: string; schema: z.ZodType }[];
  responses: Record<number, ResponseSpec>;
  handle(input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>): Promise<RouteResult>;
}

/** Keeps each route's own parameter types while collecting routes of different shapes in one list. */
export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}
