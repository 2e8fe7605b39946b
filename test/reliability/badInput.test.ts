import fc from 'fast-check';
import { SignJWT } from 'jose';
import { TEST_AUTH, useApiStack } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { goodJudgements } from '../support/inspectionHarness';
import { PROVIDER_ID } from '../support/pureDriver';
import { type RawResponse, closeRawAgent, rawRequest } from '../support/rawHttp';
import { recordFigures } from '../support/reliabilityRig';

/**
 * Bad input: generated malformed and hostile requests (fast-check) at every route of the served
 * /openapi.json, against the real app, a real dev server and a stack.worker. Never a 5xx, always a JSON error with a
 * message for a 4xx, never a crash, never a changed inspection; bad tokens 401, a valid token of the wrong role 403.
 */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 200);

const stack = useApiStack();
let routes: { method: string; path: string; roles?: string[]; public: boolean }[];
let inspectionId: string;
const centreId = `URN-FUZZ-${Date.now()}`;
let baseline: { revision: number; stage: string; ledger: number };
const figures = { requests: 0, byStatus: {} as Record<number, number> };

type Role = 'manager' | 'inspector' | 'provider' | 'auditor';
let subjects = 0;
/** A fresh subject per token, so the per-caller rate limit (600 a minute) is never what answers. */
const tokenFor = (role: Role) => stack.api.auth.issue({ id: `fuzz-${role}-${subjects++}`, role, ...(role === 'provider' ? { providerId: PROVIDER_ID } : {}) });

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

async function send(request: Sent): Promise<RawResponse> {
  const res = await rawRequest(stack.api.base, request.method, request.path, request.headers, request.body);
  figures.requests++;
  figures.byStatus[res.status] = (figures.byStatus[res.status] ?? 0) + 1;
  return res;
}

function describeRequest(r: Sent) {
  const headers = { ...r.headers, ...(r.headers.authorization ? { authorization: r.headers.authorization.slice(0, 30) + '…' } : {}) };
  return `${r.method} ${r.path.slice(0, 300)} headers=${JSON.stringify(headers).slice(0, 400)} body=${(r.body ?? '').slice(0, 300)}`;
}

/** The rules every answer to bad input must keep. */
function check(request: Sent, res: RawResponse) {
  const fail = (why: string) => {
    throw new Error(`${why}: ${describeRequest(request)} → ${res.status} ${res.text.slice(0, 300)}`);
  };
  if (res.status >= 500) fail('5xx');
  if (res.status < 200) fail('no status');
  if (res.status >= 400) {
    const error = (res.json as { error?: { message?: unknown; code?: unknown } } | undefined)?.error;
    if (!/application\/json/.test(res.contentType)) fail('a 4xx that is not JSON');
    if (typeof error?.message !== 'string' || error.message.length === 0 || typeof error.code !== 'string') fail('a 4xx without an error message');
  } else if (request.method !== 'GET') {
    fail('a request that could change something succeeded');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------------------------

const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return 'lone-surrogate';
  }
};
const printable = (maxLength: number) => fc.stringMatching(new RegExp(`^[ -~]{0,${maxLength}}$`));

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '', ' ', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '../../etc/passwd', '\u0000', "'; DROP TABLE ledger; --",
    '<script>alert(1)</script>', '{{7*7}}', '${7*7}', 'insp-', 'insp-zzzzzzzz', 'insp-00000000-0000-0000-0000-000000000000', 'NaN', 'Infinity',
    '-1', '1e308', '0x10', 'null', 'true', 'system', 'x'.repeat(3000),
  ),
  fc.integer().map(String),
);

const pathParam = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(inspectionId, centreId, PROVIDER_ID) },
    { weight: 3, arbitrary: hostileString.map(encode) },
    { weight: 1, arbitrary: fc.stringMatching(/^insp-[a-f0-9-]{8,64}$/) },
    {
      weight: 2,
      arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '..', '.', '%2e%2e', 'a%2Fb', '%FF%FE', `insp-${'a'.repeat(65)}`, `${inspectionId}%00`, `${inspectionId}/..`),
    },
  );

const queryString = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom('limit', 'offset', 'role', 'overdue', 'status', 'type', 'providerId', 'open', 'dueWithinDays', '__proto__', 'constructor', 'a[b]'), fc.string({ maxLength: 8 })),
        hostileString,
      ),
      { maxLength: 4 },
    )
    .map((pairs) => '?' + pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')),
  fc.constantFrom(
    '?limit=-1', '?limit=1e308', '?limit=0x10', '?offset=99999999999', '?limit=1&limit=2', '?role=system', '?role=__proto__',
    '?__proto__[polluted]=1', '?__proto__=1', '?overdue=maybe', '?dueWithinDays=NaN', '?%', '?a=%zz', '?&&&', '?=', '?limit', `?x=${'y'.repeat(4000)}`,
  ),
);

const contentType = fc.constantFrom(
  'application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16', 'application/json; charset=latin1',
  'application/json; charset=bogus', 'APPLICATION/JSON', 'text/plain', 'text/json', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x', 'application/vnd.api+json', 'application/merge-patch+json', '*/*', 'application/*', 'json', '', ';;;', undefined,
);

const idempotencyKey = fc.option(
  fc.oneof(printable(250), fc.stringMatching(/^[\w.:-]{1,200}$/), fc.constantFrom('', ' ', 'a'.repeat(201), 'key with spaces', '../../', 'é')),
  { nil: undefined },
);

/** Dates that are not dates, or lie in the future. */
const badDate = fc.oneof(
  fc.constantFrom('2024-02-30', '2023-02-29', '31/01/2024', 'yesterday', 'today', '2999-01-01', '9999-12-31', '0000-00-00', '2024-13-01', '+275760-09-13', '2024-01-01T00:00:00Z', '', '2024-1-1', ' 2024-01-01'),
  fc.date({ min: new Date(Date.now() + 3 * 86_400_000), max: new Date('2999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.integer(),
);

const EVENTS = ['INSPECTION_STARTED', 'FEEDBACK_GIVEN', 'FIELDWORK_COMPLETED', 'ON_SITE_EXTENDED', 'DRAFT_REPORT_SENT', 'COMMENTS_SUBMITTED', 'FINAL_REPORT_SENT', 'DEFERRAL_REQUESTED', 'COMPLAINT_MADE', 'REPORT_PUBLISHED', 'CENTRE_NOTIFIED'];
const anything = fc.jsonValue({ maxDepth: 3 });

/** Known fields of the API's bodies, with wrong types or wrong values. */
const knownFieldsWrong = fc.record(
  {
    event: fc.oneof(fc.constantFrom(...EVENTS), anything, fc.constantFrom('feedback given', '__proto__', 'A'.repeat(65), 'CONSTRUCTOR')),
    type: fc.oneof(anything, fc.constantFrom('sccif-rfc-full', 'nonsense', '__proto__')),
    providerId: fc.oneof(anything, hostileString),
    judgements: fc.oneof(anything, fc.constant({ ...goodJudgements, helpAndProtection: 'splendid' }), fc.constant(goodJudgements)),
    at: badDate,
    registeredOn: badDate,
    scheduledFor: badDate,
    designationDate: badDate,
    days: fc.oneof(fc.constantFrom(-1, 2.5, 1e308, 'three', null), anything),
    reason: fc.oneof(anything, fc.constantFrom('', '   ', 'x'.repeat(2001))),
    note: fc.oneof(anything, fc.constant('x'.repeat(5000))),
    summary: anything,
    outcome: fc.oneof(anything, fc.constant('upheld')),
  },
  { requiredKeys: [] },
);

/**
 * A body as raw text. Object bodies always carry a field no schema knows, so none of them can be a valid
 * decision (or a valid request of any other POST route): whatever the generator picks, nothing may change.
 */
const bodyText = fc.oneof(
  { weight: 3, arbitrary: knownFieldsWrong.map((o) => JSON.stringify({ ...o, zzUnknownField: true })) },
  { weight: 2, arbitrary: anything.map((v) => JSON.stringify(v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...v, zzUnknownField: true } : v)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '', 'not json', '{"event": ', '[1, 2', 'null', 'true', '"event"', '1e999', '{"a":1}{"b":2}', '\uFEFF{"event":"X"}', "{'event':'X'}", '{"event":"X",}',
      '{"__proto__":{"polluted":true},"event":"FEEDBACK_GIVEN"}', '{"constructor":{"prototype":{"polluted":true}},"event":"INSPECTION_STARTED"}',
      '{"event":"FEEDBACK_GIVEN","judgements":{"__proto__":{"polluted":true},"overallExperiencesAndProgress":"good"}}',
      '{"type":"sccif-rfc-full","providerId":"provider-1","__proto__":{"isAdmin":true}}', '{"event":"\\u0000"}', '{"event":"\\ud800"}',
    ),
  },
  { weight: 1, arbitrary: printable(200) },
  // deep nesting, inside and outside an object that names a real event
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 5_000 }).map((n) => `{"event":"FEEDBACK_GIVEN","zzUnknownField":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`) },
  // huge strings, under and over the 64 kB limit
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((n) => JSON.stringify({ event: 'FIELDWORK_COMPLETED', note: 'x'.repeat(n), zzUnknownField: 1 })) },
);

const validRole = fc.constantFrom<Role | 'none'>('manager', 'inspector', 'provider', 'auditor', 'none');

async function headersFor(role: Role | 'none', type: string | undefined, key: string | undefined, requestId?: string) {
  const headers: Record<string, string> = {};
  if (role !== 'none') headers.authorization = `Bearer ${await tokenFor(role)}`;
  if (type !== undefined) headers['content-type'] = type;
  if (key !== undefined) headers['idempotency-key'] = key;
  if (requestId !== undefined) headers['x-request-id'] = requestId;
  return headers;
}

async function stillAlive() {
  const health = await send({ method: 'GET', path: '/healthz', headers: {} });
  expect(health.status).toBe(200);
}

async function snapshot() {
  const manager = await tokenFor('manager');
  const auditor = await tokenFor('auditor');
  const view = await send({ method: 'GET', path: `/inspections/${inspectionId}`, headers: { authorization: `Bearer ${manager}` } });
  const audit = await send({ method: 'GET', path: `/inspections/${inspectionId}/audit`, headers: { authorization: `Bearer ${auditor}` } });
  expect([view.status, audit.status]).toEqual([200, 200]);
  const v = view.json as { revision: number; stage: string };
  const a = audit.json as { entries: unknown[]; verification: { ok: boolean } };
  expect(a.verification.ok).toBe(true);
  return { revision: v.revision, stage: v.stage, ledger: a.entries.length };
}

beforeAll(async () => {
  const doc = (await stack.api.call('GET', '/openapi.json')).body as {
    paths: Record<string, Record<string, { security?: unknown[]; 'x-roles'?: string[] }>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      public: Array.isArray(op.security) && op.security.length === 0,
      ...(op['x-roles'] ? { roles: op['x-roles'] } : {}),
    })),
  );
  const created = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'sccif-rfc-full', providerId: PROVIDER_ID } });
  expect(created.status).toBe(201);
  inspectionId = created.body.inspectionId;
  expect((await stack.api.call('POST', `/inspections/${inspectionId}/decisions`, { role: 'inspector', body: { event: 'INSPECTION_STARTED' } })).status).toBe(200);
  expect((await stack.api.call('POST', '/centres', { role: 'manager', body: { providerId: centreId, registeredOn: '2026-01-05' } })).status).toBe(201);
  // the ledger is written by activities: wait until it has settled before taking the baseline
  let last = -1;
  baseline = await eventually(async () => {
    const now = await snapshot();
    const settled = now.ledger === last && now.ledger > 0;
    last = now.ledger;
    return settled ? now : undefined;
  }, 30_000);
}, 180_000);

afterAll(async () => {
  closeRawAgent();
});

describe('bad input at every route of /openapi.json', () => {
  it('reads the routes from the served document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes).toEqual(expect.arrayContaining([expect.objectContaining({ method: 'POST', path: '/inspections/{id}/decisions' })]));
  });

  it('generated params, queries, headers and bodies at every route: never a 5xx, always a JSON error with a message', async () => {
    const request = fc.record({
      route: fc.constantFrom(...routes),
      otherMethod: fc.option(fc.constantFrom('PUT', 'DELETE', 'PATCH'), { freq: 10, nil: undefined }),
      params: fc.array(pathParam(), { minLength: 2, maxLength: 2 }),
      query: queryString,
      role: validRole,
      contentType,
      key: idempotencyKey,
      requestId: fc.option(printable(120), { nil: undefined }),
      body: fc.option(bodyText, { freq: 8, nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let i = 0;
        const path = r.route.path.replace(/\{\w+\}/g, () => r.params[i++]!) + r.query;
        const method = r.otherMethod ?? r.route.method;
        const sent: Sent = { method, path, headers: await headersFor(r.role, r.contentType, r.key, r.requestId), ...(r.body !== undefined ? { body: r.body } : {}) };
        check(sent, await send(sent));
      }),
      { numRuns: RUNS },
    );
    await stillAlive();
  });

  it('hostile decisions at the real inspection, every role: all refused with a 4xx', async () => {
    const request = fc.record({ role: validRole, contentType: fc.option(contentType, { freq: 3, nil: 'application/json' }), key: idempotencyKey, body: bodyText });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const sent: Sent = { method: 'POST', path: `/inspections/${inspectionId}/decisions`, headers: await headersFor(r.role, r.contentType, r.key), body: r.body };
        const res = await send(sent);
        check(sent, res);
        expect(res.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS },
    );
    // found by this test: a body nested too deeply for the client's JSON encoder was a retryable 503; now a 400
    const deep: Sent = {
      method: 'POST',
      path: `/inspections/${inspectionId}/decisions`,
      headers: await headersFor('inspector', 'application/json', undefined),
      body: `{"event":"FEEDBACK_GIVEN","zzUnknownField":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
    };
    const res = await send(deep);
    check(deep, res);
    expect(res.status).toBe(400);
    await stillAlive();
  });

  it('bad tokens (forged, expired, wrong issuer or audience, no or unknown role, provider without providerId, alg none, garbage): 401 on every protected route', async () => {
    const other = new TextEncoder().encode('another-secret-entirely-0123456789');
    const key = new TextEncoder().encode(TEST_AUTH.secret);
    const signed = (claims: Record<string, unknown>, o: { key?: Uint8Array; iss?: string; aud?: string; exp?: string; alg?: string } = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: o.alg ?? 'HS256' })
        .setSubject('mallory')
        .setIssuer(o.iss ?? TEST_AUTH.issuer)
        .setAudience(o.aud ?? TEST_AUTH.audience)
        .setIssuedAt()
        .setExpirationTime(o.exp ?? '1h')
        .sign(o.key ?? key);
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsignedClaims = { sub: 'mallory', role: 'manager', iss: TEST_AUTH.issuer, aud: TEST_AUTH.audience, iat: now, exp: now + 3600 };
    const valid = await stack.api.auth.issue({ id: 'manager-1', role: 'manager' });
    const badTokens: Record<string, string> = {
      forged: await signed({ role: 'manager' }, { key: other }),
      expired: await stack.api.auth.issue({ id: 'manager-1', role: 'manager' }, '-1m'),
      wrongIssuer: await signed({ role: 'manager' }, { iss: 'urn:evil:issuer' }),
      wrongAudience: await signed({ role: 'manager' }, { aud: 'urn:other:api' }),
      missingRole: await signed({}),
      unknownRole: await signed({ role: 'superuser' }),
      systemRole: await signed({ role: 'system' }),
      providerWithoutProviderId: await signed({ role: 'provider' }),
      hs512: await signed({ role: 'manager' }, { alg: 'HS512' }),
      algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(unsignedClaims)}.`,
      algNoneWithSignature: `${b64({ alg: 'none' })}.${b64(unsignedClaims)}.${valid.split('.')[2]}`,
      payloadSwapped: `${valid.split('.')[0]}.${b64({ ...unsignedClaims, role: 'manager', sub: 'mallory' })}.${valid.split('.')[2]}`,
      truncated: valid.slice(0, -5),
    };
    const protectedRoutes = routes.filter((r) => !r.public);
    const authorization = fc.oneof(
      fc.constantFrom(...Object.values(badTokens)).map((t) => `Bearer ${t}`),
      fc.constantFrom(...Object.values(badTokens)).map((t) => `bearer  ${t}`),
      printable(300).map((t) => `Bearer ${t}`),
      fc.constantFrom('Bearer', 'Bearer ', `Basic ${Buffer.from('manager:manager').toString('base64')}`, `Token ${valid}`, valid, `Bearer ${valid} ${valid}`, 'Bearer a.b.c', 'Bearer ...'),
      printable(100),
    );
    await fc.assert(
      // valid JSON only: the body is parsed before the token is checked, so malformed JSON is a 400 whoever sends it
      fc.asyncProperty(fc.constantFrom(...protectedRoutes), authorization, fc.option(knownFieldsWrong.map((o) => JSON.stringify(o)), { nil: undefined }), async (route, auth, body) => {
        const path = route.path.replace('{id}', inspectionId).replace('{providerId}', centreId);
        const sent: Sent = { method: route.method, path, headers: { authorization: auth, 'content-type': 'application/json' }, ...(body !== undefined ? { body } : {}) };
        const res = await send(sent);
        check(sent, res);
        if (res.status !== 401) throw new Error(`expected 401: ${describeRequest(sent)} → ${res.status} ${res.text.slice(0, 200)}`);
      }),
      { numRuns: RUNS },
    );
    // and each kind of bad token at least once, on a manager-only route
    for (const [kind, token] of Object.entries(badTokens)) {
      const res = await send({ method: 'POST', path: '/inspections', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"type":"sccif-rfc-full","providerId":"provider-1"}' });
      expect({ kind, status: res.status }).toEqual({ kind, status: 401 });
    }
    await stillAlive();
  });

  it('a valid token of a role the route does not name: 403 on every role-restricted route', async () => {
    const restricted = routes.filter((r) => r.roles);
    expect(restricted.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['POST /inspections', 'POST /centres', 'GET /inspections/{id}/audit']));
    let checked = 0;
    for (const route of restricted) {
      for (const role of (['manager', 'inspector', 'provider', 'auditor'] as const).filter((r) => !route.roles!.includes(r))) {
        const path = route.path.replace('{id}', inspectionId).replace('{providerId}', centreId);
        // a body that would be valid for the route, so the role is the only reason to refuse it
        const body = route.path === '/inspections' ? '{"type":"sccif-rfc-full","providerId":"provider-1"}' : route.path === '/centres' ? `{"providerId":"URN-NEW-${checked}","registeredOn":"2026-01-05"}` : '{"reason":"concerns"}';
        const sent: Sent = { method: route.method, path, headers: await headersFor(role, 'application/json', undefined), ...(route.method === 'POST' ? { body } : {}) };
        const res = await send(sent);
        check(sent, res);
        expect({ route: `${route.method} ${route.path}`, role, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, role, status: 403 });
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('afterwards: the server still answers, the inspection and its ledger are unchanged, no prototype polluted', async () => {
    await stillAlive();
    expect(await snapshot()).toEqual(baseline);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    recordFigures('badInput', { requests: figures.requests, routes: routes.length, byStatus: figures.byStatus, revision: baseline.revision, ledgerEntries: baseline.ledger, unchanged: true });
    console.log(`bad input: ${figures.requests} requests to ${routes.length} routes; by status ${JSON.stringify(figures.byStatus)}; inspection revision ${baseline.revision}, ledger ${baseline.ledger} entries, unchanged`);
  });
});
