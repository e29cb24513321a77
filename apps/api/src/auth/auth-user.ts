import { Role } from '../users/role';

/** The caller behind a verified access token, as guards and handlers see it. */
export interface AuthUser {
  id: string;
  role: Role;
  /** The access token's id, denied on logout until the token expires. */
  jti: string;
  /** The refresh-token family the access token was issued from. */
  fid: string;
  /** Expiry of the access token, seconds since the epoch. */
  exp: number;
}
