import { createHash, randomUUID } from 'node:crypto';
import { idempotencyId } from '../../idempotency/idempotency-id';

/**
 * The id of something a POST creates (a question, a bid): derived from the caller, the key and the
 * commission when an Idempotency-Key is given, so a retry after a lost answer names the same thing.
 */
export function derivedId(scope: string, commissionId: string, principal: string, key?: string): string {
  if (!key) return randomUUID();
  const h = createHash('sha256')
    .update(`${scope}\n${commissionId}\n${idempotencyId(principal, key)}`)
    .digest('hex')
    .slice(0, 32)
    .split('');
  h[12] = '5';
  h[16] = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
