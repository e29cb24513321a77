import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ForbiddenError, UnauthenticatedError } from '@kassa/common';
import { INVALID_TOKEN } from './access-token.verifier';
import { AuthUser } from './auth-user';
import { JWT_STRATEGY } from './jwt.strategy';
import { IS_PUBLIC } from './public.decorator';
import { Role } from './role';
import { REQUIRED_ROLES } from './roles';

interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthUser;
}

/**
 * The global guard, deny by default: every HTTP route needs a valid access token of a live
 * session unless `@Public()`, then one of its required roles if it names any. On a public route a
 * valid token still identifies the caller, and an invalid one is ignored, so that an expired token
 * never blocks e.g. login or refresh.
 */
@Injectable()
export class AccessGuard extends AuthGuard(JWT_STRATEGY) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      await this.identifyIfPossible(context);
      return true;
    }
    await super.canActivate(context);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    const { user } = context.switchToHttp().getRequest<GuardedRequest>();
    if (roles && user && !roles.includes(user.role)) {
      throw new ForbiddenError(`This route requires one of: ${roles.join(', ')}`);
    }
    return true;
  }

  handleRequest<User = AuthUser>(error: unknown, user: User | false, info: unknown): User {
    if (error) throw error;
    if (!user) {
      throw new UnauthenticatedError(
        info instanceof Error && info.message === 'No auth token'
          ? 'A bearer access token is required'
          : INVALID_TOKEN,
      );
    }
    return user;
  }

  private async identifyIfPossible(context: ExecutionContext): Promise<void> {
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    if (!request.headers.authorization) return;
    try {
      await super.canActivate(context);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      request.user = undefined;
    }
  }
}
