import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { AuthConfig, authConfig } from '../config/auth.config';
import { UsersModule } from '../users/users.module';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthKeys } from './auth-keys';
import { MeController } from './me.controller';
import { PasswordResetService } from './password-reset.service';
import { RegistrationService } from './registration.service';
import { RefreshToken, RefreshTokenSchema } from './schemas/refresh-token.schema';
import { VerificationCode, VerificationCodeSchema } from './schemas/verification-code.schema';
import { RefreshTokenRepository } from './sessions/refresh-token.repository';
import { SessionCookieWriter } from './sessions/session-cookies';
import { SessionService } from './sessions/session.service';
import { TokenService } from './tokens/token.service';
import { VerificationCodeRepository } from './verification/verification-code.repository';
import { VerificationCodeService } from './verification/verification-code.service';

/** Registration, verification, login sessions and the caller's own account. */
@Module({
  imports: [
    AccessModule,
    UsersModule,
    MongooseModule.forFeature([
      { name: RefreshToken.name, schema: RefreshTokenSchema },
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
    RefreshTokenRepository,
    VerificationCodeRepository,
    VerificationCodeService,
    RegistrationService,
    PasswordResetService,
    SessionService,
    SessionCookieWriter,
    AccountService,
  ],
})
export class AuthModule {}
