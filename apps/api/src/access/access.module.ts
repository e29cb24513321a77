import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { PassportModule } from '@nestjs/passport';
import { AuthConfig, authConfig } from '../config/auth.config';
import { accessTokenJwtOptions } from './access-token-key';
import { AccessTokenVerifier } from './access-token.verifier';
import { JwtStrategy } from './jwt.strategy';
import { SessionRegistry } from './sessions/session-registry';
import { TokenFamilyRepository } from './sessions/token-family.repository';
import { TokenFamily, TokenFamilySchema } from './sessions/token-family.schema';

/**
 * Who the caller is: the access-token key and verification, the login sessions every token
 * belongs to, and the passport strategy behind the global `AccessGuard` (registered in
 * `AppModule`). Imports no feature; features import it.
 */
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => accessTokenJwtOptions(config.jwtSecret),
    }),
    MongooseModule.forFeature([{ name: TokenFamily.name, schema: TokenFamilySchema }]),
  ],
  providers: [TokenFamilyRepository, SessionRegistry, AccessTokenVerifier, JwtStrategy],
  exports: [JwtModule, SessionRegistry, AccessTokenVerifier],
})
export class AccessModule {}
