import { randomBytes } from 'node:crypto';
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
  Validate,
} from 'class-validator';
import { configKey } from './config-key';
import { DURATION, DURATION_MESSAGE, parseDurationMs } from './environment-parsing';
import { MinBytes } from './min-bytes.validator';

/** Access tokens are HMAC-signed with this secret: shorter ones can be brute-forced offline. */
export const MIN_JWT_SECRET_BYTES = 32;

/** Accounts, tokens and verification settings read from the environment. */
export class AuthEnvironment {
  @IsOptional()
  @IsString()
  @Validate(MinBytes, [MIN_JWT_SECRET_BYTES])
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

/** Outside production, a missing JWT_SECRET means a random one: tokens die with the process. */
export const RANDOM_JWT_SECRET_WARNING =
  'JWT_SECRET is not set: using a random secret, tokens die with this process';

function adminSeed(env: AuthEnvironment): AdminSeed | undefined {
  const { ADMIN_USERNAME: username, ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = env;
  return username && email && password ? { username, email, password } : undefined;
}

/** Rules across variables: the admin seed is all or nothing; production needs a real secret. */
export function authProblems(env: AuthEnvironment, production: boolean): string[] {
  const problems: string[] = [];
  const adminVariables = [env.ADMIN_USERNAME, env.ADMIN_EMAIL, env.ADMIN_PASSWORD];
  if (adminVariables.some(Boolean) && !adminVariables.every(Boolean)) {
    problems.push('set ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD together');
  }
  if (production && !env.JWT_SECRET) {
    problems.push(
      `JWT_SECRET is required when NODE_ENV=production (at least ${MIN_JWT_SECRET_BYTES} bytes)`,
    );
  }
  return problems;
}

export const authConfig = configKey('auth');

export function readAuthConfig(env: AuthEnvironment) {
  return {
    jwtSecret: env.JWT_SECRET ?? randomBytes(MIN_JWT_SECRET_BYTES).toString('base64url'),
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
}

export type AuthConfig = ReturnType<typeof readAuthConfig>;
