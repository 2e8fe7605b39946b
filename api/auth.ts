import { createSecretKey } from 'node:crypto';
import type { Request } from 'express';
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import type { AuthSettings } from '../config/env';
import { ROLES, type Actor, type Role } from '../machines/kit';
import { ApiError } from './errors';

const claims = z.object({
  sub: z.string().min(1),
  role: z.enum(ROLES),
  providerId: z.string().min(1).optional(),
});

export interface Authenticator {
  /** The actor a request's valid bearer token names; an ApiError 401 when there is none or it is not valid. */
  authenticate(req: Request): Promise<Actor>;
  issue(actor: { id: string; role: Role; providerId?: string }, expiresIn?: string): Promise<string>;
}

/** How many verified tokens are remembered, so a caller's token is checked once, not on every request. */
const VERIFIED_TOKENS_KEPT = 10_000;
/** The longest a token may live (exp − iat, or exp − now without iat): a stolen token is not good for ever. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/**
 * Signed bearer tokens (HS256): signature, issuer, audience and expiry (required, at most a day after it was issued)
 * are checked the first time a token is seen.
 * A token that passed is remembered with its expiry (bounded, oldest first out): the same bytes cannot carry other
 * claims, so the next requests with it only check that it has not expired. That takes the signature check (about a
 * tenth of the API's own work per decision request, hot: docs/PERFORMANCE.md) off a caller's later requests.
 */
export function createAuthenticator(settings: AuthSettings & { secret: string }): Authenticator {
  const key = createSecretKey(Buffer.from(settings.secret, 'utf8'));
  const verified = new Map<string, { actor: Actor; expiresAt: number }>();

  async function verify(token: string): Promise<Actor> {
    const known = verified.get(token);
    if (known && Date.now() < known.expiresAt) return known.actor;
    verified.delete(token);
    const { payload } = await jwtVerify(token, key, { issuer: settings.issuer, audience: settings.audience, algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] });
    const issuedAt = typeof payload.iat === 'number' ? payload.iat : Date.now() / 1000;
    if (payload.exp! - issuedAt > MAX_TOKEN_LIFETIME_SECONDS) throw new Error(`the token lives longer than ${MAX_TOKEN_LIFETIME_SECONDS / 3600} hours (exp too far after iat)`);
    const parsed = claims.safeParse(payload);
    if (!parsed.success) throw new Error('token claims must include sub and a known role');
    if (parsed.data.role === 'provider' && !parsed.data.providerId) throw new Error('a provider token must name its providerId');
    // Frozen: the same object serves every later request with this token.
    const actor: Actor = Object.freeze({ id: parsed.data.sub, role: parsed.data.role, ...(parsed.data.providerId ? { providerId: parsed.data.providerId } : {}) });
    if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
    verified.set(token, { actor, expiresAt: payload.exp! * 1000 });
    return actor;
  }

  return {
    async authenticate(req) {
      const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
      if (!match) throw new ApiError(401, 'unauthenticated', 'a bearer token is required (Authorization: Bearer <token>)');
      try {
        return await verify(match[1]!);
      } catch (error) {
        throw new ApiError(401, 'unauthenticated', `invalid bearer token: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    issue(actor, expiresIn = '12h') {
      return new SignJWT({ role: actor.role, ...(actor.providerId ? { providerId: actor.providerId } : {}) })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(actor.id)
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(key);
    },
  };
}
