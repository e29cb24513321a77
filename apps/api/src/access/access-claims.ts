import { Role, ROLES } from './role';

/** The payload of an access token. */
export interface AccessClaims {
  sub: string;
  role: Role;
  /** Token id. */
  jti: string;
  /** The session (refresh-token family) the token belongs to; revoking it ends the token. */
  fid: string;
  iat: number;
  exp: number;
}

export function isAccessClaims(payload: unknown): payload is AccessClaims {
  const claims = payload as Partial<AccessClaims> | null;
  return (
    typeof claims === 'object' &&
    claims !== null &&
    typeof claims.sub === 'string' &&
    typeof claims.jti === 'string' &&
    typeof claims.fid === 'string' &&
    typeof claims.exp === 'number' &&
    typeof claims.iat === 'number' &&
    ROLES.includes(claims.role as Role)
  );
}
