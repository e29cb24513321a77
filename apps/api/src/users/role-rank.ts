import { Role } from '../access/role';

const RANK: Record<Role, number> = { [Role.Customer]: 0, [Role.Support]: 1, [Role.Admin]: 2 };

/** True when `to` grants more than `from` (customer < support < admin). */
export function isPromotion(from: Role, to: Role): boolean {
  return RANK[to] > RANK[from];
}
