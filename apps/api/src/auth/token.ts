import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { ROLES, storableTextProblem, toStorableText, type Actor, type TextKind } from '@app/contracts';
import type { AppConfig } from '@app/config';

/** Clocks differ a little between the issuer and this service; more than this is a wrong token. */
export const CLOCK_LEEWAY_SECONDS = 30;

const claims = z.object({
  sub: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  // RFC 7519 makes `exp` optional; here a token without it would be valid for ever.
  exp: z.number({ required_error: 'a token must carry exp' }).int(),
  iat: z.number().int().optional(),
});

export class InvalidToken extends Error {}

/** A claim's text as the system stores it, or the reason the token is refused. */
function claimText(value: string, kind: TextKind, claim: string): string {
  const problem = storableTextProblem(value, kind);
  if (problem) throw new InvalidToken(`claim ${claim} ${problem}`);
  return toStorableText(value, kind);
}

const keys = new Map<string, KeyObject>();

/**
 * The configured key as a KeyObject, made once: given a string, jsonwebtoken would parse it on every
 * request, first (and for a secret, vainly, through a thrown error) as a public key.
 */
function verificationKey(auth: AppConfig['auth']): KeyObject | null {
  const text = auth.publicKey ?? auth.secret;
  if (!text) return null;
  const id = `${auth.publicKey ? 'public' : 'secret'}:${text}`;
  let key = keys.get(id);
  if (!key) {
    try {
      key = auth.publicKey ? createPublicKey(auth.publicKey) : createSecretKey(Buffer.from(text));
    } catch (err) {
      throw new InvalidToken(`the configured verification key is not valid: ${(err as Error).message}`);
    }
    keys.set(id, key);
  }
  return key;
}

/**
 * Verifies a bearer token with the configured key and turns its claims into an Actor. Beyond the
 * signature: `exp` is required and at most the configured lifetime after `iat` (or after now), an
 * `iat` in the future is refused, and each claim must be text the system can store, within its
 * limit; `sub` is the user id in its normal form (see ID_GRAMMAR).
 */
export function verifyToken(token: string, auth: AppConfig['auth'], now = Date.now()): Actor {
  return verifyTokenUntil(token, auth, now).actor;
}

/** `verifyToken`, with the instant (ms) after which the token is refused as expired. */
export function verifyTokenUntil(
  token: string,
  auth: AppConfig['auth'],
  now = Date.now(),
): { actor: Actor; refusedFromMs: number } {
  const key = verificationKey(auth);
  if (!key) throw new InvalidToken('no verification key configured');
  let payload: unknown;
  try {
    payload = jwt.verify(token, key, {
      algorithms: auth.publicKey ? ['RS256', 'ES256'] : ['HS256'],
      issuer: auth.issuer,
      audience: auth.audience,
      clockTolerance: CLOCK_LEEWAY_SECONDS,
      clockTimestamp: Math.floor(now / 1000),
    });
  } catch (err) {
    throw new InvalidToken((err as Error).message);
  }
  const parsed = claims.safeParse(payload);
  if (!parsed.success) {
    throw new InvalidToken(
      `token claims are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')} (${i.message})`).join(', ')}`,
    );
  }
  const c = parsed.data;
  const nowSeconds = Math.floor(now / 1000);
  if (c.iat !== undefined && c.iat > nowSeconds + CLOCK_LEEWAY_SECONDS) {
    throw new InvalidToken('the token was issued in the future (iat)');
  }
  if (c.exp - (c.iat ?? nowSeconds) > auth.maxLifetimeSeconds + CLOCK_LEEWAY_SECONDS) {
    throw new InvalidToken(`the token lives longer than ${auth.maxLifetimeSeconds} s (exp)`);
  }
  const userId = claimText(c.sub, 'id', 'sub');
  const email = c.email === undefined ? '' : claimText(c.email, 'email', 'email');
  if (email && !z.string().email().safeParse(email).success)
    throw new InvalidToken('claim email is not an e-mail address');
  return {
    actor: {
      userId,
      name: c.name === undefined ? userId : claimText(c.name, 'name', 'name'),
      email,
      roles: [...new Set(c.roles)],
    },
    // jsonwebtoken refuses from exp + the tolerance on (its clockTimestamp >= exp + tolerance).
    refusedFromMs: (c.exp + CLOCK_LEEWAY_SECONDS) * 1000,
  };
}

/** Mints a token for the embedded default (local secret); see `npm run token`. */
export function mintToken(
  secret: string,
  actor: { sub: string; roles: string[]; name?: string; email?: string },
  expiresIn: jwt.SignOptions['expiresIn'] = '12h',
): string {
  return jwt.sign({ name: actor.name ?? actor.sub, email: actor.email, roles: actor.roles }, secret, {
    subject: actor.sub,
    expiresIn,
    algorithm: 'HS256',
  });
}
