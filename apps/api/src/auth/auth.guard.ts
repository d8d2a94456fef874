import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Role } from '@app/contracts';
import { REQUEST_LIMITS } from '../input/request-limits';
import { ProblemException } from '../problem/problem.exception';
import { PUBLIC_ROUTE, REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators';
import { InvalidToken } from './token';
import { VerifiedTokens } from './verified-tokens';

/** Authenticates every route but the public ones, then checks the route's token roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly tokens: VerifiedTokens;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = new VerifiedTokens(config.auth);
  }

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    // Answers for one caller must not be kept by a shared cache or the browser's history.
    ctx.switchToHttp().getResponse<Response>().setHeader('Cache-Control', 'no-store');
    const header = req.headers.authorization ?? '';
    if (header.length > REQUEST_LIMITS.tokenLength) {
      throw ProblemException.unauthenticated(
        `the token is longer than ${REQUEST_LIMITS.tokenLength} characters`,
      );
    }
    const match = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i.exec(header);
    if (!match) throw ProblemException.unauthenticated('send Authorization: Bearer <token>');
    try {
      req.actor = this.tokens.actorOf(match[1]);
    } catch (err) {
      if (err instanceof InvalidToken)
        throw ProblemException.unauthenticated(`invalid token: ${err.message}`);
      throw err;
    }
    (req as { log?: { setBindings?: (b: object) => void } }).log?.setBindings?.({ userId: req.actor.userId });
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.some((r) => req.actor!.roles.includes(r))) {
      throw ProblemException.forbidden(`this needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
