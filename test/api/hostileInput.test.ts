import { startApi, useApiStack } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { PROVIDER_ID } from '../support/pureDriver';
import { closeRawAgent, rawRequest } from '../support/rawHttp';

/**
 * One text and date policy at the boundary: text no database can store (a NUL, a lone surrogate) and dates the
 * calendar cannot place are refused with a 400 naming the field, and change nothing; nothing reaches a workflow that
 * would fail later. (The property-based sweep over every field of every event is test/reliability/badInput.test.ts.)
 */
const stack = useApiStack();
afterAll(() => closeRawAgent());

async function created() {
  const res = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'sccif-rfc-full', providerId: PROVIDER_ID } });
  return res.body.inspectionId as string;
}
const decide = (id: string, role: 'inspector' | 'provider', raw: string) =>
  stack.api.call('POST', `/inspections/${id}/decisions`, { role, raw });

describe('text and dates at the boundary', () => {
  it('refuses a NUL or a lone surrogate in any free-text field, naming it, and changes nothing', async () => {
    const id = await created();
    const before = (await stack.api.call('GET', `/inspections/${id}`, { role: 'manager' })).body.revision;
    for (const raw of [
      '{"event":"DEFERRAL_REQUESTED","reason":"please\\u0000"}',
      '{"event":"DEFERRAL_REQUESTED","reason":"a\\ud800b"}',
      '{"event":"DEFERRAL_REQUESTED","reason":"ok","note":"\\udc00"}',
      '{"event":"DEFERRAL_REQUESTED","reason":"ok","x\\u0000":1}',
    ]) {
      const res = await decide(id, 'provider', raw);
      expect([raw, res.status, res.body.error.code]).toEqual([raw, 400, 'invalid_text']);
      expect(res.body.error.message).toMatch(/reason|note|x/);
    }
    expect((await stack.api.call('GET', `/inspections/${id}`, { role: 'manager' })).body.revision).toBe(before);
    // a well-formed pair of surrogates is a real character, and is kept
    const emoji = await decide(id, 'provider', '{"event":"DEFERRAL_REQUESTED","reason":"manager away \\ud83c\\udfe5"}');
    expect(emoji.status).toBe(200);
    const stored = await eventually(async () =>
      (await stack.api.call('GET', `/inspections/${id}/audit`, { role: 'auditor' })).body.entries.find((e: { kind: string }) => e.kind === 'decision.accepted'),
    );
    expect(stored.data.payload.reason).toBe('manager away 🏥');
  });

  it('refuses dates the calendar cannot place (400, never 503), and a step dated before the inspection was opened', async () => {
    const id = await created();
    for (const at of ['1900-01-01', '0000-00-00', '2015-01-05', '2099-01-01']) {
      const res = await decide(id, 'inspector', JSON.stringify({ event: 'INSPECTION_STARTED', at }));
      expect([at, res.status]).toEqual([at, 400]);
    }
    const centre = await stack.api.call('POST', '/centres', { role: 'manager', body: { providerId: 'C-1950', registeredOn: '1950-01-01' } });
    expect(centre.status).toBe(400);
    expect(centre.body.error.message).toMatch(/registeredOn.*(2010-01-01|calendar)/);
    expect((await stack.api.call('GET', '/centres/C-1950', { role: 'manager' })).status).toBe(404); // nothing started
    const opened = await stack.api.call('POST', '/inspections', { role: 'manager', body: { type: 'sccif-rfc-full', providerId: PROVIDER_ID, at: '1999-01-01' } });
    expect(opened.status).toBe(400);
  });

  it('answers a method a route does not take, TRACE included, with 405 and the methods it does', async () => {
    const trace = await rawRequest(stack.api.base, 'TRACE', '/inspections', {}); // fetch refuses to send TRACE
    expect(trace.status).toBe(405);
    const put = await stack.api.call('PUT', '/inspections', { role: 'manager', body: {} });
    expect(put).toMatchObject({ status: 405, body: { error: { code: 'method_not_allowed' } } });
    expect(put.headers.get('allow')).toBe('POST, GET');
    expect((await stack.api.call('DELETE', '/inspections/insp-00000000-0000', { role: 'manager' })).status).toBe(405);
    expect((await stack.api.call('GET', '/no/such/route', { role: 'manager' })).status).toBe(404);
  });

  it('counts every caller before reading its body: anonymous callers by address, each token by its subject', async () => {
    const small = await startApi(stack.env.client, stack.worker.db, stack.worker.taskQueue, undefined, { rateLimitPerMinute: 20 });
    try {
      const anonymous = await Promise.all(Array.from({ length: 25 }, () => small.call('GET', '/openapi.json')));
      const limited = anonymous.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(5);
      expect(limited[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await small.call('POST', '/inspections', { raw: 'x'.repeat(60_000) })).status).toBe(429); // refused before its body is read
      expect((await small.call('GET', '/types', { role: 'auditor' })).status).toBe(200); // a token is its own caller
    } finally {
      await small.close();
    }
  });

  it('refuses a body nested deeper than any payload with a 400, whatever its shape', async () => {
    const id = await created();
    for (const raw of ['['.repeat(5000) + ']'.repeat(5000), `{"event":"DEFERRAL_REQUESTED","reason":"r","x":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`]) {
      const res = await decide(id, 'provider', raw);
      expect([raw.slice(0, 40), res.status, res.body.error.message]).toEqual([raw.slice(0, 40), 400, expect.stringMatching(/nested more than 32 levels deep/)]);
    }
  });

  it('refuses `__proto__` like any unknown field, and NUL in a filter', async () => {
    const id = await created();
    const proto = await decide(id, 'provider', '{"event":"DEFERRAL_REQUESTED","reason":"r","__proto__":{"admin":true}}');
    expect(proto).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('__proto__') } } });
    expect((await stack.api.call('GET', '/inspections?type=%00', { role: 'manager' })).status).toBe(400);
    expect((await stack.api.call('GET', `/inspections/${id}%00`, { role: 'manager' })).status).toBe(400);
  });
});
