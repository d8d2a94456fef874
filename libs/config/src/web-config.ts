import { z } from 'zod';
import { ConfigError, type AppConfig } from './config';

/** Only for the embedded default on a developer's machine; production refuses it. */
export const EMBEDDED_SESSION_SECRET = 'embedded-session-secret-not-for-production';

const schema = z.object({
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  OIDC_ISSUER: z
    .string()
    .url()
    .refine((v) => v.startsWith('https:') || v.startsWith('http:'), 'must be an http(s) URL')
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_SCOPES: z
    .string()
    .regex(/(^|\s)openid(\s|$)/, 'must include openid')
    .default('openid profile email'),
  OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
});

/** How people sign in to the web pages: the development picker, or OpenID Connect. */
export type SignInConfig =
  | { kind: 'development' }
  | {
      kind: 'oidc';
      issuer: string;
      clientId: string;
      /** Absent for a public client: the code exchange is then protected by PKCE alone. */
      clientSecret?: string;
      redirectUri: string;
      scopes: string;
      /** The ID token claim that lists the person's roles (any of ROLES). */
      rolesClaim: string;
    };

export interface WebConfig {
  signIn: SignInConfig;
  session: {
    secret: string;
    /** Secure cookies everywhere but plain-http development on this machine. */
    secure: boolean;
    maxAgeSeconds: number;
  };
}

const SESSION_HOURS = 8;

/**
 * The web pages' settings, validated at start-up like the rest. Production must sign people in
 * through its identity provider over https, with a session secret of its own.
 */
export function loadWebConfig(app: AppConfig, source: NodeJS.ProcessEnv = process.env): WebConfig {
  const defined = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = schema.safeParse(defined);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const production = app.env === 'production';
  const https = app.http.publicBaseUrl.startsWith('https:');
  const problems: string[] = [];
  if (production && !e.SESSION_SECRET) problems.push('SESSION_SECRET: required in production');
  if (production && e.SESSION_SECRET === EMBEDDED_SESSION_SECRET) {
    problems.push('SESSION_SECRET: the embedded development secret must not be used in production');
  }
  if (production && !e.OIDC_ISSUER) {
    problems.push('OIDC_ISSUER: required in production (the development sign-in is refused there)');
  }
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: required with OIDC_ISSUER');
  if (production && !https) {
    problems.push('PUBLIC_BASE_URL: must be https in production (the session cookie is Secure)');
  }
  if (problems.length) throw new ConfigError(problems);

  const signIn: SignInConfig = e.OIDC_ISSUER
    ? {
        kind: 'oidc',
        issuer: e.OIDC_ISSUER,
        clientId: e.OIDC_CLIENT_ID!,
        clientSecret: e.OIDC_CLIENT_SECRET,
        redirectUri: e.OIDC_REDIRECT_URI ?? `${app.http.publicBaseUrl.replace(/\/$/, '')}/sign-in/callback`,
        scopes: e.OIDC_SCOPES,
        rolesClaim: e.OIDC_ROLES_CLAIM,
      }
    : { kind: 'development' };
  return {
    signIn,
    session: {
      secret: e.SESSION_SECRET ?? EMBEDDED_SESSION_SECRET,
      secure: production || https,
      maxAgeSeconds: SESSION_HOURS * 3600,
    },
  };
}
