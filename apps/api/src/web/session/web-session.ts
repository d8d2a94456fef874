import type { Actor } from '@app/contracts';

/** What the session cookie holds: who is signed in, the form token, and a pending sign-in. */
export interface WebSession {
  actor?: Actor;
  /** The per-session token every form posts back (CSRF protection). */
  csrf: string;
  /** Between the redirect to the identity provider and its answer. */
  oidc?: { state: string; nonce: string; verifier: string; returnTo: string };
  /** Expiry, in seconds since the epoch: the cookie's own Max-Age is only advice to the browser. */
  exp: number;
}

export interface RequestWithSession {
  webSession?: WebSession;
}
