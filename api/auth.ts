import type { NextFunction, Request, Response } from 'express';
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
  /** Express middleware: sets `res.locals.actor` from a valid bearer token, else answers 401. */
  middleware(req: Request, res: Response, next: NextFunction): void;
  issue(actor: { id: string; role: Role; providerId?: string }, expiresIn?: string): Promise<string>;
}

/** Signed bearer tokens (HS256): issuer, audience and expiry are checked on every request. */
export function createAuthenticator(settings: AuthSettings & { secret: string }): Authenticator {
  const key = new TextEncoder().encode(settings.secret);
  return {
    middleware(req, res, next) {
      const header = req.get('authorization') ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) return next(new ApiError(401, 'unauthenticated', 'a bearer token is required (Authorization: Bearer <token>)'));
      jwtVerify(match[1]!, key, { issuer: settings.issuer, audience: settings.audience, algorithms: ['HS256'] })
        .then(({ payload }) => {
          const parsed = claims.safeParse(payload);
          if (!parsed.success) throw new Error('token claims must include sub and a known role');
          if (parsed.data.role === 'provider' && !parsed.data.providerId) throw new Error('a provider token must name its providerId');
          const actor: Actor = { id: parsed.data.sub, role: parsed.data.role, ...(parsed.data.providerId ? { providerId: parsed.data.providerId } : {}) };
          res.locals.actor = actor;
          next();
        })
        .catch((error: unknown) =>
          next(new ApiError(401, 'unauthenticated', `invalid bearer token: ${error instanceof Error ? error.message : String(error)}`)),
        );
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

export function actorOf(res: Response): Actor {
  return res.locals.actor as Actor;
}
