import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@kassa/common';
import { Role } from '../../users/role';
import { AuthUser } from '../auth-user';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { REQUIRED_ROLES } from '../decorators/roles.decorator';
import { AccessTokenAuthenticator } from './access-token.authenticator';
import { bearerToken } from './bearer-token';

interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthUser;
}

/**
 * The global guard: every HTTP route needs a valid, unrevoked access token unless `@Public()`,
 * then one of the `@Roles()` if any are set. On a public route a valid token still identifies
 * the caller (`@CurrentUser()`), and an invalid one is ignored, so that an expired token never
 * blocks e.g. login or refresh.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: AccessTokenAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      request.user = token ? await this.optionalCaller(token) : undefined;
      return true;
    }
    if (!token) throw new UnauthenticatedError('A bearer access token is required');
    const user = await this.authenticator.authenticate(token);
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenError(`This route requires one of: ${roles.join(', ')}`);
    }
    return true;
  }

  private async optionalCaller(token: string): Promise<AuthUser | undefined> {
    try {
      return await this.authenticator.authenticate(token);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return undefined;
      throw error;
    }
  }
}
