import { z } from 'zod';
import type { Database } from '../../db';
import { type LedgerEntry, ledgerEntry, readLedger, verifyChain, verifyResult } from '../../ledger';
import { getInspectionSummary } from '../../readModel';
import { notFound } from '../errors';
import type { InspectionService } from '../inspectionService';
import { type RouteSpec, route } from '../route';
import { emptyQuery, inspectionIdParams } from '../schemas';

const AUDIT_READERS = ['manager', 'inspector', 'auditor'] as const;

export function auditRoutes(service: InspectionService, db: Database): RouteSpec[] {
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
      summary: 'Recompute the hash chain of the ledger and say whether, and where, it is broken',
      tag: 'audit',
      access: AUDIT_READERS,
      params: inspectionIdParams,
      query: emptyQuery,
      responses: { 200: { description: 'the verification', schema: verifyResult } },
      async handle({ params }) {
        return { json: await verifyChain(db, await existing(params.id)) };
      },
    }),
    route({
      method: 'get',
      path: '/inspections/:id/history',
      operationId: 'getWorkflowHistory',
      summary: "The Temporal history of the inspection's workflow (the technical trace beside the ledger)",
      tag: 'audit',
      access: ['manager', 'auditor'],
      params: inspectionIdParams,
      query: emptyQuery,
      responses: { 200: { description: 'history events as Temporal encodes them', schema: z.object({ events: z.array(z.unknown()) }) } },
      async handle({ params }) {
        const history = await service.history(params.id);
        return { json: { events: history.events ?? [] } };
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
