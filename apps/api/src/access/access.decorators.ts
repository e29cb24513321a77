import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ForbiddenError, UnauthenticatedError } from '@kassa/common';
import { ApiErrors } from '../http/api-errors.decorator';
import { Role } from './role';
import { RequireRoles } from './roles';

/**
 * A route for callers with a valid access token — of one of `roles` when given. Sets the role
 * rule, the bearer scheme and the 401 (and 403) error docs in one line.
 */
export function Authenticated(...roles: Role[]) {
  return applyDecorators(
    ApiBearerAuth(),
    ...(roles.length > 0
      ? [RequireRoles(roles), ApiErrors(UnauthenticatedError, ForbiddenError)]
      : [ApiErrors(UnauthenticatedError)]),
  );
}

/** A route for admins only. */
export function AdminOnly() {
  return Authenticated(Role.Admin);
}

/** A route for support staff and admins. */
export function StaffOnly() {
  return Authenticated(Role.Support, Role.Admin);
}
