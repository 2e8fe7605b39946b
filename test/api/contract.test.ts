import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { CheckpointDirectory, checkpointAuditLog } from '../../ledger/auditLog';
import { signingKey } from '../../ledger/checkpoint';
import { type ApiStack, useApiStack } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { goodJudgements } from '../support/inspectionHarness';
import { PROVIDER_ID } from '../support/pureDriver';

/**
 * Contract: the responses the running API gives match the OpenAPI document it serves, route by route and
 * status by status, validated with a JSON Schema 2020-12 validator (not with the zod schemas that produced it).
 */
const checkpoints = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-checkpoints-'));
const stack = useApiStack({ checkpointDir: checkpoints });
let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: { schemas: Record<string, object> } };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const covered = new Set<string>();

beforeAll(async () => {
  doc = (await stack.api.call('GET', '/openapi.json')).body;
  ajv.addSchema({ $id: 'doc', components: doc.components }, 'doc');
}, 180_000);

type Call = Awaited<ReturnType<ApiStack['api']['call']>>;

/** Checks a response against the document's schema for that path, method and status. */
function conforms(method: string, path: string, res: Call) {
  const operation = doc.paths[path]?.[method.toLowerCase()];
  expect(operation).toBeDefined();
  const response = operation!.responses[String(res.status)];
  expect({ path, status: res.status, documented: response !== undefined }).toEqual({ path, status: res.status, documented: true });
  const content = response!.content?.['application/json'];
  if (content) {
    const schema = JSON.parse(JSON.stringify(content.schema).replace(/"#\/components/g, '"doc#/components'));
    const validate = ajv.compile(schema);
    if (!validate(res.body)) throw new Error(`${method} ${path} ${res.status} does not match the document: ${ajv.errorsText(validate.errors)}`);
  }
  covered.add(`${method.toLowerCase()} ${path}`);
}

describe('every route answers as the OpenAPI document says', () => {
  it('serves an OpenAPI 3.1 document with every route and its roles', () => {
    expect(doc).toMatchObject({ openapi: '3.1.0' });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/inspections', '/inspections/{id}', '/inspections/{id}/decisions', '/inbox', '/deadlines', '/breaches', '/types', '/metrics']),
    );
  });

  it("documents each type's decisions, chosen by `event`, with dates the calendar can place", () => {
    const body = (doc.paths['/inspections/{id}/decisions'] as unknown as { post: { requestBody: { content: { 'application/json': { schema: { anyOf: { $ref: string }[] } } } } } }).post.requestBody.content['application/json'].schema;
    expect(body.anyOf).toContainEqual({ $ref: '#/components/schemas/Decision.sccif-rfc-full.v1.r1' });
    const rfc = ajv.compile({ $ref: 'doc#/components/schemas/Decision.sccif-rfc-full.v1.r1' });
    expect(rfc({ event: 'FEEDBACK_GIVEN', judgements: goodJudgements })).toBe(true);
    expect(rfc({ event: 'FEEDBACK_GIVEN' })).toBe(false); // its judgements are required
    expect(rfc({ event: 'INSPECTION_STARTED', at: '2026-12-07T09:30' })).toBe(true);
    for (const at of ['0000-00-00', '2026-13-01', '1999-12-31', '2205-01-05', '2026-12-07T24:00']) expect([at, rfc({ event: 'INSPECTION_STARTED', at })]).toEqual([at, false]);
    expect(rfc({ event: 'INSPECTION_STARTED', surprise: 1 })).toBe(false);
    expect(rfc({ event: 'NO_SUCH_EVENT' })).toBe(false);
  });

  it('matches for a whole working session: start, read, decide, lists, audit, errors', async () => {
    const created = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'sccif-rfc-full', providerId: PROVIDER_ID } });
    conforms('POST', '/inspections', created);
    const id = created.body.inspectionId as string;
    conforms('GET', '/inspections/{id}', await stack.api.call('GET', `/inspections/${id}`, { role: 'manager' }));
    conforms('POST', '/inspections/{id}/decisions', await stack.api.call('POST', `/inspections/${id}/decisions`, { role: 'inspector', body: { event: 'INSPECTION_STARTED' } }));
    conforms('POST', '/inspections/{id}/decisions', await stack.api.call('POST', `/inspections/${id}/decisions`, { role: 'inspector', body: { event: 'FEEDBACK_GIVEN', judgements: goodJudgements } }));
    await eventually(async () => ((await stack.api.call('GET', '/inbox', { role: 'inspector' })).body.total > 0 ? true : undefined));
    conforms('GET', '/inspections', await stack.api.call('GET', '/inspections?overdue=false', { role: 'manager' }));
    conforms('GET', '/inbox', await stack.api.call('GET', '/inbox', { role: 'inspector' }));
    conforms('GET', '/deadlines', await stack.api.call('GET', '/deadlines?dueWithinDays=60', { role: 'manager' }));
    conforms('GET', '/breaches', await stack.api.call('GET', '/breaches', { role: 'auditor' }));
    conforms('GET', '/inspections/{id}/audit', await stack.api.call('GET', `/inspections/${id}/audit`, { role: 'auditor' }));
    conforms('GET', '/inspections/{id}/audit/verify', await stack.api.call('GET', `/inspections/${id}/audit/verify`, { role: 'auditor' }));
    conforms('GET', '/audit/checkpoint', await stack.api.call('GET', '/audit/checkpoint', { role: 'auditor' }));
    conforms('GET', '/inspections/{id}/audit/proof', await stack.api.call('GET', `/inspections/${id}/audit/proof`, { role: 'auditor' }));
    await checkpointAuditLog(stack.worker.db, new CheckpointDirectory(checkpoints), signingKey('contract.example/audit-log', generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string));
    conforms('GET', '/audit/checkpoint', await stack.api.call('GET', '/audit/checkpoint', { role: 'auditor' }));
    conforms('GET', '/inspections/{id}/audit/proof', await stack.api.call('GET', `/inspections/${id}/audit/proof?from=0`, { role: 'auditor' }));
    conforms('GET', '/inspections/{id}/history', await stack.api.call('GET', `/inspections/${id}/history`, { role: 'auditor' }));
    conforms('GET', '/inspections/{id}/timeline', await stack.api.call('GET', `/inspections/${id}/timeline`, { role: 'manager' }));
    const feedbackStep = await eventually(async () =>
      (await stack.api.call('GET', `/inspections/${id}/audit`, { role: 'auditor' })).body.entries.find((e: { kind: string; data: { event?: string } }) => e.kind === 'decision.accepted' && e.data.event === 'FEEDBACK_GIVEN'),
    );
    conforms('POST', '/inspections/{id}/corrections', await stack.api.call('POST', `/inspections/${id}/corrections`, { role: 'manager', body: { step: feedbackStep.seq, action: 'amend', fields: { judgements: { ...goodJudgements, helpAndProtection: 'outstanding' } }, reason: 'typed the wrong grade' } }));
    conforms('POST', '/inspections/{id}/corrections', await stack.api.call('POST', `/inspections/${id}/corrections`, { role: 'manager', body: { step: 9999, action: 'withdraw', reason: 'no such step' } }));
    conforms('POST', '/inspections/{id}/missed-deadlines', await stack.api.call('POST', `/inspections/${id}/missed-deadlines`, { role: 'manager', body: { clock: 'draftReport', reason: 'not due yet' } }));
    const centre = `URN-${Date.now()}`;
    conforms('POST', '/centres', await stack.api.call('POST', '/centres', { role: 'manager', body: { providerId: centre, registeredOn: '2026-01-05' } }));
    conforms('GET', '/centres/{providerId}', await stack.api.call('GET', `/centres/${centre}`, { role: 'manager' }));
    conforms('POST', '/centres/{providerId}/bring-forward', await stack.api.call('POST', `/centres/${centre}/bring-forward`, { role: 'manager', body: { reason: 'concerns' } }));
    const managerLeft = { change: 'left', from: '2026-01-05', emergency: false, recruitmentEvidence: 'active', notifiedOn: '2026-01-06', interimArrangementsSatisfactory: true };
    const changed = await stack.api.call('POST', `/centres/${centre}/manager-changes`, { role: 'manager', body: managerLeft });
    conforms('POST', '/centres/{providerId}/manager-changes', changed);
    expect(changed.body.manager).toEqual({ position: 'vacant', vacantSince: '2026-01-05', recruitmentEvidence: 'active' });
    expect((await stack.api.call('POST', `/centres/${centre}/manager-changes`, { role: 'manager', body: { change: 'resigned' } })).status).toBe(400);
    conforms('POST', '/centres/{providerId}/close', await stack.api.call('POST', `/centres/${centre}/close`, { role: 'manager', body: { reason: 'deregistered' } }));
    const migration = { type: 'sccif-rfc-full', version: 1, fromRevision: 1, toRevision: 3, inspectionIds: [id], reason: 'every rule of the 2024 framework' };
    conforms('POST', '/migrations', await stack.api.call('POST', '/migrations', { role: 'manager', body: migration })); // a dry run: it already runs revision 3
    const batch = await stack.api.call('POST', '/migrations', { role: 'manager', body: { ...migration, dryRun: false } });
    conforms('POST', '/migrations', batch);
    conforms('GET', '/migrations/{batchId}', await stack.api.call('GET', `/migrations/${batch.body.batchId}`, { role: 'auditor' }));
    conforms('POST', '/migrations/{batchId}/stop', await stack.api.call('POST', `/migrations/${batch.body.batchId}/stop`, { role: 'manager', body: { reason: 'not needed' } }));
    conforms('POST', '/migrations', await stack.api.call('POST', '/migrations', { role: 'manager', body: { ...migration, toRevision: 9 } }));
    conforms('GET', '/types', await stack.api.call('GET', '/types'));
    conforms('GET', '/calendar', await stack.api.call('GET', '/calendar'));
    conforms('GET', '/calendar', await stack.api.call('GET', '/calendar?year=2040'));
    conforms('GET', '/calendar', await stack.api.call('GET', '/calendar?year=2200'));
    const proclaimed = { action: 'add', date: '2199-06-03', title: 'A proclaimed day', source: 'A proclamation' };
    conforms('POST', '/calendar/changes', await stack.api.call('POST', '/calendar/changes', { role: 'manager', body: proclaimed }));
    conforms('POST', '/calendar/changes', await stack.api.call('POST', '/calendar/changes', { role: 'manager', body: { ...proclaimed, date: '2199-06-01' } })); // a Saturday
    const published = await stack.api.call('POST', '/calendar/changes', { role: 'manager', body: { ...proclaimed, dryRun: false } });
    conforms('POST', '/calendar/changes', published);
    conforms('GET', '/calendar/batches/{batchId}', await stack.api.call('GET', `/calendar/batches/${published.body.batch.batchId}`, { role: 'auditor' }));
    conforms('POST', '/calendar/changes', await stack.api.call('POST', '/calendar/changes', { role: 'manager', body: proclaimed })); // already a holiday
    conforms('GET', '/calendar', await stack.api.call('GET', '/calendar?year=2199'));
    conforms('GET', '/healthz', await stack.api.call('GET', '/healthz'));
    conforms('GET', '/readyz', await stack.api.call('GET', '/readyz'));
    conforms('GET', '/openapi.json', await stack.api.call('GET', '/openapi.json'));

    // errors, each documented with the shared Error body
    conforms('POST', '/inspections/{id}/decisions', await stack.api.call('POST', `/inspections/${id}/decisions`, { role: 'inspector', body: { event: 'COMMENTS_SUBMITTED' } }));
    conforms('POST', '/inspections/{id}/decisions', await stack.api.call('POST', `/inspections/${id}/decisions`, { role: 'auditor', body: { event: 'DRAFT_REPORT_SENT' } }));
    conforms('POST', '/inspections/{id}/decisions', await stack.api.call('POST', `/inspections/${id}/decisions`, { role: 'inspector', body: { event: 'DRAFT_REPORT_SENT', at: 'yesterday' } }));
    conforms('GET', '/inspections/{id}', await stack.api.call('GET', '/inspections/insp-00000000-0000-0000-0000-000000000000', { role: 'manager' }));
    conforms('GET', '/inspections', await stack.api.call('GET', '/inspections'));
    conforms('POST', '/inspections', await stack.api.call('POST', '/inspections', { role: 'manager', raw: 'not json' }));
    conforms('POST', '/inspections', await stack.api.call('POST', '/inspections', { role: 'manager', raw: 'type=x', headers: { 'content-type': 'text/plain' } }));
    conforms('POST', '/inspections', await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'x'.repeat(70_000), providerId: PROVIDER_ID } }));
  });

  it('has exercised every JSON route of the document', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    const untested = documented.filter((route) => !covered.has(route) && !['get /metrics', 'get /inspections/{id}/audit.csv', 'get /inspections/{id}/timeline.ics'].includes(route));
    expect(untested).toEqual([]);
  });
});
