import { z } from 'zod';
import type { Database } from '../../db';
import { type LedgerEntry, ledgerEntry, readLedger, verifyChain, verifyResult } from '../../ledger';
import { getInspectionSummary, getRecordLag } from '../../readModel';
import { ApiError, notFound } from '../errors';
import { readableHistory } from '../historyJson';
import { AuditLogTruncatedError, type CheckpointDirectory, auditProof } from '../../ledger/auditLog';
import type { InspectionService } from '../inspectionService';
import { type RouteSpec, route } from '../route';
import { emptyQuery, errorBody, inspectionIdParams, queryInt } from '../schemas';

const AUDIT_READERS = ['manager', 'inspector', 'auditor'] as const;

/** The chain's verification and how the ledger stands against the workflow that writes it. */
const auditCheck = verifyResult.and(
  z.object({
    record: z.object({
      workflowEntries: z.number().int().nullable().describe('entries the workflow has produced (null when Temporal did not answer)'),
      pendingSince: z.string().nullable().describe('set while a write is under way or failing: since when'),
      lag: z.object({ inspectionId: z.string(), revision: z.number().int(), attempts: z.number().int(), firstFailedAt: z.string(), lastFailedAt: z.string(), lastError: z.string() }).nullable(),
    }),
  }),
);

const auditProofSchema = z.object({
  checkpoint: z.string().describe('the signed checkpoint (C2SP signed note) the proofs are against'),
  treeSize: z.number().int(),
  leaves: z.array(z.object({ seq: z.number().int(), index: z.number().int(), inclusion: z.array(z.string()).describe('hex hashes, RFC 9162 audit path') })),
  pending: z.number().int().describe("entries stored since the checkpoint, not yet in a signed tree"),
  consistency: z.object({ from: z.number().int(), proof: z.array(z.string()) }).optional(),
});

export function auditRoutes(service: InspectionService, db: Database, lagBoundSeconds: number, checkpoints: CheckpointDirectory | null): RouteSpec[] {
  function latestCheckpoint(): { note: string; size: number; time: string } {
    const note = checkpoints?.latestNote() ?? null;
    if (note === null) throw new ApiError(409, 'no_checkpoint', checkpoints ? 'no checkpoint of the audit log has been signed yet' : 'this API keeps no checkpoints (CHECKPOINT_DIR is not set)');
    const [, size, , time] = note.split('\n');
    return { note, size: Number(size), time: (time ?? '').replace(/^time /, '') };
  }
  async function existing(id: string): Promise<string> {
    if (!(await getInspectionSummary(db, id))) throw notFound(`inspection ${id}`);
    return id;
  }
  return [
    route({
      method: 'get',
      path: '/inspections/:id/audit',
      operationId: 'getAudit',
      summary: "The inspection's audit ledger, with the verification of its hash chain",
      tag: 'audit',
      access: AUDIT_READERS,
      params: inspectionIdParams,
      query: emptyQuery,
      responses: {
        200: {
          description: 'every entry in order',
          schema: z.object({ inspectionId: z.string(), verification: verifyResult, entries: z.array(ledgerEntry) }),
        },
      },
      async handle({ params }) {
        const id = await existing(params.id);
        const [entries, verification] = await Promise.all([readLedger(db, id), verifyChain(db, id)]);
        return { json: { inspectionId: id, verification, entries } };
      },
    }),
    route({
      method: 'get',
      path: '/inspections/:id/audit.csv',
      operationId: 'getAuditCsv',
      summary: 'The audit ledger as CSV (one row per entry; data as JSON)',
      tag: 'audit',
      access: AUDIT_READERS,
      params: inspectionIdParams,
      query: emptyQuery,
      responses: { 200: { description: 'CSV with a header row', contentType: 'text/csv', schema: z.string() } },
      async handle({ params }) {
        const id = await existing(params.id);
        return {
          text: ledgerCsv(await readLedger(db, id)),
          contentType: 'text/csv; charset=utf-8',
          headers: { 'content-disposition': `attachment; filename="${id}-audit.csv"` },
        };
      },
    }),
    route({
      method: 'get',
      path: '/inspections/:id/audit/verify',
      operationId: 'verifyAudit',
      summary: 'Recompute the hash chain of the ledger, check it holds every entry its workflow produced, and say whether, and where, it is broken',
      description:
        "Whole: every entry the workflow has produced is in the ledger (`record.workflowEntries`), or the last write is still under way and younger than the bound (RECORD_LAG_BOUND_SECONDS). A write failing for longer makes the check fail, naming the error.",
      tag: 'audit',
      access: AUDIT_READERS,
      params: inspectionIdParams,
      query: emptyQuery,
      responses: { 200: { description: 'the verification', schema: auditCheck } },
      async handle({ params }) {
        const id = await existing(params.id);
        const [view, lag] = await Promise.all([service.view(id).catch(() => null), getRecordLag(db, id)]);
        const pendingSince = view?.unrecordedSince ?? null;
        const workflowEntries = view?.ledgerSeq ?? null;
        const chain = await verifyChain(db, id, workflowEntries !== null && pendingSince === null ? { entries: workflowEntries } : {});
        const record = { workflowEntries, pendingSince, lag };
        const lagging = pendingSince !== null && Date.now() - Date.parse(pendingSince) > lagBoundSeconds * 1000;
        if (chain.ok && lagging) {
          const reason = `the ledger lags the workflow: ${workflowEntries! - chain.entries} entries not written since ${pendingSince}${lag ? ` (${lag.attempts} attempts: ${lag.lastError})` : ''}`;
          return { json: { ok: false, entries: chain.entries, brokenAt: chain.entries + 1, reason, record } };
        }
        return { json: { ...chain, record } };
      },
    }),
    route({
      method: 'get',
      path: '/audit/checkpoint',
      operationId: 'getCheckpoint',
      summary: "The audit log's latest signed checkpoint: keep it, to prove later that nothing in the log has changed since",
      tag: 'audit',
      access: AUDIT_READERS,
      query: emptyQuery,
      responses: {
        200: { description: 'the checkpoint', schema: z.object({ checkpoint: z.string(), size: z.number().int(), time: z.string() }) },
        409: { description: 'no checkpoint signed yet, or none kept by this API', schema: errorBody },
      },
      async handle() {
        const { note, size, time } = latestCheckpoint();
        return { json: { checkpoint: note, size, time } };
      },
    }),
    route({
      method: 'get',
      path: '/inspections/:id/audit/proof',
      operationId: 'getAuditProof',
      summary: "Proofs of an inspection's ledger against the latest signed checkpoint: each entry's inclusion, and the log's consistency with an earlier checkpoint (`from`, its size)",
      description: 'Check them with `inspections audit verify <id> --checkpoint <a checkpoint you kept>` and the verifier key, trusting nothing the server or its database says.',
      tag: 'audit',
      access: AUDIT_READERS,
      params: inspectionIdParams,
      query: z.strictObject({ from: queryInt(0, Number.MAX_SAFE_INTEGER).optional().describe('the size of a checkpoint you kept') }),
      responses: {
        200: { description: 'the proofs', schema: auditProofSchema },
        409: { description: 'no checkpoint signed yet, or the log is shorter than its latest checkpoint (truncated)', schema: errorBody },
      },
      async handle({ params, query }) {
        const id = await existing(params.id);
        try {
          return { json: await auditProof(db, id, latestCheckpoint(), query.from) };
        } catch (error) {
          if (error instanceof AuditLogTruncatedError) throw new ApiError(409, 'log_truncated', error.message);
          throw error;
        }
      },
    }),
    route({
      method: 'get',
      path: '/inspections/:id/history',
      operationId: 'getWorkflowHistory',
      summary: "The Temporal history of the inspection's workflow, every payload decoded (the technical trace beside the ledger)",
      description: "Temporal's canonical JSON of the history, with each payload read through the data converter: `payloads` become `decoded` values.",
      tag: 'audit',
      access: ['manager', 'auditor'],
      params: inspectionIdParams,
      query: emptyQuery,
      responses: { 200: { description: 'history events, payloads decoded', schema: z.object({ events: z.array(z.unknown()) }) } },
      async handle({ params }) {
        return { json: readableHistory(await service.history(await existing(params.id))) };
      },
    }),
  ];
}

const CSV_COLUMNS = ['inspectionId', 'seq', 'kind', 'at', 'actor', 'role', 'source', 'data', 'prevHash', 'hash', 'recordedAt'] as const;

/** RFC 4180: every field quoted, quotes doubled, CRLF between records. */
export function ledgerCsv(entries: LedgerEntry[]): string {
  const cell = (value: unknown) => `"${(typeof value === 'string' ? value : JSON.stringify(value ?? null)).replace(/"/g, '""')}"`;
  const rows = entries.map((e) => CSV_COLUMNS.map((c) => cell(c === 'seq' ? String(e.seq) : e[c])).join(','));
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
