import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation } from '@nestjs/swagger';
import type { Role } from '@app/contracts';
import { RequireRoles } from '../auth/auth.decorators';

export const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Makes the POST repeat-safe: a repeat with the same key and body returns the first answer.',
};

/**
 * A command on one commission: POST, 200 with the commission after the change (201 where a
 * resource is created), the roles that may try it (membership and stage are the workflow's to
 * check), and the optional Idempotency-Key.
 */
export function CommandEndpoint(
  path: string,
  summary: string,
  roles: Role[],
  status: 200 | 201 = 200,
): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(status),
    RequireRoles(...roles),
    ApiOperation({ summary }),
    ApiHeader(IDEMPOTENCY_HEADER),
  );
}
