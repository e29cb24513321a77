import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@kassa/common';
import { ApiErrors } from '../http/api-errors.decorator';
import { ACCESS_EXTENSIONS } from './access-extensions';
import { Role, ROLES } from './role';
import { RequireRoles } from './roles';

/**
 * A route for callers with a valid access token — of one of `roles` when given. Sets the role
 * rule, the bearer scheme, the roles it admits as `x-roles` in the OpenAPI document, and the 401
 * (and 403) error docs in one line.
 */
export function Authenticated(...roles: Role[]) {
  return applyDecorators(
    ApiBearerAuth(),
    ApiExtension(ACCESS_EXTENSIONS.roles, roles.length > 0 ? roles : ROLES),
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

/**
 * A route on one customer's resource (the `:id` of its path): the customer who owns it and the
 * staff roles reach it; to any other customer it answers 404 as if it did not exist. `roles`
 * narrows who is admitted at all (paying is for customers, approving a return for admins). The
 * service enforces the rule; this documents it as `x-owned-by: customer`, which the route × role
 * matrix spec checks on every such route.
 */
export function CustomerOwned(...roles: Role[]) {
  return applyDecorators(
    Authenticated(...roles),
    ApiExtension(ACCESS_EXTENSIONS.ownedBy, Role.Customer),
    ApiErrors(NotFoundError),
  );
}
