import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { WebConfig } from '@app/config';
import { WEB_CONFIG } from '../web-config.provider';

/** Keeps a feed token from ever matching another MAC made with the same secret (e.g. a session). */
const PURPOSE = 'calendar-feed:v1\n';

/**
 * A person's calendar feed address holds `<user id>.<HMAC of it>`: a calendar app fetches it
 * without signing in, so only someone the person gave it to can read their due dates, and it
 * needs no table. Changing SESSION_SECRET revokes every feed address.
 */
@Injectable()
export class CalendarTokens {
  constructor(@Inject(WEB_CONFIG) private readonly config: WebConfig) {}

  tokenFor(userId: string): string {
    return `${Buffer.from(userId, 'utf8').toString('base64url')}.${this.mac(userId).toString('base64url')}`;
  }

  /** The user a token was made for, or null when it was not made with this secret. */
  userOf(token: string): string | null {
    const m = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return null;
    const userId = Buffer.from(m[1], 'base64url').toString('utf8');
    const given = Buffer.from(m[2], 'base64url');
    const expected = this.mac(userId);
    return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
  }

  private mac(userId: string): Buffer {
    return createHmac('sha256', this.config.session.secret)
      .update(PURPOSE + userId)
      .digest();
  }
}
