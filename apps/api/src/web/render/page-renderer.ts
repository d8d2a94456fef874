import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { RequestWithSession } from '../session/web-session';
import nunjucks from 'nunjucks';
import { londonDate, londonDateTime, londonTime } from '../time/london-time';
import { GOVUK_FRONTEND_DIST, VIEWS_DIR } from './asset-paths';

export const SERVICE_NAME = 'Commission public studies';

/** Renders the Nunjucks pages with GOV.UK Frontend's macros; every value is HTML-escaped by default. */
@Injectable()
export class PageRenderer {
  private readonly env: nunjucks.Environment;

  constructor() {
    this.env = new nunjucks.Environment(new nunjucks.FileSystemLoader([VIEWS_DIR, GOVUK_FRONTEND_DIST]), {
      autoescape: true,
    });
    this.env.addGlobal('serviceName', SERVICE_NAME);
    this.env.addFilter('londonDateTime', (at: string) => (at ? londonDateTime(at) : ''));
    this.env.addFilter('londonDate', (at: string) => (at ? londonDate(at) : ''));
    this.env.addFilter('londonTime', (at: string) => (at ? londonTime(at) : ''));
  }

  html(template: string, context: object): string {
    return this.env.render(template, context);
  }

  /** Sends a page; the layout gets who is signed in and the form token from the session. */
  send(
    req: Request & RequestWithSession,
    res: Response,
    template: string,
    context: object,
    status = 200,
  ): void {
    const session = req.webSession;
    // GOV.UK Frontend's template marks the body as script-capable with one inline script; a nonce
    // per response lets it (and only it) run under the strict content security policy.
    const cspNonce = randomBytes(16).toString('base64');
    const page = this.html(template, {
      ...context,
      signedIn: session?.actor,
      csrfToken: session?.csrf,
      cspNonce,
    });
    res.setHeader('Content-Security-Policy', pageSecurityPolicy(cspNonce));
    // Pages show one person's view of live state: never cached, never shown in a frame elsewhere.
    res.status(status).type('html').setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Frame-Options', 'DENY');
    res.send(page);
  }
}

/** helmet's default policy, with the page's nonce for scripts. */
function pageSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "script-src-attr 'none'",
    "style-src 'self'",
  ].join(';');
}
