import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { parse, serialize } from 'cookie';
import type { Request, Response } from 'express';
import type { Actor } from '@app/contracts';
import { WEB_CONFIG } from '../web-config.provider';
import type { WebConfig } from '@app/config';
import { seal, unseal } from './sealed-cookie';
import type { RequestWithSession, WebSession } from './web-session';

/** Reads and writes the session cookie: HttpOnly, SameSite=Lax, Secure unless plain-http development. */
@Injectable()
export class SessionStore {
  private readonly cookieName: string;

  constructor(@Inject(WEB_CONFIG) private readonly config: WebConfig) {
    // The __Host- prefix makes the browser refuse the cookie unless it is Secure, host-only, Path=/.
    this.cookieName = config.session.secure ? '__Host-commissioning-session' : 'commissioning-session';
  }

  /** The request's session, or a new anonymous one (written at once, so forms have their token). */
  load(req: Request & RequestWithSession, res: Response): WebSession {
    if (req.webSession) return req.webSession;
    const value = parse(req.headers.cookie ?? '')[this.cookieName];
    const found = value ? unseal(value, this.config.session.secret, nowSeconds()) : null;
    const session = found ?? this.fresh();
    if (!found) this.write(res, session);
    req.webSession = session;
    return session;
  }

  /** Signing in starts a new session with a new form token, so nothing from before carries over. */
  signIn(req: Request & RequestWithSession, res: Response, actor: Actor): void {
    const session = { ...this.fresh(), actor };
    req.webSession = session;
    this.write(res, session);
  }

  update(req: Request & RequestWithSession, res: Response, change: Partial<WebSession>): void {
    const session = { ...this.load(req, res), ...change };
    req.webSession = session;
    this.write(res, session);
  }

  signOut(req: Request & RequestWithSession, res: Response): void {
    const session = this.fresh();
    req.webSession = session;
    this.write(res, session);
  }

  private fresh(): WebSession {
    return {
      csrf: randomBytes(32).toString('base64url'),
      exp: nowSeconds() + this.config.session.maxAgeSeconds,
    };
  }

  private write(res: Response, session: WebSession): void {
    const cookie = serialize(this.cookieName, seal(session, this.config.session.secret), {
      httpOnly: true,
      secure: this.config.session.secure,
      sameSite: 'lax',
      path: '/',
      maxAge: Math.max(0, session.exp - nowSeconds()),
    });
    const previous = res.getHeader('Set-Cookie');
    const others = (Array.isArray(previous) ? previous : previous ? [String(previous)] : []).filter(
      (c) => !c.startsWith(`${this.cookieName}=`),
    );
    res.setHeader('Set-Cookie', [...others, cookie]);
  }
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
