import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Client } from '@temporalio/client';
import { londonDateOf } from '../calendar';
import type { ReadingSettings } from '../machines/readings';
import type { Database } from '../db';
import type { Actor } from '../machines/kit';
import { CheckpointDirectory } from '../ledger/auditLog';
import type { Authenticator } from './auth';
import { docsPage } from './docsPage';
import { webPage } from './webPage';
import { ApiError } from './errors';
import { InspectionService } from './inspectionService';
import { ApiMetrics } from './metrics';
import { openApiDocument } from './openapi';
import { RateLimiter } from './rateLimit';
import type { RouteSpec } from './route';
import { auditRoutes } from './routes/audit';
import { calendarRoutes } from './routes/calendar';
import { centreRoutes } from './routes/centres';
import { inspectionRoutes } from './routes/inspections';
import { systemRoutes } from './routes/system';
import { CalendarChanges } from './calendarChanges';
import { MigrationBatches } from './migrationBatches';
import { migrationRoutes } from './routes/migrations';
import { timelineRoutes } from './routes/timeline';
import { workRoutes } from './routes/work';
import { parseOr400 } from './validate';

export interface AppDeps {
  client: Client;
  db: Database;
  taskQueue: string;
  auth: Authenticator;
  searchAttributes?: boolean;
  /** Requests a minute per caller (default 600). */
  rateLimitPerMinute?: number;
  /** How long a record may lag its workflow before /readyz and /metrics say so (default 60 s; RECORD_LAG_BOUND_SECONDS). */
  recordLagBoundSeconds?: number;
  /** Where the audit log's signed checkpoints are kept (CHECKPOINT_DIR), to serve proofs against them. */
  checkpointDir?: string;
  /** The values an operator set for readings (READINGS_FILE): shown in the catalogue, taken by inspections started. */
  readings?: ReadingSettings;
  log?: (line: Record<string, unknown>) => void;
  /**
   * The date whose framework versions new inspections take (default: today in London). Tests that assert one
   * version's exact behaviour pin it, so they do not change meaning when a later version comes into force.
   */
  frameworkDate?: () => string;
}

const API_VERSION = '1.0.0';

/** The API as an Express app (listening is the caller's business). Every route comes from one table. */
export function createApp(deps: AppDeps) {
  const readings = deps.readings ?? {};
  const calendar = new CalendarChanges({ db: deps.db, client: deps.client, taskQueue: deps.taskQueue });
  const service = new InspectionService({ client: deps.client, taskQueue: deps.taskQueue, searchAttributes: deps.searchAttributes ?? false, readings, calendar: () => calendar.current() });
  const log = deps.log ?? ((line) => console.log(JSON.stringify(line)));
  const lagBoundSeconds = deps.recordLagBoundSeconds ?? 60;
  const metrics = new ApiMetrics(deps.db, lagBoundSeconds);
  const limiter = new RateLimiter(deps.db, deps.rateLimitPerMinute ?? 600);
  let document: unknown;
  const routes: RouteSpec[] = [
    ...systemRoutes({ client: deps.client, db: deps.db, metrics, lagBoundSeconds, readings, openApi: () => (document ??= openApiDocument(routes, API_VERSION)) }),
    ...inspectionRoutes(service, deps.db, deps.frameworkDate ?? (() => londonDateOf(Date.now()))),
    ...timelineRoutes(service, calendar),
    ...migrationRoutes(service, new MigrationBatches({ client: deps.client, taskQueue: deps.taskQueue }), deps.db),
    ...centreRoutes(service),
    ...calendarRoutes(calendar),
    ...workRoutes(deps.db),
    ...auditRoutes(service, deps.db, lagBoundSeconds, deps.checkpointDir ? new CheckpointDirectory(deps.checkpointDir) : null),
  ];

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Every API answer is `cache-control: no-store`, so an ETag (a hash of each body) would never be used.
  // The static files of /docs and /ui keep theirs: serve-static sets them itself.
  app.set('etag', false);

  app.use((req, res, next) => {
    const given = req.get('x-request-id');
    res.locals.requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.set({
      'x-request-id': res.locals.requestId,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cache-control': 'no-store',
    });
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (res.locals.route as string | undefined) ?? 'unmatched';
      metrics.observe(req.method, route, res.statusCode, seconds);
      const actor = res.locals.actor as Actor | undefined;
      log({ requestId: res.locals.requestId, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000), ...(actor ? { actor: actor.id, role: actor.role } : {}) });
    });
    next();
  });
  // Every caller is counted before its body is read: a token's subject, or the address of anyone without a valid one.
  app.use(async (req, res, next) => {
    try {
      const caller = await deps.auth.authenticate(req).then(
        (actor) => `actor:${actor.id}`,
        () => `address:${req.socket.remoteAddress ?? 'unknown'}`,
      );
      const taken = await limiter.take(caller);
      if (!taken.ok) throw new ApiError(429, 'rate_limited', `too many requests; retry in ${taken.retryAfterSeconds} s`, { retryAfterSeconds: taken.retryAfterSeconds });
      next();
    } catch (error) {
      next(error);
    }
  });
  app.use(express.json({ limit: '64kb', strict: true }));
  // Mounted at their prefixes, so an API request passes each in one path test.
  app.use('/docs', docsPage());
  app.use('/ui', webPage());

  // One handler per route, doing in turn what separate middlewares would: fewer hops per request (docs/PERFORMANCE.md).
  for (const spec of routes) {
    app[spec.method](spec.path, async (req: Request, res: Response) => {
      res.locals.route = spec.path;
      const actor = spec.access === 'public' ? undefined : await admit(spec, req, res);
      const result = await spec.handle({
        params: spec.params ? parseOr400(spec.params, req.params, 'path') : req.params,
        query: spec.query ? parseOr400(spec.query, req.query, 'query') : req.query,
        body: spec.body ? parseOr400(spec.body, requireJson(req), 'body') : undefined,
        actor: actor as Actor,
        req,
        res,
      });
      res.status(result.status ?? 200);
      if (result.headers) res.set(result.headers);
      if ('json' in result) res.json(result.json);
      else res.type(result.contentType).send(result.text);
    });
  }

  // A route that exists with another method: 405 with the methods it takes (TRACE and the like included).
  const patterns = routes.map((r) => ({ method: r.method.toUpperCase(), re: new RegExp(`^${r.path.replace(/:\w+/g, '[^/]+')}$`) }));
  app.use((req, res, next) => {
    const allowed = [...new Set(patterns.filter((p) => p.re.test(req.path)).map((p) => p.method))];
    if (allowed.length === 0) return next(new ApiError(404, 'not_found', 'no such route; see /openapi.json'));
    res.set('allow', allowed.join(', '));
    next(new ApiError(405, 'method_not_allowed', `${req.method} is not allowed here; allowed: ${allowed.join(', ')}`));
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const requestId = res.locals.requestId as string;
    const apiError = toApiError(error);
    if (!apiError) {
      log({ requestId, level: 'error', error: error instanceof Error ? error.stack : String(error) });
      res.status(500).json({ error: { code: 'internal', message: 'internal error; quote the request id', requestId } });
      return;
    }
    if (apiError.status === 503) log({ requestId, level: 'warn', error: apiError.message });
    if (apiError.status === 429) res.set('retry-after', String(apiError.details?.retryAfterSeconds ?? 1));
    res.status(apiError.status).json({ error: { code: apiError.code, message: apiError.message, requestId, ...apiError.details } });
  });

  return app;

  /** The caller, authenticated and allowed this route: else a 401 or 403 (its rate was counted before its body was read). */
  async function admit(spec: RouteSpec, req: Request, res: Response): Promise<Actor> {
    const actor: Actor = (res.locals.actor = await deps.auth.authenticate(req));
    // Route-level access; who may send each event is the machine's business, checked by the workflow.
    if (Array.isArray(spec.access) && (actor.role === 'system' || !spec.access.includes(actor.role))) {
      throw new ApiError(403, 'forbidden', `this needs the role ${spec.access.join(' or ')}; you are ${actor.role}`);
    }
    return actor;
  }
}

function requireJson(req: Request): unknown {
  if (!req.is('application/json')) throw new ApiError(415, 'unsupported_media_type', 'send the body as application/json');
  return req.body;
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
