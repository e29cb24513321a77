import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ListSpec, parseListQuery } from '@kassa/common';
import { AuthUser } from '../access/auth-user';

/** A resource's list whitelist, or how to pick it for the caller (admins may see more). */
export type ListSpecFor = ListSpec | ((caller: AuthUser | undefined) => ListSpec);

/**
 * The parsed list query of the request (`page`, `limit`, `sort`, `filter[...]`, `search`) against
 * the resource's whitelist: handlers receive a typed `ListQuery`, or the client a 400 naming each
 * problem. Document it with `@ApiListQuery` and the same spec.
 */
export const ListQueryParam = createParamDecorator(
  (specFor: ListSpecFor, context: ExecutionContext) => {
    const request = context
      .switchToHttp()
      .getRequest<{ query: Record<string, unknown>; user?: AuthUser }>();
    const spec = typeof specFor === 'function' ? specFor(request.user) : specFor;
    return parseListQuery(request.query ?? {}, spec);
  },
);
