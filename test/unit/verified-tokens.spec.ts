import jwt from 'jsonwebtoken';
import { CLOCK_LEEWAY_SECONDS, InvalidToken, verifyTokenUntil } from '../../apps/api/src/auth/token';
import { VerifiedTokens } from '../../apps/api/src/auth/verified-tokens';

const secret = 'a-test-secret-of-some-length';
const auth = { secret, maxLifetimeSeconds: 12 * 3600 };
const NOW = Date.UTC(2027, 0, 15, 12);
const sign = (sub: string, exp = NOW / 1000 + 3600) =>
  jwt.sign({ sub, roles: ['officer'], iat: NOW / 1000, exp }, secret, { algorithm: 'HS256' });

describe('tokens kept once verified', () => {
  const counting = () => {
    const calls: string[] = [];
    const verify: typeof verifyTokenUntil = (token, a, now) => {
      calls.push(token);
      return verifyTokenUntil(token, a, now);
    };
    return { calls, verify };
  };

  it('verifies a token once, then answers from what it kept', () => {
    const { calls, verify } = counting();
    const tokens = new VerifiedTokens(auth, 10, verify);
    const token = sign('officer.one');
    expect(tokens.actorOf(token, NOW).userId).toBe('officer.one');
    expect(tokens.actorOf(token, NOW + 60_000).userId).toBe('officer.one');
    expect(calls).toHaveLength(1);
  });

  it('refuses a kept token from its expiry on, as the verification itself would', () => {
    const { calls, verify } = counting();
    const tokens = new VerifiedTokens(auth, 10, verify);
    const exp = NOW / 1000 + 60;
    const token = sign('officer.one', exp);
    tokens.actorOf(token, NOW);
    const lastAccepted = (exp + CLOCK_LEEWAY_SECONDS) * 1000 - 1;
    expect(tokens.actorOf(token, lastAccepted).userId).toBe('officer.one');
    expect(() => tokens.actorOf(token, lastAccepted + 1)).toThrow(InvalidToken);
    expect(calls).toHaveLength(2);
    expect(tokens.size).toBe(0);
  });

  it('keeps no refusal: a bad token is verified, and refused, every time', () => {
    const { calls, verify } = counting();
    const tokens = new VerifiedTokens(auth, 10, verify);
    const forged = `${sign('officer.one').slice(0, -2)}xx`;
    expect(() => tokens.actorOf(forged, NOW)).toThrow(InvalidToken);
    expect(() => tokens.actorOf(forged, NOW)).toThrow(InvalidToken);
    expect(calls).toHaveLength(2);
    expect(tokens.size).toBe(0);
  });

  it('stays within its capacity, the oldest going first', () => {
    const { calls, verify } = counting();
    const tokens = new VerifiedTokens(auth, 2, verify);
    const [a, b, c] = ['officer.a', 'officer.b', 'officer.c'].map((s) => sign(s));
    for (const t of [a, b, c]) tokens.actorOf(t, NOW);
    expect(tokens.size).toBe(2);
    tokens.actorOf(c, NOW);
    tokens.actorOf(a, NOW);
    expect(calls).toEqual([a, b, c, a]);
  });
});
