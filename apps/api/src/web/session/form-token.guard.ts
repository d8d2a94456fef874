import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FormTokenRefused } from '../web-errors';
import { SessionStore } from './session-store';
import type { RequestWithSession } from './web-session';

/**
 * CSRF protection: every POST carries the session's token in the hidden `_csrf` field. Another
 * site can make a browser post a form, but cannot read the token to put in it.
 */
@Injectable()
export class FormTokenGuard implements CanActivate {
  constructor(private readonly sessions: SessionStore) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request & RequestWithSession>();
    if (req.method !== 'POST') return true;
    const session = this.sessions.load(req, ctx.switchToHttp().getResponse<Response>());
    const given = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (typeof given !== 'string' || !sameToken(given, session.csrf)) throw new FormTokenRefused();
    return true;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
