export enum Role {
  Customer = 'customer',
  Support = 'support',
  Admin = 'admin',
}

export const ROLES = Object.values(Role);

/** Support staff and admins: they may read every customer's orders, returns and payments. */
export function isStaff(role: Role): boolean {
  return role === Role.Support || role === Role.Admin;
}
