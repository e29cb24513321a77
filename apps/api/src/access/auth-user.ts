import { Role } from './role';

/** The caller behind a verified access token, as guards and handlers see it. */
export interface AuthUser {
  id: string;
  /** The role stored with the caller's session (a role change ends every session). */
  role: Role;
  /** The access token's id. */
  jti: string;
  /** The session (refresh-token family) the access token was issued from. */
  fid: string;
  /** Expiry of the access token, seconds since the epoch. */
  exp: number;
}
