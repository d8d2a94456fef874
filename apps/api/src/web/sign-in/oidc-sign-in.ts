import { Inject, Injectable } from '@nestjs/common';
import type * as OpenIdClient from 'openid-client';
import type { SignInConfig, WebConfig } from '@app/config';
import { ROLES, type Actor, type Role } from '@app/contracts';
import { WEB_CONFIG } from '../web-config.provider';

export type OidcSettings = Extract<SignInConfig, { kind: 'oidc' }>;
type Lib = typeof OpenIdClient;

/** The checks kept in the session between the redirect to the provider and its answer. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
}

/** openid-client is an ES module; it is loaded when the first person signs in. */
export function loadOpenIdClient(): Promise<Lib> {
  return import('openid-client');
}

/** The provider's authorization URL: the code flow with PKCE (S256), a state and a nonce. */
export function authorizationUrl(
  lib: Lib,
  configuration: OpenIdClient.Configuration,
  settings: OidcSettings,
  checks: { state: string; nonce: string; codeChallenge: string },
): URL {
  return lib.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUri,
    scope: settings.scopes,
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: checks.codeChallenge,
    code_challenge_method: 'S256',
  });
}

export class NoRoleInService extends Error {}

/** The signed-in person from the ID token: roles from the configured claim, unknown roles ignored. */
export function actorFromClaims(claims: Record<string, unknown>, rolesClaim: string): Actor {
  const raw = claims[rolesClaim];
  const listed = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  const roles = [...new Set(listed.filter((r): r is Role => ROLES.includes(r as Role)))];
  if (roles.length === 0) throw new NoRoleInService(`no role in the "${rolesClaim}" claim`);
  const sub = String(claims.sub);
  const fullName = [claims.given_name, claims.family_name].filter((p) => typeof p === 'string').join(' ');
  const name = typeof claims.name === 'string' && claims.name ? claims.name : fullName || sub;
  return { userId: sub, name, email: typeof claims.email === 'string' ? claims.email : '', roles };
}

/** Sign-in with OpenID Connect against the configured issuer (production). */
@Injectable()
export class OidcSignIn {
  private configuration?: Promise<OpenIdClient.Configuration>;

  constructor(@Inject(WEB_CONFIG) private readonly config: WebConfig) {}

  get enabled(): boolean {
    return this.config.signIn.kind === 'oidc';
  }

  async start(): Promise<{ url: URL; pending: PendingSignIn }> {
    const lib = await loadOpenIdClient();
    const configuration = await this.discover(lib);
    const pending = {
      state: lib.randomState(),
      nonce: lib.randomNonce(),
      verifier: lib.randomPKCECodeVerifier(),
    };
    const codeChallenge = await lib.calculatePKCECodeChallenge(pending.verifier);
    return {
      url: authorizationUrl(lib, configuration, this.settings(), { ...pending, codeChallenge }),
      pending,
    };
  }

  /** Exchanges the code in the callback URL (checking state, nonce and PKCE) for the person. */
  async finish(query: string, pending: PendingSignIn): Promise<Actor> {
    const lib = await loadOpenIdClient();
    const configuration = await this.discover(lib);
    // The callback URL is rebuilt from configuration, never from the request's Host header.
    const current = new URL(this.settings().redirectUri);
    current.search = query;
    const tokens = await lib.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    return actorFromClaims(tokens.claims() ?? {}, this.settings().rolesClaim);
  }

  private settings(): OidcSettings {
    if (this.config.signIn.kind !== 'oidc') throw new Error('OpenID Connect is not configured');
    return this.config.signIn;
  }

  private discover(lib: Lib): Promise<OpenIdClient.Configuration> {
    const s = this.settings();
    this.configuration ??= lib
      .discovery(new URL(s.issuer), s.clientId, s.clientSecret, s.clientSecret ? undefined : lib.None())
      .catch((err: unknown) => {
        // A failed discovery is retried on the next sign-in rather than remembered.
        this.configuration = undefined;
        throw err;
      });
    return this.configuration;
  }
}
