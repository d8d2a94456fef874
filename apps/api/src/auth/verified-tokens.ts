import type { AppConfig } from '@app/config';
import type { Actor } from '@app/contracts';
import { verifyTokenUntil } from './token';

type Verify = typeof verifyTokenUntil;

/**
 * Tokens this API has verified, kept until they expire. A caller sends the same bearer token with
 * every request, and verifying it (signature, claims, the text rules) cost a tenth of the API's CPU
 * per command (`npm run bench`). Only a success is kept, under the token's exact text, by a guard
 * whose key and rules never change while it runs; a token is refused from its expiry on exactly as
 * before. Bounded: past `capacity` the oldest entry goes.
 */
export class VerifiedTokens {
  private readonly kept = new Map<string, { actor: Actor; refusedFromMs: number }>();

  constructor(
    private readonly auth: AppConfig['auth'],
    private readonly capacity = 10_000,
    private readonly verify: Verify = verifyTokenUntil,
  ) {}

  actorOf(token: string, now = Date.now()): Actor {
    const hit = this.kept.get(token);
    if (hit && now < hit.refusedFromMs) return hit.actor;
    if (hit) this.kept.delete(token);
    const verified = this.verify(token, this.auth, now);
    if (this.kept.size >= this.capacity) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(token, verified);
    return verified.actor;
  }

  get size(): number {
    return this.kept.size;
  }
}
