import { applyDecorators, Controller, UseFilters, UseGuards, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { FormTokenGuard } from '../session/form-token.guard';
import { SignedInGuard } from '../session/signed-in.guard';
import { WebErrorFilter } from '../web-error.filter';

/**
 * A controller of web pages: outside /v1 (version-neutral), not in the OpenAPI document, signed in
 * by session cookie instead of a bearer token, forms checked for the session's token, and errors
 * shown as pages.
 */
export function WebPages(path = ''): ClassDecorator {
  return applyDecorators(
    Controller({ path, version: VERSION_NEUTRAL }),
    ApiExcludeController(),
    Public(),
    UseGuards(SignedInGuard, FormTokenGuard),
    UseFilters(WebErrorFilter),
  );
}
