import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { appConfig } from '../config/app.config';
import { AuthConfig, authConfig } from '../config/auth.config';
import { UsersModule } from '../users/users.module';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { accessTokenKey, AuthKeys } from './auth-keys';
import { AccessTokenAuthenticator } from './guards/access-token.authenticator';
import { MeController } from './me.controller';
import { RegistrationService } from './registration.service';
import { DeniedAccessToken, DeniedAccessTokenSchema } from './schemas/denied-access-token.schema';
import { RefreshToken, RefreshTokenSchema } from './schemas/refresh-token.schema';
import { TokenFamily, TokenFamilySchema } from './schemas/token-family.schema';
import { VerificationCode, VerificationCodeSchema } from './schemas/verification-code.schema';
import { DeniedAccessTokenRepository } from './sessions/denied-access-token.repository';
import { RefreshTokenRepository } from './sessions/refresh-token.repository';
import { SessionCookieWriter } from './sessions/session-cookies';
import { SessionService } from './sessions/session.service';
import { TokenFamilyRepository } from './sessions/token-family.repository';
import { TokenService } from './tokens/token.service';
import { VerificationCodeRepository } from './verification/verification-code.repository';
import { VerificationCodeService } from './verification/verification-code.service';

/**
 * Registration, verification, sessions and the caller's account. Exports the
 * {@link AccessTokenAuthenticator} behind the global `AccessGuard` (registered in `AppModule`
 * after the rate-limit guard) and behind WebSocket handshakes.
 */
@Module({
  imports: [
    UsersModule,
    ConfigModule.forFeature(authConfig),
    ConfigModule.forFeature(appConfig),
    JwtModule.registerAsync({
      imports: [ConfigModule.forFeature(authConfig)],
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => ({
        secret: accessTokenKey(config.jwtSecret),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    MongooseModule.forFeature([
      { name: TokenFamily.name, schema: TokenFamilySchema },
      { name: RefreshToken.name, schema: RefreshTokenSchema },
      { name: DeniedAccessToken.name, schema: DeniedAccessTokenSchema },
      { name: VerificationCode.name, schema: VerificationCodeSchema },
    ]),
  ],
  controllers: [AuthController, MeController],
  providers: [
    {
      provide: AuthKeys,
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => new AuthKeys(config.jwtSecret),
    },
    TokenService,
    TokenFamilyRepository,
    RefreshTokenRepository,
    DeniedAccessTokenRepository,
    VerificationCodeRepository,
    VerificationCodeService,
    RegistrationService,
    SessionService,
    SessionCookieWriter,
    AccountService,
    AccessTokenAuthenticator,
  ],
  exports: [AccessTokenAuthenticator],
})
export class AuthModule {}
