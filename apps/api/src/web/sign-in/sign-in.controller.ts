import {
  Body,
  Controller,
  Get,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Public } from '../../auth/auth.decorators';
import { ROLE_LABELS } from '../presenters/labels';
import { PageRenderer } from '../render/page-renderer';
import { FormTokenGuard } from '../session/form-token.guard';
import { safeReturnTo } from '../session/return-to';
import { SessionStore } from '../session/session-store';
import type { RequestWithSession } from '../session/web-session';
import { WebErrorFilter } from '../web-error.filter';
import { PageNotFound } from '../web-errors';
import { CAST, castMember } from './cast';
import { DevelopmentOnlyGuard } from './development-only.guard';
import { NoRoleInService, OidcSignIn } from './oidc-sign-in';

type WebRequest = Request & RequestWithSession;

/**
 * Sign-in and sign-out. With OpenID Connect configured (always in production) "Sign in" goes to the
 * identity provider; otherwise a development page lets you pick one of the cast, and that page
 * and its form answer 404 whenever OpenID Connect is on.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebErrorFilter)
@Controller({ version: VERSION_NEUTRAL })
export class SignInController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: SessionStore,
    private readonly oidc: OidcSignIn,
    @InjectPinoLogger(SignInController.name) private readonly logger: PinoLogger,
  ) {}

  @Get('sign-in')
  async signIn(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query('returnTo') returnTo?: string,
  ): Promise<void> {
    const target = safeReturnTo(returnTo);
    if (this.oidc.enabled) {
      let started: Awaited<ReturnType<OidcSignIn['start']>>;
      try {
        started = await this.oidc.start();
      } catch (err) {
        this.logger.warn({ err }, 'the identity provider could not be reached');
        return this.failed(
          req,
          res,
          'Sign-in is not available at the moment. Try again in a few minutes.',
          503,
        );
      }
      this.sessions.update(req, res, { oidc: { ...started.pending, returnTo: target } });
      res.redirect(303, started.url.href);
      return;
    }
    this.sessions.load(req, res);
    this.developmentPage(req, res, target);
  }

  @Post('sign-in/development')
  @UseGuards(DevelopmentOnlyGuard, FormTokenGuard)
  developmentSignIn(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): void {
    const target = safeReturnTo(body.returnTo);
    const person = typeof body.person === 'string' ? castMember(body.person) : undefined;
    if (!person) {
      this.developmentPage(req, res, target, 'Select who to sign in as');
      return;
    }
    this.sessions.signIn(req, res, { ...person, roles: [...person.roles] });
    res.redirect(303, target);
  }

  @Get('sign-in/callback')
  async callback(@Req() req: WebRequest, @Res() res: Response): Promise<void> {
    if (!this.oidc.enabled) throw new PageNotFound();
    const pending = this.sessions.load(req, res).oidc;
    const query = new URL(req.originalUrl, 'http://callback').search;
    if (!pending)
      return this.failed(req, res, 'The sign-in took too long or was started in another browser.');
    try {
      const actor = await this.oidc.finish(query, pending);
      this.sessions.signIn(req, res, actor);
      res.redirect(303, pending.returnTo);
    } catch (err) {
      if (err instanceof NoRoleInService) {
        return this.failed(
          req,
          res,
          'Your account has no role in this service. Ask your administrator to give you one.',
          403,
        );
      }
      return this.failed(req, res, 'The identity provider did not confirm who you are.');
    }
  }

  @Post('sign-out')
  @UseGuards(FormTokenGuard)
  signOut(@Req() req: WebRequest, @Res() res: Response): void {
    this.sessions.signOut(req, res);
    res.redirect(303, '/sign-in');
  }

  private developmentPage(req: WebRequest, res: Response, returnTo: string, error?: string): void {
    const people = Object.values(CAST).map((p) => ({
      value: p.userId,
      text: p.name,
      hint: { text: p.roles.map((r) => ROLE_LABELS[r]).join(', ') },
    }));
    const errors = error ? { list: [{ text: error, href: `#person` }], person: error } : undefined;
    this.pages.send(
      req,
      res,
      'sign-in-development.njk',
      { title: 'Sign in', people, returnTo, errors },
      error ? 400 : 200,
    );
  }

  private failed(req: WebRequest, res: Response, detail: string, status = 400): void {
    this.pages.send(
      req,
      res,
      'error.njk',
      { title: 'You have not been signed in', detail, status, retry: '/sign-in' },
      status,
    );
  }
}
