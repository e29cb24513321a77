import { SetMetadata } from '@nestjs/common';
import { Role } from './role';

export const REQUIRED_ROLES = 'kassa:roles';

/** Restricts a route (or a whole controller) to callers holding one of these roles. */
export const RequireRoles = (roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
