import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/*
 * Envelope encryption of sealed bids with AES-256-GCM (node:crypto): each commission has a random
 * 256-bit data key; the data key is stored only wrapped (encrypted) by the master key; each bid is
 * encrypted under the data key with a fresh 96-bit IV. The additional authenticated data binds a
 * ciphertext to its commission and bid, so a row copied onto another bid fails to open.
 */

const ALGORITHM = 'aes-256-gcm';

export interface Sealed {
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/** Throws when the key, the AAD or any byte of the ciphertext is not what was sealed. */
export function unseal(key: Buffer, sealed: Sealed, aad: string): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, sealed.iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

export const newDataKey = (): Buffer => randomBytes(32);

/** Names a master key without revealing it, so a wrapped key says which master key wrapped it. */
export function masterKeyId(masterKey: Buffer): string {
  return createHash('sha256').update(masterKey).digest('hex').slice(0, 16);
}

export interface BidContent {
  proposal: string;
  /** GBP including VAT, in pounds. */
  price: number;
}

/**
 * The plaintext of a bid and its receipt. A random salt travels inside the sealed plaintext, so
 * the content hash in the receipt (which staff and the workflow see) cannot be used to test
 * guesses of a price.
 */
export function bidPlaintext(content: BidContent): { plaintext: Buffer; contentHash: string } {
  const plaintext = Buffer.from(
    JSON.stringify({
      salt: randomBytes(16).toString('base64'),
      price: content.price,
      proposal: content.proposal,
    }),
    'utf8',
  );
  return { plaintext, contentHash: `sha256:${createHash('sha256').update(plaintext).digest('hex')}` };
}

export function readPlaintext(plaintext: Buffer): BidContent & { salt: string } {
  return JSON.parse(plaintext.toString('utf8')) as BidContent & { salt: string };
}
