import type { z } from 'zod';
import { type JsonSchema, jsonSchema } from './jsonSchema';
import type { RouteSpec } from './route';
import { errorBody } from './schemas';

const ERRORS: Record<number, string> = {
  400: 'bad request: malformed JSON, an unknown field, a payload or date that fails its schema (with the zod issues)',
  401: 'missing, forged or expired bearer token',
  403: 'the role may not do this (for decisions: as the inspection type says)',
  404: 'no such inspection (or not yours)',
  409: 'not allowed at the current stage; `allowed` names the events that are',
  422: 'the Idempotency-Key was first sent with another request',
  413: 'body larger than 64 kB',
  415: 'body is not application/json',
  429: 'too many requests; retry after the Retry-After header',
  503: 'Temporal or the database unavailable; retry',
};

/** OpenAPI 3.1, generated from the same route table and zod schemas that validate every request. */
export function openApiDocument(routes: readonly RouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = { Error: jsonSchema(errorBody, 'output') };
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...objectParameters(r.params, 'path'),
      ...objectParameters(r.query, 'query'),
      ...(r.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: false, description: h.description, schema: jsonSchema(h.schema, 'input') })),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(r.responses)) {
      responses[status] = {
        description: spec.description,
        ...(spec.schema ? { content: { [spec.contentType ?? 'application/json']: { schema: jsonSchema(spec.schema, 'output') } } } : {}),
      };
    }
    const errorStatuses = [400, ...(r.access === 'public' ? [] : [401, 403, 429]), ...(r.params ? [404] : []), ...(r.body ? [409, 413, 415] : []), ...(r.headers?.some((h) => h.name === 'Idempotency-Key') ? [422] : []), 503];
    for (const status of errorStatuses) {
      responses[String(status)] ??= { description: ERRORS[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    const body = bodySchema(r.bodyDoc ?? r.body, schemas);
    paths[path] ??= {};
    paths[path]![r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      ...(r.access === 'public' ? { security: [] } : {}),
      ...(Array.isArray(r.access) ? { 'x-roles': r.access } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Durable inspections API',
      version,
      description:
        'Inspections of many types, each run by its statutory machine. Decisions are sent as `{ event, ...fields }`; who may send each event comes from the type (GET /types).',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas,
    },
  };
}

/** A route's body as the document gives it; the components it names join the document's. */
function bodySchema(body: RouteSpec['bodyDoc'], schemas: Record<string, JsonSchema>): JsonSchema | null {
  if (!body) return null;
  if (!('components' in body)) return jsonSchema(body, 'input');
  Object.assign(schemas, body.components);
  return body.schema;
}

function objectParameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}
