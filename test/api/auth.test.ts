import { createSecretKey } from 'node:crypto';
import type { Request } from 'express';
import { SignJWT } from 'jose';
import { createAuthenticator } from '../../api/auth';
import type { ApiError } from '../../api/errors';

const settings = { secret: 'auth-test-secret-0123456789abcdef', issuer: 'urn:test:issuer', audience: 'urn:test:api' };

/** Authenticates a request carrying `token`: the actor, or the error refusing it. */
function authenticate(auth: ReturnType<typeof createAuthenticator>, token: string): Promise<{ actor?: unknown; error?: ApiError }> {
  const req = { get: (name: string) => (name === 'authorization' ? `Bearer ${token}` : undefined) } as unknown as Request;
  return auth.authenticate(req).then(
    (actor) => ({ actor }),
    (error: unknown) => ({ error: error as ApiError }),
  );
}

describe('bearer tokens, each verified once and remembered until it expires', () => {
  afterEach(() => jest.useRealTimers());

  it('accepts a remembered token only until its expiry', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-23T09:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const auth = createAuthenticator(settings);
    const token = await auth.issue({ id: 'manager-1', role: 'manager' }, '1h');
    expect(await authenticate(auth, token)).toEqual({ actor: { id: 'manager-1', role: 'manager' } });
    expect(await authenticate(auth, token)).toEqual({ actor: { id: 'manager-1', role: 'manager' } });
    jest.setSystemTime(Date.parse('2026-11-23T10:00:01Z'));
    const late = await authenticate(auth, token);
    expect(late.error).toMatchObject({ status: 401, code: 'unauthenticated', message: expect.stringContaining('"exp"') });
  });

  it('refuses a token differing from a remembered one only in its signature', async () => {
    const auth = createAuthenticator(settings);
    const token = await auth.issue({ id: 'manager-1', role: 'manager' });
    expect((await authenticate(auth, token)).actor).toEqual({ id: 'manager-1', role: 'manager' });
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    expect((await authenticate(auth, forged)).error).toMatchObject({ status: 401, message: expect.stringContaining('signature') });
  });

  it('refuses a token with no expiry, or living longer than a day, though correctly signed', async () => {
    const auth = createAuthenticator(settings);
    const key = createSecretKey(Buffer.from(settings.secret, 'utf8'));
    const base = () => new SignJWT({ role: 'manager' }).setProtectedHeader({ alg: 'HS256' }).setSubject('manager-1').setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt();
    expect((await authenticate(auth, await base().sign(key))).error).toMatchObject({ status: 401, message: expect.stringContaining('"exp"') });
    expect((await authenticate(auth, await base().setExpirationTime('30d').sign(key))).error).toMatchObject({ status: 401, message: expect.stringContaining('longer than 24 hours') });
    expect((await authenticate(auth, await base().setExpirationTime('23h').sign(key))).actor).toEqual({ id: 'manager-1', role: 'manager' });
  });

  it('refuses a token signed with another secret', async () => {
    const other = await createAuthenticator({ ...settings, secret: 'another-secret-0123456789abcdefgh' }).issue({ id: 'manager-1', role: 'manager' });
    expect((await authenticate(createAuthenticator(settings), other)).error).toMatchObject({ status: 401 });
  });
});
