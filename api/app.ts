import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Client } from '@temporalio/client';
import type { Database } from '../db';
import { readLedger, verifyChain } from '../ledger';
import { getInspectionSummary, listInspections } from '../readModel';
import { UnknownInspectionTypeError, versionInForce } from '../machines/registry';
import { londonDateOf } from '../calendar';
import { type Authenticator, actorOf, requireRole } from './auth';
import { catalogue } from './catalogue';
import { ApiError, notFound } from './errors';
import { InspectionService } from './inspectionService';
import { createInspectionBody, decisionBody, inspectionIdParam, listQuery } from './schemas';
import { parseOr400 } from './validate';

export interface AppDeps {
  client: Client;
  db: Database;
  taskQueue: string;
  auth: Authenticator;
  searchAttributes?: boolean;
  log?: (line: Record<string, unknown>) => void;
}

/** The API as an Express app (listening is the caller's business). */
export function createApp(deps: AppDeps) {
  const service = new InspectionService({ client: deps.client, taskQueue: deps.taskQueue, searchAttributes: deps.searchAttributes ?? false });
  const log = deps.log ?? ((line) => console.log(JSON.stringify(line)));
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  app.use((req, res, next) => {
    const given = req.get('x-request-id');
    res.locals.requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.set('x-request-id', res.locals.requestId);
    res.set({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cache-control': 'no-store',
    });
    const started = Date.now();
    res.on('finish', () =>
      log({ requestId: res.locals.requestId, method: req.method, path: req.path, status: res.statusCode, ms: Date.now() - started }),
    );
    next();
  });
  app.use(express.json({ limit: '64kb', strict: true }));

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.allSettled([deps.client.connection.workflowService.getSystemInfo({}), deps.db.ping()]);
    const [temporal, database] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : `unavailable: ${String((c as PromiseRejectedResult).reason)}`));
    res.status(checks.every((c) => c.status === 'fulfilled') ? 200 : 503).json({ temporal, database });
  });
  app.get('/types', (_req, res) => {
    res.json({ types: catalogue() });
  });

  const api = express.Router();
  api.use(deps.auth.middleware);

  api.post('/inspections', requireRole('manager'), async (req, res) => {
    const body = parseOr400(createInspectionBody, requireJson(req), 'inspection');
    const { type, providerId, ...input } = body;
    const definition = definitionInForce(type, londonDateOf(Date.now()));
    const machineInput = parseOr400(definition.inputSchema, input, `input for ${type}`);
    const key = req.get('idempotency-key');
    if (key !== undefined && !/^[\w.:-]{1,200}$/.test(key)) throw new ApiError(400, 'invalid_request', 'Idempotency-Key: 1 to 200 letters, digits, or . _ : -');
    const { view, created } = await service.start(definition, providerId, machineInput, actorOf(res), key);
    res.status(created ? 201 : 200).location(`/inspections/${view.inspectionId}`).json(view);
  });

  api.get('/inspections', async (req, res) => {
    const query = parseOr400(listQuery, req.query, 'query');
    const actor = actorOf(res);
    if (actor.role === 'provider' && query.providerId && query.providerId !== actor.providerId) {
      throw new ApiError(403, 'forbidden', 'a provider may list only its own inspections');
    }
    const providerId = actor.role === 'provider' ? actor.providerId : query.providerId;
    const page = await listInspections(deps.db, { ...query, ...(providerId ? { providerId } : {}), now: new Date() });
    res.json({ ...page, limit: query.limit, offset: query.offset });
  });

  api.get('/inspections/:id', async (req, res) => {
    res.json(await readableView(req, res));
  });

  api.post('/inspections/:id/decisions', async (req, res) => {
    const id = parseOr400(inspectionIdParam, req.params.id, 'inspection id');
    const { event, ...fields } = parseOr400(decisionBody, requireJson(req), 'decision');
    res.json(await service.decide(id, { event, ...fields }, actorOf(res)));
  });

  api.get('/inspections/:id/audit', requireRole('manager', 'inspector', 'auditor'), async (req, res) => {
    const id = await existingId(req);
    const [entries, verification] = await Promise.all([readLedger(deps.db, id), verifyChain(deps.db, id)]);
    res.json({ inspectionId: id, verification, entries });
  });

  api.get('/inspections/:id/audit/verify', requireRole('manager', 'inspector', 'auditor'), async (req, res) => {
    res.json(await verifyChain(deps.db, await existingId(req)));
  });

  api.get('/inspections/:id/history', requireRole('manager', 'auditor'), async (req, res) => {
    const history = await service.history(parseOr400(inspectionIdParam, req.params.id, 'inspection id'));
    res.json({ events: history.events ?? [] });
  });

  app.use(api);
  app.use((_req, _res, next) => next(new ApiError(404, 'not_found', 'no such route')));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const requestId = res.locals.requestId as string;
    const apiError = toApiError(error);
    if (!apiError) {
      log({ requestId, level: 'error', error: error instanceof Error ? error.stack : String(error) });
      res.status(500).json({ error: { code: 'internal', message: 'internal error; quote the request id', requestId } });
      return;
    }
    if (apiError.status === 503) log({ requestId, level: 'warn', error: apiError.message });
    res.status(apiError.status).json({ error: { code: apiError.code, message: apiError.message, requestId, ...apiError.details } });
  });

  return app;

  async function readableView(req: Request, res: Response) {
    const id = parseOr400(inspectionIdParam, req.params.id, 'inspection id');
    const view = await service.view(id);
    const actor = actorOf(res);
    if (actor.role === 'provider' && view.providerId !== actor.providerId) throw notFound(`inspection ${id}`);
    return view;
  }

  async function existingId(req: Request): Promise<string> {
    const id = parseOr400(inspectionIdParam, req.params.id, 'inspection id');
    if (!(await getInspectionSummary(deps.db, id))) throw notFound(`inspection ${id}`);
    return id;
  }
}

function requireJson(req: Request): unknown {
  if (!req.is('application/json')) throw new ApiError(415, 'unsupported_media_type', 'send the body as application/json');
  return req.body;
}

function definitionInForce(type: string, today: string) {
  try {
    return versionInForce(type, today);
  } catch (error) {
    if (error instanceof UnknownInspectionTypeError) throw new ApiError(400, 'unknown_type', error.message);
    throw error;
  }
}

/** Body-parser's own errors carry a status; everything else unknown is a 500. */
function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  const e = error as { type?: string; status?: number; message?: string };
  if (e?.type === 'entity.parse.failed') return new ApiError(400, 'malformed_json', `the body is not valid JSON: ${e.message}`);
  if (e?.type === 'entity.too.large') return new ApiError(413, 'body_too_large', 'the body is larger than 64 kB');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return new ApiError(400, 'bad_request', e.message ?? 'bad request');
  return undefined;
}

