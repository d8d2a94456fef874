import { seal, unseal } from '../../../apps/api/src/web/session/sealed-cookie';
import { safeReturnTo } from '../../../apps/api/src/web/session/return-to';
import type { WebSession } from '../../../apps/api/src/web/session/web-session';
import { people } from '../fixtures';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const NOW = 1_800_000_000;
const session: WebSession = {
  actor: { ...people.chair, roles: ['panel'] },
  csrf: 'c'.repeat(43),
  exp: NOW + 3600,
};

describe('the session cookie', () => {
  it('round-trips the person and the form token', () => {
    expect(unseal(seal(session, SECRET), SECRET, NOW)).toEqual(session);
  });

  it('refuses a cookie signed with another secret, altered, or malformed', () => {
    const value = seal(session, SECRET);
    expect(unseal(value, `${SECRET}-other`, NOW)).toBeNull();
    const [payload, signature] = value.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...session, actor: { ...session.actor, roles: ['officer'] } }),
    ).toString('base64url');
    expect(unseal(`${forged}.${signature}`, SECRET, NOW)).toBeNull();
    expect(unseal(`${payload}.`, SECRET, NOW)).toBeNull();
    expect(unseal('garbage', SECRET, NOW)).toBeNull();
  });

  it('refuses an expired session even when the browser still sends it', () => {
    expect(unseal(seal(session, SECRET), SECRET, NOW + 3600)).toBeNull();
  });

  it('refuses a well-signed cookie whose contents are not a session', () => {
    expect(
      unseal(
        seal({ ...session, actor: { ...session.actor!, roles: ['king' as never] } }, SECRET),
        SECRET,
        NOW,
      ),
    ).toBeNull();
  });
});

describe('where to go back to after signing in', () => {
  it.each([
    ['/commissions/abc?done=1#x', '/commissions/abc?done=1#x'],
    ['/', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['/\tevil', '/'],
    ['javascript:alert(1)', '/'],
    ['/sign-in?returnTo=/x', '/'],
    ['/sign-out', '/'],
    [undefined, '/'],
    [['/a'], '/'],
  ])('%p goes to %p', (given, expected) => {
    expect(safeReturnTo(given)).toBe(expected);
  });
});
