import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { ConfigType, registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { DURATION, parseDurationMs, validateEnvironment } from './environment-parsing';

const DURATION_MESSAGE = '$property must be a duration such as 90s, 15m, 48h or 30d';

/** Accounts, tokens and verification settings read from the environment. */
class AuthEnvironment {
  @IsOptional()
  @IsString()
  @MinLength(16)
  JWT_SECRET?: string;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  JWT_ACCESS_TTL?: string;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  REFRESH_TOKEN_TTL?: string;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  VERIFICATION_CODE_TTL?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  VERIFICATION_CODE_MAX_ATTEMPTS?: number;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  VERIFICATION_RESEND_COOLDOWN?: string;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  UNVERIFIED_USER_TTL?: string;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  UNVERIFIED_PURGE_INTERVAL?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(20)
  PASSWORD_SCRYPT_LOG_N?: number;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{3,32}$/, { message: 'ADMIN_USERNAME must be 3-32 of [A-Za-z0-9_.-]' })
  ADMIN_USERNAME?: string;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  ADMIN_PASSWORD?: string;
}

export interface AdminSeed {
  username: string;
  email: string;
  password: string;
}

/** One random development secret per process, however often the config is loaded. */
let processSecret: string | undefined;

/** Production refuses to start without a strong JWT_SECRET (core-environment). */
function jwtSecret(env: AuthEnvironment): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  if (!processSecret) {
    new Logger('AuthConfig').warn(
      'JWT_SECRET is not set: using a random secret, tokens die with this process',
    );
    processSecret = randomBytes(32).toString('base64url');
  }
  return processSecret;
}

function adminSeed(env: AuthEnvironment): AdminSeed | undefined {
  const { ADMIN_USERNAME: username, ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = env;
  if (!username && !email && !password) return undefined;
  if (!username || !email || !password) {
    throw new Error(
      'Invalid environment: set ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD together',
    );
  }
  return { username, email, password };
}

export const authConfig = registerAs('auth', () => {
  const env = validateEnvironment(AuthEnvironment, process.env);
  return {
    jwtSecret: jwtSecret(env),
    accessTokenTtlMs: parseDurationMs(env.JWT_ACCESS_TTL ?? '15m'),
    refreshTokenTtlMs: parseDurationMs(env.REFRESH_TOKEN_TTL ?? '30d'),
    verificationCodeTtlMs: parseDurationMs(env.VERIFICATION_CODE_TTL ?? '15m'),
    verificationMaxAttempts: env.VERIFICATION_CODE_MAX_ATTEMPTS ?? 5,
    verificationResendCooldownMs: parseDurationMs(env.VERIFICATION_RESEND_COOLDOWN ?? '60s'),
    unverifiedUserTtlMs: parseDurationMs(env.UNVERIFIED_USER_TTL ?? '48h'),
    unverifiedPurgeIntervalMs: parseDurationMs(env.UNVERIFIED_PURGE_INTERVAL ?? '10m'),
    passwordScryptLogN: env.PASSWORD_SCRYPT_LOG_N ?? 15,
    admin: adminSeed(env),
  };
});

export type AuthConfig = ConfigType<typeof authConfig>;
