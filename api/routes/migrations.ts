import { z } from 'zod';
import type { Database } from '../../db';
import { note } from '../../machines/kit';
import { INSPECTION_TYPES, revisionsOf } from '../../machines/registry';
import { ApiError } from '../errors';
import type { InspectionService } from '../inspectionService';
import { type RouteSpec, route } from '../route';
import { emptyQuery, inspectionIdParams } from '../schemas';

/** The most inspections one request migrates or previews: each is a query or an Update of its own. */
export const MIGRATION_LIMIT = 200;
const AT_ONCE = 8;

const revision = z.number().int().min(1).max(1000);
const migrationBody = z
  .strictObject({
    type: z.string().min(1).max(100),
    version: z.number().int().min(0).max(1000).describe('the framework version'),
    fromRevision: revision,
    toRevision: revision,
    inspectionIds: z.array(inspectionIdParams.shape.id).min(1).max(MIGRATION_LIMIT).optional().describe('these inspections'),
    all: z.literal(true).optional().describe('every inspection the read model lists on fromRevision'),
    dryRun: z.boolean().optional().describe('default true: say what would change, change nothing'),
    reason: note,
  })
  .refine((b) => (b.inspectionIds === undefined) !== (b.all === undefined), 'name the inspections (inspectionIds) or all of them (all: true), not both');

const itemResult = z.looseObject({
  inspectionId: z.string(),
  ok: z.boolean(),
  preview: z.looseObject({}).optional().describe('what changes: stage and status before and after, each deadline that moves (old due → new due)'),
  migrated: z.looseObject({ machineRevision: z.number().int(), stage: z.string() }).optional(),
  error: z.looseObject({ code: z.string(), message: z.string() }).optional(),
});

/** Governed migration of running inspections from one machine revision to another (docs/CHANGING_MACHINES.md). */
export function migrationRoutes(service: InspectionService, db: Database): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/migrations',
      operationId: 'migrate',
      summary: 'Move running inspections to another machine revision of their framework version (a dry run by default)',
      description:
        "Each inspection's recorded steps are read again through the target revision, along the path declared beside it. A dry run (the default) lists, per inspection, where it would stand and every deadline that would move; `dryRun: false` migrates each (an Update, audited in its ledger with who, why and the difference; a retried migration applies once). An inspection whose steps have no place in the target, that has ended or runs another revision is refused on its own line; the others go on.",
      tag: 'migrations',
      access: ['manager'],
      query: emptyQuery,
      body: migrationBody,
      responses: { 200: { description: 'one line per inspection', schema: z.object({ dryRun: z.boolean(), results: z.array(itemResult), migrated: z.number().int(), refused: z.number().int() }) } },
      async handle({ body, actor }) {
        const target = revisionsOf(body.type, body.version).find((d) => d.machineRevision === body.toRevision);
        if (!INSPECTION_TYPES.some((d) => d.type === body.type && d.version === body.version && d.machineRevision === body.fromRevision) || !target) {
          throw new ApiError(400, 'unknown_revision', `${body.type} v${body.version} has revisions ${revisionsOf(body.type, body.version).map((d) => d.machineRevision).join(', ') || 'none'}; from ${body.fromRevision} to ${body.toRevision} names one it has not`);
        }
        if (!target.migratesFrom?.revisions.includes(body.fromRevision)) {
          throw new ApiError(409, 'conflicts_with_record', `${body.type} v${body.version} revision ${body.toRevision} declares no migration from revision ${body.fromRevision}`);
        }
        const ids = body.inspectionIds ?? (await runningOn(db, body.type, body.version, body.fromRevision));
        if (ids.length > MIGRATION_LIMIT) {
          throw new ApiError(422, 'too_many', `more than ${MIGRATION_LIMIT} running inspections are on revision ${body.fromRevision}; migrate at most ${MIGRATION_LIMIT} per request: name them in inspectionIds, a page at a time`);
        }
        const dryRun = body.dryRun ?? true;
        const results = await inTurn(ids, (id) => migrateOne(service, id, body, dryRun, actor));
        const migrated = results.filter((r) => r.ok).length;
        return { json: { dryRun, results, migrated: dryRun ? 0 : migrated, refused: results.length - migrated } };
      },
    }),
  ];
}

type Body = z.infer<typeof migrationBody>;

async function migrateOne(service: InspectionService, inspectionId: string, body: Body, dryRun: boolean, actor: Parameters<InspectionService['migrate']>[3]) {
  try {
    const check = await service.previewMigration(inspectionId, body.toRevision, actor);
    if (!check.ok) {
      const { ok: _ok, ...error } = check;
      // A retried migration finds it already moved: done, as the first try left it.
      if (!dryRun && /already runs/.test(check.message)) return { inspectionId, ok: true, migrated: await current(service, inspectionId) };
      return { inspectionId, ok: false, error };
    }
    if (check.preview.from.machineRevision !== body.fromRevision) {
      return { inspectionId, ok: false, error: { code: 'conflicts_with_record', message: `it runs revision ${check.preview.from.machineRevision}, not ${body.fromRevision}` } };
    }
    if (dryRun) return { inspectionId, ok: true, preview: check.preview };
    const view = await service.migrate(inspectionId, body.toRevision, body.reason, actor);
    return { inspectionId, ok: true, preview: check.preview, migrated: { machineRevision: view.machineRevision, stage: view.stage } };
  } catch (error) {
    if (error instanceof ApiError) return { inspectionId, ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}

async function current(service: InspectionService, inspectionId: string) {
  const view = await service.view(inspectionId);
  return { machineRevision: view.machineRevision, stage: view.stage };
}

/** The inspections the read model lists on a revision with work still open (a decision or a clock): not finished. */
async function runningOn(db: Database, type: string, version: number, machineRevision: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM inspections
      WHERE type = $1 AND version = $2 AND machine_revision = $3
        AND (pending_decisions <> '[]'::jsonb OR EXISTS (SELECT 1 FROM inspection_deadlines d WHERE d.inspection_id = inspections.id))
      ORDER BY id LIMIT ${MIGRATION_LIMIT + 1}`,
    [type, version, machineRevision],
  );
  return rows.map((r) => r.id);
}

/** Runs `each` over the ids, a few at a time, keeping their order in the results. */
async function inTurn<T>(ids: readonly string[], each: (id: string) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      results[i] = await each(ids[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, ids.length) }, worker));
  return results;
}
