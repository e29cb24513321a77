import { existsSync } from 'node:fs';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  validateSync,
} from 'class-validator';
import { DEFAULT_HANG_MS, DEFAULT_REFUND_FAILURES } from '@kassa/payment-gateway';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const DEFAULT_PORT = 4000;
const DEFAULT_DB_NAME = 'kassa_gateway';

/** The variables the gateway reads; blank values count as unset. */
class GatewayEnvironment {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  GATEWAY_PORT?: number;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  GATEWAY_HOST?: string;

  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'GATEWAY_MONGODB_URI must be a mongodb:// URI' })
  GATEWAY_MONGODB_URI?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,63}$/, {
    message: 'GATEWAY_MONGODB_DB_NAME must be 1-63 of [A-Za-z0-9_-]',
  })
  GATEWAY_MONGODB_DB_NAME?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  GATEWAY_HANG_MS?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  GATEWAY_REFUND_FAILURES?: number;

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL?: LogLevel;
}

/** The gateway's settings, validated once at start-up. */
export interface GatewayConfig {
  port: number;
  host: string;
  /** Unset: payments and keys live in memory. */
  mongodbUri?: string;
  mongodbDbName: string;
  hangMs: number;
  refundFailures: number;
  logLevel: LogLevel;
}

/**
 * Reads and validates the gateway's variables, failing with one message that lists every
 * problem, so a misconfigured gateway never starts.
 */
export function readGatewayConfig(
  source: Record<string, string | undefined> = process.env,
): GatewayConfig {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const env = plainToInstance(GatewayEnvironment, present);
  const errors = validateSync(env);
  if (errors.length > 0) {
    const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return {
    port: env.GATEWAY_PORT ?? DEFAULT_PORT,
    host: env.GATEWAY_HOST ?? '0.0.0.0',
    mongodbUri: env.GATEWAY_MONGODB_URI,
    mongodbDbName: env.GATEWAY_MONGODB_DB_NAME ?? DEFAULT_DB_NAME,
    hangMs: env.GATEWAY_HANG_MS ?? DEFAULT_HANG_MS,
    refundFailures: env.GATEWAY_REFUND_FAILURES ?? DEFAULT_REFUND_FAILURES,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

/** Loads `.env` from the working directory when there is one; variables already set win. */
export function loadEnvFile(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
