import { randomBytes } from 'node:crypto';
import { loadConfig } from '@app/config';
import {
  bidPlaintext,
  masterKeyId,
  newDataKey,
  readPlaintext,
  seal,
  unseal,
} from '../../apps/api/src/commissions/bids/bid-crypto';

describe('sealing bids (AES-256-GCM envelope)', () => {
  const content = { price: 98_765.43, proposal: '# Method\n\nInterviews in twelve authorities' };

  it('round-trips under the same key and AAD, and the ciphertext is not the plaintext', () => {
    const key = newDataKey();
    const { plaintext } = bidPlaintext(content);
    const sealed = seal(key, plaintext, 'c:b');
    expect(sealed.ciphertext.includes(Buffer.from('twelve authorities'))).toBe(false);
    expect(readPlaintext(unseal(key, sealed, 'c:b'))).toMatchObject(content);
  });

  it('refuses another key, another bid (AAD) or a changed byte', () => {
    const key = newDataKey();
    const sealed = seal(key, bidPlaintext(content).plaintext, 'c:b1');
    expect(() => unseal(newDataKey(), sealed, 'c:b1')).toThrow();
    expect(() => unseal(key, sealed, 'c:b2')).toThrow();
    const tampered = Buffer.from(sealed.ciphertext);
    tampered[0] ^= 1;
    expect(() => unseal(key, { ...sealed, ciphertext: tampered }, 'c:b1')).toThrow();
  });

  it('salts the content hash: the same bid sealed twice has different hashes', () => {
    const a = bidPlaintext(content);
    const b = bidPlaintext(content);
    expect(a.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.contentHash).not.toBe(b.contentHash);
  });

  it('a data key wrapped by the master key opens only with it', () => {
    const master = randomBytes(32);
    const dataKey = newDataKey();
    const wrapped = seal(master, dataKey, 'commission-1');
    expect(unseal(master, wrapped, 'commission-1').equals(dataKey)).toBe(true);
    expect(() => unseal(randomBytes(32), wrapped, 'commission-1')).toThrow();
    expect(masterKeyId(master)).toHaveLength(16);
  });
});

describe('BID_MASTER_KEY', () => {
  it('has an embedded default outside production only', () => {
    expect(Buffer.from(loadConfig({}).bids.masterKey!, 'base64')).toHaveLength(32);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'a-production-secret-nobody-knows',
        JWT_ISSUER: 'https://login.example',
        JWT_AUDIENCE: 'commissioning',
      }).bids.masterKey,
    ).toBeUndefined();
  });

  it('must be 32 bytes of base64, and production refuses the embedded one', () => {
    expect(() => loadConfig({ BID_MASTER_KEY: 'c2hvcnQ=' })).toThrow(/BID_MASTER_KEY: must be 32 bytes/);
    const embedded = loadConfig({}).bids.masterKey!;
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'a-production-secret-nobody-knows',
        JWT_ISSUER: 'https://login.example',
        JWT_AUDIENCE: 'commissioning',
        BID_MASTER_KEY: embedded,
      }),
    ).toThrow(/BID_MASTER_KEY: the embedded development key must not be used in production/);
    const own = randomBytes(32).toString('base64');
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'a-production-secret-nobody-knows',
        JWT_ISSUER: 'https://login.example',
        JWT_AUDIENCE: 'commissioning',
        BID_MASTER_KEY: own,
      }).bids.masterKey,
    ).toBe(own);
  });
});
