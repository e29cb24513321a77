import { Role } from '../../users/role';

/** The payload of an access token. */
export interface AccessClaims {
  sub: string;
  role: Role;
  /** Token id, denied on logout. */
  jti: string;
  /** Refresh-token family (login session) the token came from. */
  fid: string;
  /** The user's token version at issue; a bump revokes the token. */
  ver: number;
  iat: number;
  exp: number;
}
