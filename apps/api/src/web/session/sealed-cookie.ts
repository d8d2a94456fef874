import { createHmac, timingSafeEqual } from 'node:crypto';
import { ROLES } from '@app/contracts';
import { z } from 'zod';
import type { WebSession } from './web-session';

const sessionShape = z.object({
  actor: z
    .object({
      userId: z.string().min(1),
      name: z.string(),
      email: z.string(),
      roles: z.array(z.enum(ROLES)),
    })
    .optional(),
  csrf: z.string().min(32),
  oidc: z
    .object({ state: z.string(), nonce: z.string(), verifier: z.string(), returnTo: z.string() })
    .optional(),
  exp: z.number().int(),
});

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/**
 * The session travels in the cookie itself, signed with HMAC-SHA256 so it cannot be forged or
 * altered. It is not encrypted: it holds nothing its own browser may not know (who you are, the
 * form token, a pending sign-in's PKCE verifier), and it is HttpOnly, so page scripts cannot read it.
 */
export function seal(session: WebSession, secret: string): string {
  const payload = Buffer.from(JSON.stringify(session), 'utf8').toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The session in a cookie value, or null when it is forged, altered, malformed or expired. */
export function unseal(value: string, secret: string, nowSeconds: number): WebSession | null {
  const dot = value.indexOf('.');
  if (dot <= 0) return null;
  const payload = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), 'utf8');
  const expected = Buffer.from(sign(payload, secret), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = sessionShape.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.exp <= nowSeconds) return null;
    return parsed.data;
  } catch {
    return null;
  }
}
