export enum UserStatus {
  Unverified = 'unverified',
  Active = 'active',
  Deactivated = 'deactivated',
}

export const USER_STATUSES = Object.values(UserStatus);
