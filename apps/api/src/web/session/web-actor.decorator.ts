import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@app/contracts';
import type { RequestWithSession } from './web-session';

/** The signed-in person; only on routes behind SignedInGuard. */
export const WebActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<RequestWithSession>().webSession!.actor!;
});
