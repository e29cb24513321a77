import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { ACCESS_EXTENSIONS, GUEST } from './access-extensions';
import { ROLES } from './role';

export const IS_PUBLIC = 'kassa:isPublic';

/**
 * Opens a route (or a whole controller) to callers without an access token. A valid token still
 * identifies the caller (`@CurrentUser()`); an invalid one is ignored. Documented as
 * `x-roles: [guest, customer, support, admin]`.
 */
export const Public = () =>
  applyDecorators(
    SetMetadata(IS_PUBLIC, true),
    ApiExtension(ACCESS_EXTENSIONS.roles, [GUEST, ...ROLES]),
  );
