import jwt from 'jsonwebtoken';
import { CLOCK_LEEWAY_SECONDS, InvalidToken, verifyToken } from '../../apps/api/src/auth/token';

const secret = 'a-test-secret-of-some-length';
const auth = { secret, maxLifetimeSeconds: 12 * 3600 };
const NOW = Date.UTC(2027, 0, 15, 12);
const now = NOW / 1000;

/** Signs exactly the claims given (undefined ones left out; no iat added behind the test's back). */
const sign = (claims: Record<string, unknown>, options: jwt.SignOptions = {}) => {
  const all: Record<string, unknown> = {
    roles: ['officer'],
    sub: 'officer.one',
    iat: now,
    exp: now + 3600,
    ...claims,
  };
  const payload = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
  return jwt.sign(payload, secret, {
    algorithm: 'HS256',
    noTimestamp: payload.iat === undefined,
    ...options,
  });
};

const refusal = (token: string, a: Parameters<typeof verifyToken>[1] = auth) => {
  try {
    verifyToken(token, a, NOW);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidToken);
    return (err as Error).message;
  }
  return null;
};

describe('bearer tokens', () => {
  it('accepts a token within its lifetime and normalises its claims', () => {
    const actor = verifyToken(
      sign({ sub: ' Alan.Wood', name: 'Alan  Wood ', email: 'aw@example.gov.uk' }),
      auth,
      NOW,
    );
    expect(actor).toEqual({
      userId: 'alan.wood',
      name: 'Alan  Wood',
      email: 'aw@example.gov.uk',
      roles: ['officer'],
    });
  });

  it('needs exp: a token without it would never expire', () => {
    expect(refusal(sign({ exp: undefined }))).toMatch(/exp \(a token must carry exp\)/);
  });

  it('refuses a lifetime over the maximum, measured from iat or from now', () => {
    expect(refusal(sign({ exp: now + 12 * 3600 }))).toBeNull();
    expect(refusal(sign({ exp: now + 30 * 365 * 86400 }))).toBe('the token lives longer than 43200 s (exp)');
    expect(refusal(sign({ iat: undefined, exp: now + 13 * 3600 }))).toBe(
      'the token lives longer than 43200 s (exp)',
    );
  });

  it('refuses an iat in the future beyond a small leeway', () => {
    expect(refusal(sign({ iat: now + CLOCK_LEEWAY_SECONDS }))).toBeNull();
    expect(refusal(sign({ iat: now + 3600, exp: now + 7200 }))).toBe(
      'the token was issued in the future (iat)',
    );
  });

  it('refuses an expired token', () => {
    expect(refusal(sign({ iat: now - 7200, exp: now - 3600 }))).toBe('jwt expired');
  });

  it.each([
    [{ sub: 'officer\u0000one' }, 'claim sub contains the control character U+0000'],
    [{ sub: 'x'.repeat(129) }, 'claim sub must be at most 128 characters'],
    [{ sub: 'officer one' }, /^claim sub must be made of/],
    [{ name: 'Olivia \ud800' }, 'claim name contains an unpaired UTF-16 surrogate (U+D800)'],
    [{ name: 'n'.repeat(201) }, 'claim name must be at most 200 characters'],
    [{ email: 'not an address' }, /claim email/],
    [{ roles: ['officer', 'king'] }, /roles/],
    [{ roles: Array(6).fill('officer') }, /roles/],
  ])('refuses bad or oversized claims: %j', (claims, message) => {
    expect(refusal(sign(claims))).toEqual(
      typeof message === 'string' ? message : expect.stringMatching(message),
    );
  });

  it('checks iss and aud when configured', () => {
    const strict = { ...auth, issuer: 'https://id.example.gov.uk', audience: 'commissioning' };
    expect(refusal(sign({}), strict)).toMatch(/jwt (issuer|audience) invalid/);
    expect(
      refusal(sign({}, { issuer: 'https://id.example.gov.uk', audience: 'commissioning' }), strict),
    ).toBeNull();
  });
});
