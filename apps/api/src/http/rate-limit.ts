import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '@app/config';
import type { AuthenticatedRequest } from '../auth/auth.decorators';

/**
 * One budget of requests per caller and window, counted in this API process. A caller is the
 * verified user (the guard runs after authentication), or the client address on public routes;
 * many users behind one proxy therefore keep budgets of their own. Over it: 429 with Retry-After.
 */
export function rateLimitOptions(config: AppConfig): ThrottlerModuleOptions {
  const { requests, windowMs } = config.http.rateLimit;
  return {
    throttlers: [{ name: 'default', limit: requests, ttl: windowMs }],
    getTracker: (req: AuthenticatedRequest & { ip?: string }) =>
      req.actor ? `user:${req.actor.userId}` : `ip:${req.ip ?? 'unknown'}`,
    errorMessage: `more than ${requests} requests in ${windowMs / 1000} s: retry after the seconds in Retry-After`,
  };
}
