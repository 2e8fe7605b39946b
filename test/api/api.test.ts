import { SignJWT } from 'jose';
import { TEST_AUTH, useApiStack } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { goodJudgements } from '../support/inspectionHarness';
import { PROVIDER_ID } from '../support/pureDriver';

const stack = useApiStack();

async function create(fields: Record<string, unknown> = {}) {
  const res = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'sccif-rfc-full', providerId: PROVIDER_ID, ...fields } });
  expect(res.status).toBe(201);
  return res.body.inspectionId as string;
}

const decide = (id: string, role: 'manager' | 'inspector' | 'provider' | 'auditor', body: unknown) =>
  stack.api.call('POST', `/inspections/${id}/decisions`, { role, body });

describe('API end to end against the dev server and a worker', () => {
  it('creates an inspection (201) and reads it back with its status, deadlines and possible decisions', async () => {
    const res = await stack.api.call('POST', '/inspections', {
      role: 'manager',
      body: { type: 'sccif-rfc-full', providerId: PROVIDER_ID, scheduledFor: '2030-01-10' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/inspections/${res.body.inspectionId}`);
    // The 2024 framework at its latest machine revision: every rule of the seed, from the framework's own date.
    expect(res.body).toMatchObject({ type: 'sccif-rfc-full', version: 1, machineRevision: 3, status: 'scheduled', facts: { scheduledFor: '2030-01-10' } });
    const read = await stack.api.call('GET', `/inspections/${res.body.inspectionId}`, { role: 'auditor' });
    expect(read.status).toBe(200);
    expect(read.body.allowedDecisions).toEqual([
      expect.objectContaining({ event: 'DEFERRAL_REQUESTED', roles: ['provider', 'manager'] }),
      expect.objectContaining({ event: 'INSPECTION_STARTED', roles: ['inspector'] }),
      expect.objectContaining({ event: 'NO_FAMILIES_FOUND', roles: ['inspector'] }),
      expect.objectContaining({ event: 'MANAGER_POSITION_RECORDED', roles: ['inspector', 'manager'] }),
      expect.objectContaining({ event: 'SAFEGUARDING_CONCERN_RECORDED', roles: ['inspector', 'manager'] }),
    ]);
  });

  it('sends decisions: 200 with the new state, deadlines from the machine', async () => {
    const id = await create();
    expect((await decide(id, 'inspector', { event: 'INSPECTION_STARTED' })).body.status).toBe('on_site');
    const res = await decide(id, 'inspector', { event: 'FEEDBACK_GIVEN', judgements: goodJudgements });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('next_day_contact_open');
    expect(res.body.deadlines.map((d: { clock: string }) => d.clock)).toEqual(['nextDayContact', 'draftReport', 'finalReport']);
    for (const deadline of res.body.deadlines) expect(deadline.source).toMatch(/^seed 002/);
  });

  it('400: a payload that fails its schema, with the zod issues', async () => {
    const id = await create();
    await decide(id, 'inspector', { event: 'INSPECTION_STARTED' });
    const res = await decide(id, 'inspector', {
      event: 'FEEDBACK_GIVEN',
      judgements: { ...goodJudgements, helpAndProtection: 'inadequate' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_payload', message: expect.stringContaining('limiting judgement') });
    expect(res.body.error.issues[0].path).toEqual(['judgements', 'overallExperiencesAndProgress']);
    expect((await decide(id, 'inspector', { event: 'FEEDBACK_GIVEN', judgements: goodJudgements, extra: 1 })).body.error.code).toBe('invalid_payload');
    expect((await decide(id, 'inspector', { event: 'FIELDWORK_COMPLETED', at: '2999-01-01' })).body.error).toMatchObject({ code: 'invalid_date' });
    expect((await stack.api.call('GET', `/inspections/${id}`, { role: 'manager' })).body.stage).toBe('onSite.fieldwork');
  });

  it('400: malformed JSON, unknown fields and unknown types are refused and the process carries on', async () => {
    const malformed = await stack.api.call('POST', '/inspections', { role: 'manager', raw: '{"type": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'malformed_json', requestId: expect.any(String) });
    const unknownField = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'sccif-rfc-full', providerId: PROVIDER_ID, colour: 'red' } });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.message).toContain('colour');
    const unknownType = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'nonsense', providerId: PROVIDER_ID } });
    expect(unknownType.body.error).toMatchObject({ code: 'unknown_type', message: expect.stringContaining('sccif-rfc-full') });
    const huge = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'x'.repeat(100_000), providerId: PROVIDER_ID } });
    expect(huge.status).toBe(413);
    const health = await stack.api.call('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
  });

  it('answers every kind of bad input with a 4xx and a message, and changes nothing', async () => {
    const id = await create();
    await decide(id, 'inspector', { event: 'INSPECTION_STARTED' });
    const before = (await stack.api.call('GET', `/inspections/${id}`, { role: 'manager' })).body;
    const path = `/inspections/${id}/decisions`;
    const bad: { raw?: string; body?: unknown; headers?: Record<string, string> }[] = [
      { raw: '{"event": "FEEDBACK_GIVEN", ' },
      { raw: '[1, 2, 3]' },
      { raw: 'null' },
      { body: { event: 42 } },
      { body: { event: 'feedback given' } },
      { body: { event: 'ON_SITE_EXTENDED', days: 'three' } },
      { body: { event: 'ON_SITE_EXTENDED', days: 2.5 } },
      { body: { event: 'ON_SITE_EXTENDED', days: 1, colour: 'red' } },
      { body: { event: 'FIELDWORK_COMPLETED', at: '2024-02-30' } },
      { body: { event: 'FIELDWORK_COMPLETED', at: '31/01/2024' } },
      { body: { event: 'FIELDWORK_COMPLETED', at: '2999-01-01' } },
      { body: { event: 'FIELDWORK_COMPLETED', at: '2010-01-04' } },
      { body: { event: 'FIELDWORK_COMPLETED', note: 'x'.repeat(5000) } },
      { body: { event: 'FEEDBACK_GIVEN', judgements: { overallExperiencesAndProgress: 'splendid' } } },
      { body: { event: '__proto__' } },
      { body: { event: 'CONSTRUCTOR', constructor: { prototype: { polluted: true } } } },
      { body: { event: 'FIELDWORK_COMPLETED', pad: 'x'.repeat(70_000) } },
      { raw: '{"event":"FIELDWORK_COMPLETED"}', headers: { 'content-type': 'text/plain' } },
    ];
    for (const request of bad) {
      const res = await stack.api.call('POST', path, { role: 'inspector', ...request });
      expect({ request, status: res.status }).toEqual({ request, status: expect.any(Number) });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    const after = (await stack.api.call('GET', `/inspections/${id}`, { role: 'manager' })).body;
    expect(after.revision).toBe(before.revision);
    expect(after.stage).toBe('onSite.fieldwork');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('401: a missing, forged or expired token', async () => {
    const missing = await stack.api.call('GET', '/inspections');
    expect(missing.status).toBe(401);
    expect(missing.body.error.message).toContain('bearer token is required');
    const forged = await new SignJWT({ role: 'manager' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer(TEST_AUTH.issuer)
      .setAudience(TEST_AUTH.audience)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-entirely-0123456789'));
    expect((await stack.api.call('GET', '/inspections', { token: forged })).status).toBe(401);
    const expired = await stack.api.auth.issue({ id: 'manager-1', role: 'manager' }, '-1m');
    const res = await stack.api.call('GET', '/inspections', { token: expired });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/exp/);
  });

  it('403: a role the machine does not name for the event, or the route does not allow', async () => {
    const id = await create();
    const res = await decide(id, 'provider', { event: 'INSPECTION_STARTED' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', roles: ['inspector'] });
    expect((await decide(id, 'auditor', { event: 'INSPECTION_STARTED' })).status).toBe(403);
    const inspectorCreates = await stack.api.call('POST', '/inspections', { role: 'inspector', body: { type: 'sccif-rfc-full', providerId: PROVIDER_ID } });
    expect(inspectorCreates.status).toBe(403);
    expect((await stack.api.call('GET', `/inspections/${id}`, { role: 'manager' })).body.stage).toBe('scheduled');
  });

  it("404: an unknown inspection, and another provider's inspection", async () => {
    const res = await stack.api.call('GET', '/inspections/insp-00000000-0000-0000-0000-000000000000', { role: 'manager' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('not found');
    expect((await decide('insp-00000000-0000-0000-0000-000000000000', 'manager', { event: 'DEFERRAL_REFUSED' })).status).toBe(404);
    const other = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'sccif-rfc-full', providerId: 'other-provider' } });
    expect((await stack.api.call('GET', `/inspections/${other.body.inspectionId}`, { role: 'provider' })).status).toBe(404);
  });

  it('409: an event the current state does not allow, naming the events that are', async () => {
    const id = await create();
    const res = await decide(id, 'inspector', { event: 'DRAFT_REPORT_SENT' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'not_allowed_now',
      stage: 'scheduled',
      allowed: ['DEFERRAL_REQUESTED', 'INSPECTION_STARTED', 'NO_FAMILIES_FOUND', 'MANAGER_POSITION_RECORDED', 'SAFEGUARDING_CONCERN_RECORDED'],
      message: expect.stringContaining('allowed now: DEFERRAL_REQUESTED, INSPECTION_STARTED, NO_FAMILIES_FOUND'),
    });
  });

  it('returns the same inspection for a retried create with the same Idempotency-Key', async () => {
    const body = { type: 'sccif-rfc-full', providerId: PROVIDER_ID };
    const headers = { 'idempotency-key': `create-${Date.now()}` };
    const [a, b] = await Promise.all([
      stack.api.call('POST', '/inspections', { role: 'manager', body, headers }),
      stack.api.call('POST', '/inspections', { role: 'manager', body, headers }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.inspectionId).toBe(b.body.inspectionId);
  });

  it('lists with filters, shows the audit trail with its verified chain, and the Temporal history', async () => {
    const id = await create();
    await decide(id, 'provider', { event: 'DEFERRAL_REQUESTED', reason: 'manager on leave' });
    await eventually(async () => {
      const r = await stack.api.call('GET', `/inspections?status=deferral_requested&type=sccif-rfc-full`, { role: 'manager' });
      return r.body.items.some((i: { id: string }) => i.id === id) || undefined;
    });
    const providerList = await stack.api.call('GET', '/inspections', { role: 'provider' });
    expect(providerList.body.items.every((i: { providerId: string }) => i.providerId === PROVIDER_ID)).toBe(true);
    expect((await stack.api.call('GET', '/inspections?providerId=other-provider', { role: 'provider' })).status).toBe(403);
    expect((await stack.api.call('GET', '/inspections?limit=0', { role: 'manager' })).status).toBe(400);

    await eventually(async () => (await stack.api.call('GET', `/inspections/${id}/audit`, { role: 'auditor' })).body.entries.length >= 3 || undefined);
    const audit = await stack.api.call('GET', `/inspections/${id}/audit`, { role: 'auditor' });
    expect(audit.body.verification).toMatchObject({ ok: true, entries: 3 });
    expect(audit.body.entries.map((e: { kind: string }) => e.kind)).toEqual(['inspection.started', 'decision.accepted', 'transition']);
    expect(audit.body.entries.find((e: { kind: string }) => e.kind === 'decision.accepted')).toMatchObject({
      actor: 'provider-1',
      role: 'provider',
      data: { event: 'DEFERRAL_REQUESTED' },
      source: expect.stringContaining('Deferrals'),
    });
    expect((await stack.api.call('GET', `/inspections/${id}/audit`, { role: 'provider' })).status).toBe(403);
    const history = await stack.api.call('GET', `/inspections/${id}/history`, { role: 'auditor' });
    expect(history.body.events[0].eventType).toBeDefined();
  });

  it("runs a children's centre and a safeguarding and looked after children inspection through the same routes", async () => {
    const centre = await stack.api.call('POST', '/inspections', {
      role: 'manager',
      body: { type: 'childrens-centre', providerId: PROVIDER_ID, designationDate: '2024-09-01' },
    });
    expect(centre.status).toBe(201);
    const notified = await decide(centre.body.inspectionId, 'manager', { event: 'CENTRE_NOTIFIED', notifiedBy: 'ofsted' });
    expect(notified.status).toBe(200);
    expect(notified.body.deadlines.map((d: { clock: string }) => d.clock)).toEqual(expect.arrayContaining(['noticePeriod', 'leadInspectorContact']));

    const la = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'safeguarding-lac', providerId: PROVIDER_ID } });
    expect(la.status).toBe(201);
    const started = await decide(la.body.inspectionId, 'manager', {
      event: 'INSPECTION_STARTED_WITHOUT_NOTICE',
      reason: 'serious_safeguarding_concerns',
      cqcInspector: 'CQC-STAFF-7',
    });
    expect(started.status).toBe(200);
    expect(started.body.facts.jointInspectorate).toMatchObject({ body: 'Care Quality Commission', inspector: 'CQC-STAFF-7' });
  });

  it('serves the type catalogue with every clock and its source', async () => {
    const res = await stack.api.call('GET', '/types');
    const type = res.body.types.find((t: { type: string }) => t.type === 'sccif-rfc-full');
    expect(type.clocks.map((c: { id: string }) => c.id)).toEqual(['onSiteLength', 'draftReport', 'commentWindow', 'finalReport', 'publication']);
    expect(type.decisions.every((d: { roles: string[] }) => d.roles.length > 0)).toBe(true);
    const centre = res.body.types.find((t: { type: string }) => t.type === 'childrens-centre');
    expect(centre.clocks.find((c: { id: string }) => c.id === 'draftToCentre').reading).toMatch(/\S/);
    for (const t of res.body.types) expect(t.clocks.every((c: { source: string }) => /^seed \d{3}/.test(c.source))).toBe(true);
  });
});

