import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SignInRequired } from '../web-errors';
import { SessionStore } from './session-store';
import type { RequestWithSession } from './web-session';

/** Pages for signed-in people: anyone else is sent to sign in, and brought back here afterwards. */
@Injectable()
export class SignedInGuard implements CanActivate {
  constructor(private readonly sessions: SessionStore) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request & RequestWithSession>();
    const session = this.sessions.load(req, ctx.switchToHttp().getResponse<Response>());
    // A form posted after the session ended comes back to the form's page (same path, as a GET).
    if (!session.actor) throw new SignInRequired(req.method === 'GET' ? req.originalUrl : req.path);
    return true;
  }
}
