export enum Role {
  Customer = 'customer',
  Support = 'support',
  Admin = 'admin',
}

export const ROLES = Object.values(Role);
