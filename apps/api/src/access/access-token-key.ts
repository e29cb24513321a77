import { createSecretKey, KeyObject } from 'node:crypto';
import { JwtModuleOptions } from '@nestjs/jwt';
import { Algorithm } from 'jsonwebtoken';

/** Access tokens are HS256 JWTs; no other algorithm is ever accepted. */
export const ACCESS_TOKEN_ALGORITHMS: Algorithm[] = ['HS256'];

/**
 * The HS256 key of access tokens, made once as a `KeyObject`: given a string secret,
 * jsonwebtoken builds a key object on every sign and verify, which costs several times the HMAC.
 */
export function accessTokenKey(jwtSecret: string): KeyObject {
  return createSecretKey(Buffer.from(jwtSecret));
}

/** How access tokens are signed and verified, for `JwtModule` and `new JwtService(...)`. */
export function accessTokenJwtOptions(jwtSecret: string): JwtModuleOptions {
  return {
    secret: accessTokenKey(jwtSecret),
    signOptions: { algorithm: ACCESS_TOKEN_ALGORITHMS[0] },
    verifyOptions: { algorithms: ACCESS_TOKEN_ALGORITHMS },
  };
}
