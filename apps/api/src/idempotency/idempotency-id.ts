import { createHash } from 'node:crypto';

/** One opaque id per caller and key: the Temporal update id, and the seed of derived commission ids. */
export function idempotencyId(principal: string, key: string): string {
  return createHash('sha256').update(`${principal}\n${key}`).digest('hex');
}
