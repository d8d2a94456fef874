import {
  actorFromClaims,
  authorizationUrl,
  loadOpenIdClient,
  NoRoleInService,
  type OidcSettings,
} from '../../../apps/api/src/web/sign-in/oidc-sign-in';

const settings: OidcSettings = {
  kind: 'oidc',
  issuer: 'https://login.example.gov.uk',
  clientId: 'commissioning',
  clientSecret: 'client-secret',
  redirectUri: 'https://commissioning.example.gov.uk/sign-in/callback',
  scopes: 'openid profile email',
  rolesClaim: 'roles',
};

describe('signing in with OpenID Connect', () => {
  it('sends people to the issuer’s authorization endpoint with the code flow, PKCE, state and nonce', async () => {
    const lib = await loadOpenIdClient();
    const configuration = new lib.Configuration(
      {
        issuer: settings.issuer,
        authorization_endpoint: 'https://login.example.gov.uk/authorize',
        token_endpoint: 'https://login.example.gov.uk/token',
      },
      settings.clientId,
      settings.clientSecret,
    );
    const verifier = lib.randomPKCECodeVerifier();
    const codeChallenge = await lib.calculatePKCECodeChallenge(verifier);
    const url = authorizationUrl(lib, configuration, settings, {
      state: 'the-state',
      nonce: 'the-nonce',
      codeChallenge,
    });
    expect(url.origin + url.pathname).toBe('https://login.example.gov.uk/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'commissioning',
      response_type: 'code',
      redirect_uri: 'https://commissioning.example.gov.uk/sign-in/callback',
      scope: 'openid profile email',
      state: 'the-state',
      nonce: 'the-nonce',
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
    });
    expect(codeChallenge).not.toBe(verifier);
  });

  it('takes the person from the ID token, with only the roles this service knows', () => {
    expect(
      actorFromClaims(
        { sub: 'u-1', name: 'Isabelle Trowler', email: 'it@example.gov.uk', roles: ['panel', 'superuser'] },
        'roles',
      ),
    ).toEqual({ userId: 'u-1', name: 'Isabelle Trowler', email: 'it@example.gov.uk', roles: ['panel'] });
    expect(
      actorFromClaims(
        { sub: 'u-2', given_name: 'Alan', family_name: 'Wood', groups: 'officer panel' },
        'groups',
      ),
    ).toEqual({
      userId: 'u-2',
      name: 'Alan Wood',
      email: '',
      roles: ['officer', 'panel'],
    });
  });

  it('refuses someone with no role in this service', () => {
    expect(() => actorFromClaims({ sub: 'u-3', roles: ['unknown'] }, 'roles')).toThrow(NoRoleInService);
    expect(() => actorFromClaims({ sub: 'u-3' }, 'roles')).toThrow(NoRoleInService);
  });
});
