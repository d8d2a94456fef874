import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { ROLES, type Actor } from '@app/contracts';
import type { AppConfig } from '@app/config';

const claims = z.object({
  sub: z.string().min(1),
  name: z.string().min(1).optional(),
  email: z.string().email().optional(),
  roles: z.array(z.enum(ROLES)).min(1),
});

export class InvalidToken extends Error {}

/** Verifies a bearer token with the configured key and turns its claims into an Actor. */
export function verifyToken(token: string, auth: AppConfig['auth']): Actor {
  const key = auth.publicKey ?? auth.secret;
  if (!key) throw new InvalidToken('no verification key configured');
  let payload: unknown;
  try {
    payload = jwt.verify(token, key, {
      algorithms: auth.publicKey ? ['RS256', 'ES256'] : ['HS256'],
      issuer: auth.issuer,
      audience: auth.audience,
    });
  } catch (err) {
    throw new InvalidToken((err as Error).message);
  }
  const parsed = claims.safeParse(payload);
  if (!parsed.success) {
    throw new InvalidToken(
      `token claims are invalid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  const c = parsed.data;
  return { userId: c.sub, name: c.name ?? c.sub, email: c.email ?? '', roles: c.roles };
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
