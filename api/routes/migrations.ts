import { z } from 'zod';
import type { Database } from '../../db';
import { note } from '../../machines/kit';
import { INSPECTION_TYPES, revisionsOf } from '../../machines/registry';
import { ApiError } from '../errors';
import { inTurn } from '../inTurn';
import type { InspectionService } from '../inspectionService';
import type { MigrationBatches } from '../migrationBatches';
import { type RouteSpec, route } from '../route';
import { emptyQuery, inspectionIdParams } from '../schemas';

/** The most inspections one dry run previews (each a query of its own), and one batch migrates. */
export const MIGRATION_LIMIT = 200;
const BATCH_LIMIT = 20_000; // its ids travel in the batch workflow's input, well inside Temporal's payload limit
/** Ids a request may name: a thousand fit well inside the API's 64 kB body limit; `all` takes more. */
const NAMED_LIMIT = 1_000;

const revision = z.number().int().min(1).max(1000);
const migrationBody = z
  .strictObject({
    type: z.string().min(1).max(100),
    version: z.number().int().min(0).max(1000).describe('the framework version'),
    fromRevision: revision,
    toRevision: revision,
    inspectionIds: z.array(inspectionIdParams.shape.id).min(1).max(NAMED_LIMIT).optional().describe('these inspections (at most 1,000; `all` takes every one)'),
    all: z.literal(true).optional().describe('every inspection the read model lists on fromRevision'),
    dryRun: z.boolean().optional().describe('default true: say what would change, change nothing'),
    reason: note,
  })
  .refine((b) => (b.inspectionIds === undefined) !== (b.all === undefined), 'name the inspections (inspectionIds) or all of them (all: true), not both');

const itemResult = z.looseObject({
  inspectionId: z.string(),
  ok: z.boolean(),
  preview: z.looseObject({}).optional().describe('what changes: stage and status before and after, each deadline that moves (old due → new due)'),
  error: z.looseObject({ code: z.string(), message: z.string() }).optional(),
});

const batchState = z.looseObject({
  batchId: z.string(),
  status: z.enum(['running', 'stopping', 'stopped', 'completed']),
  total: z.number().int(),
  migrated: z.number().int(),
  alreadyMigrated: z.number().int(),
  refused: z.number().int(),
  remaining: z.number().int(),
  refusals: z.array(z.looseObject({ inspectionId: z.string(), code: z.string(), message: z.string() })),
});
const batchParams = z.strictObject({ batchId: z.string().regex(/^migration-[a-f0-9-]{36}$/, 'not a migration id') });

/** Governed migration of running inspections from one machine revision to another (docs/CHANGING_MACHINES.md). */
export function migrationRoutes(service: InspectionService, batches: MigrationBatches, db: Database): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/migrations',
      operationId: 'migrate',
      summary: 'Move running inspections to another machine revision of their framework version (a dry run by default)',
      description:
        "Each inspection's recorded steps are read again through the target revision, along the path declared beside it. A dry run (the default; at most 200 inspections a request) lists, per inspection, where it would stand and every deadline that would move, or why it cannot move. `dryRun: false` starts a migration batch (202): a workflow that migrates each inspection (an Update, audited in its ledger with who, why and the difference; applied once however often it is retried), whose progress GET /migrations/{batchId} shows and POST /migrations/{batchId}/stop stops.",
      tag: 'migrations',
      access: ['manager'],
      query: emptyQuery,
      body: migrationBody,
      responses: {
        200: { description: 'the dry run: one line per inspection', schema: z.object({ dryRun: z.literal(true), results: z.array(itemResult), refused: z.number().int() }) },
        202: { description: 'the migration batch started', schema: batchState },
      },
      async handle({ body, actor }) {
        const target = revisionsOf(body.type, body.version).find((d) => d.machineRevision === body.toRevision);
        if (!INSPECTION_TYPES.some((d) => d.type === body.type && d.version === body.version && d.machineRevision === body.fromRevision) || !target) {
          throw new ApiError(400, 'unknown_revision', `${body.type} v${body.version} has revisions ${revisionsOf(body.type, body.version).map((d) => d.machineRevision).join(', ') || 'none'}; from ${body.fromRevision} to ${body.toRevision} names one it has not`);
        }
        if (!target.migratesFrom?.revisions.includes(body.fromRevision)) {
          throw new ApiError(409, 'conflicts_with_record', `${body.type} v${body.version} revision ${body.toRevision} declares no migration from revision ${body.fromRevision}`);
        }
        const dryRun = body.dryRun ?? true;
        const ids = body.inspectionIds ?? (await runningOn(db, body.type, body.version, body.fromRevision, (dryRun ? MIGRATION_LIMIT : BATCH_LIMIT) + 1));
        if (!dryRun) {
          if (ids.length > BATCH_LIMIT) throw new ApiError(422, 'too_many', `more than ${BATCH_LIMIT} running inspections are on revision ${body.fromRevision}; migrate them ${NAMED_LIMIT} at a time (inspectionIds)`);
          const { type, version, fromRevision, toRevision, reason } = body;
          const started = await batches.start({ type, version, fromRevision, toRevision, reason, actor, inspectionIds: ids });
          return { status: 202, json: started, headers: { location: `/migrations/${started.batchId}` } };
        }
        if (ids.length > MIGRATION_LIMIT) {
          throw new ApiError(422, 'too_many', `more than ${MIGRATION_LIMIT} running inspections are on revision ${body.fromRevision}; a dry run takes at most ${MIGRATION_LIMIT}: name them in inspectionIds, a page at a time`);
        }
        const results = await inTurn(ids, (id) => previewOne(service, id, body, actor));
        return { json: { dryRun: true, results, refused: results.filter((r) => !r.ok).length } };
      },
    }),
    route({
      method: 'get',
      path: '/migrations/:batchId',
      operationId: 'getMigration',
      summary: "A migration batch's progress: migrated, already migrated, refused (with each reason), remaining",
      tag: 'migrations',
      access: ['manager', 'auditor'],
      params: batchParams,
      query: emptyQuery,
      responses: { 200: { description: 'its progress', schema: batchState } },
      handle: async ({ params }) => ({ json: await batches.read(params.batchId) }),
    }),
    route({
      method: 'post',
      path: '/migrations/:batchId/stop',
      operationId: 'stopMigration',
      summary: 'Stop a migration batch after the inspections under way; those migrated stay migrated',
      tag: 'migrations',
      access: ['manager'],
      params: batchParams,
      query: emptyQuery,
      body: z.strictObject({ reason: note }),
      responses: { 200: { description: 'stopping: its progress', schema: batchState } },
      handle: async ({ params, body, actor }) => ({ json: await batches.stop(params.batchId, body.reason, actor) }),
    }),
  ];
}

type Body = z.infer<typeof migrationBody>;

async function previewOne(service: InspectionService, inspectionId: string, body: Body, actor: Parameters<InspectionService['previewMigration']>[2]) {
  try {
    const check = await service.previewMigration(inspectionId, body.toRevision, actor);
    if (!check.ok) {
      const { ok: _ok, ...error } = check;
      return { inspectionId, ok: false, error };
    }
    if (check.preview.from.machineRevision !== body.fromRevision) {
      return { inspectionId, ok: false, error: { code: 'conflicts_with_record', message: `it runs revision ${check.preview.from.machineRevision}, not ${body.fromRevision}` } };
    }
    return { inspectionId, ok: true, preview: check.preview };
  } catch (error) {
    if (error instanceof ApiError) return { inspectionId, ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}

/** The inspections the read model lists on a revision with work still open (a decision or a clock): not finished. */
async function runningOn(db: Database, type: string, version: number, machineRevision: number, limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM inspections
      WHERE type = $1 AND version = $2 AND machine_revision = $3
        AND (pending_decisions <> '[]'::jsonb OR EXISTS (SELECT 1 FROM inspection_deadlines d WHERE d.inspection_id = inspections.id))
      ORDER BY id LIMIT ${limit}`,
    [type, version, machineRevision],
  );
  return rows.map((r) => r.id);
}
