import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { ProblemException } from '../problem/problem.exception';
import { PageRenderer } from './render/page-renderer';
import type { RequestWithSession } from './session/web-session';
import { FormTokenRefused, PageNotFound, SignInRequired } from './web-errors';

interface ErrorPage {
  status: number;
  title: string;
  detail: string;
}

/** Errors on web pages become GOV.UK error pages (or a trip to sign in), never JSON. */
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  constructor(
    private readonly pages: PageRenderer,
    @InjectPinoLogger(WebErrorFilter.name) private readonly logger: PinoLogger,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request & RequestWithSession>();
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof SignInRequired) {
      res.redirect(303, `/sign-in?returnTo=${encodeURIComponent(exception.returnTo)}`);
      return;
    }
    const page = this.describe(exception);
    if (page.status >= 500) this.logger.error({ err: exception }, 'web page failed');
    this.pages.send(
      req,
      res,
      'error.njk',
      { title: page.title, status: page.status, detail: page.detail },
      page.status,
    );
  }

  private describe(exception: unknown): ErrorPage {
    if (exception instanceof FormTokenRefused) {
      return {
        status: 403,
        title: 'This form has expired',
        detail: 'Go back, reload the page and try again. Nothing was changed.',
      };
    }
    if (exception instanceof PageNotFound) return notFound();
    const status =
      exception instanceof ProblemException
        ? exception.problem.status
        : exception instanceof HttpException
          ? exception.getStatus()
          : 500;
    if (status === 404) return notFound();
    if (status === 403) {
      return { status, title: 'You cannot do this', detail: detailOf(exception) };
    }
    if (status < 500) return { status, title: 'This cannot be done now', detail: detailOf(exception) };
    return {
      status: 500,
      title: 'Sorry, there is a problem with the service',
      detail: 'Try again later.',
    };
  }
}

function notFound(): ErrorPage {
  return {
    status: 404,
    title: 'Page not found',
    detail:
      'If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.',
  };
}

function detailOf(exception: unknown): string {
  const text =
    exception instanceof ProblemException ? exception.problem.detail : (exception as Error).message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
