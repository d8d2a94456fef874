import { ConfigError, EMBEDDED_SESSION_SECRET, loadConfig, loadWebConfig } from '@app/config';

const web = (env: NodeJS.ProcessEnv) => loadWebConfig(loadConfig(env), env);

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    web(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error(`expected the web configuration to be refused: ${JSON.stringify(env)}`);
}

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-value',
  JWT_ISSUER: 'https://login.example.gov.uk/realms/staff',
  JWT_AUDIENCE: 'commissioning',
  PUBLIC_BASE_URL: 'https://commissioning.example.gov.uk',
  SESSION_SECRET: 's'.repeat(40),
  OIDC_ISSUER: 'https://login.example.gov.uk/realms/staff',
  OIDC_CLIENT_ID: 'commissioning',
  OIDC_CLIENT_SECRET: 'client-secret',
};

describe('the web pages’ configuration', () => {
  it('on the embedded default: the development sign-in, a plain-http cookie, the embedded secret', () => {
    expect(web({})).toEqual({
      signIn: { kind: 'development' },
      session: { secret: EMBEDDED_SESSION_SECRET, secure: false, maxAgeSeconds: 8 * 3600 },
    });
  });

  it('in production: OpenID Connect, a Secure cookie, the callback under the public URL', () => {
    expect(web(PRODUCTION)).toEqual({
      signIn: {
        kind: 'oidc',
        issuer: PRODUCTION.OIDC_ISSUER,
        clientId: 'commissioning',
        clientSecret: 'client-secret',
        redirectUri: 'https://commissioning.example.gov.uk/sign-in/callback',
        scopes: 'openid profile email',
        rolesClaim: 'roles',
      },
      session: { secret: 's'.repeat(40), secure: true, maxAgeSeconds: 8 * 3600 },
    });
  });

  it('makes the cookie Secure whenever the public URL is https, in development too', () => {
    expect(web({ PUBLIC_BASE_URL: 'https://dev.example' }).session.secure).toBe(true);
  });

  it('refuses production without an issuer, a session secret of its own or https', () => {
    expect(
      problemsOf({ ...PRODUCTION, OIDC_ISSUER: '', SESSION_SECRET: '', PUBLIC_BASE_URL: 'http://x.example' }),
    ).toEqual([
      'SESSION_SECRET: required in production',
      'OIDC_ISSUER: required in production (the development sign-in is refused there)',
      'PUBLIC_BASE_URL: must be https in production (the session cookie is Secure)',
    ]);
    expect(problemsOf({ ...PRODUCTION, SESSION_SECRET: EMBEDDED_SESSION_SECRET })).toEqual([
      'SESSION_SECRET: the embedded development secret must not be used in production',
    ]);
  });

  it('refuses an issuer without a client id, a short secret and scopes without openid', () => {
    expect(problemsOf({ OIDC_ISSUER: 'https://login.example' })).toEqual([
      'OIDC_CLIENT_ID: required with OIDC_ISSUER',
    ]);
    expect(problemsOf({ SESSION_SECRET: 'short' })).toEqual([
      'SESSION_SECRET: must be at least 32 characters',
    ]);
    expect(problemsOf({ OIDC_SCOPES: 'profile email' })).toEqual(['OIDC_SCOPES: must include openid']);
  });
});
