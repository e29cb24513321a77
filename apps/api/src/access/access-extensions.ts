/**
 * OpenAPI extensions by which every operation says who may call it, written by the access
 * decorators (`@Public()`, `@Authenticated()`, `@AdminOnly()`, `@StaffOnly()`,
 * `@CustomerOwned()`), so clients and the route × role matrix spec read it from `/docs-json`:
 * - `x-roles`: the callers admitted, `guest` (no token) included on public routes;
 * - `x-owned-by: customer`: the path's resource belongs to one customer, and other customers
 *   get 404.
 */
export const ACCESS_EXTENSIONS = { roles: 'x-roles', ownedBy: 'x-owned-by' } as const;

/** The caller without a token, as `x-roles` names it. */
export const GUEST = 'guest';
