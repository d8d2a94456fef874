import { CanActivate, Injectable } from '@nestjs/common';
import { PageNotFound } from '../web-errors';
import { OidcSignIn } from './oidc-sign-in';

/** The development sign-in does not exist where OpenID Connect is configured (always so in production). */
@Injectable()
export class DevelopmentOnlyGuard implements CanActivate {
  constructor(private readonly oidc: OidcSignIn) {}

  canActivate(): boolean {
    if (this.oidc.enabled) throw new PageNotFound();
    return true;
  }
}
