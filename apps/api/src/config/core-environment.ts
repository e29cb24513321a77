import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DURATION, DURATION_MESSAGE } from './environment-parsing';

const MEBIBYTE = 1024 * 1024;

export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const ORIGIN = 'https?://[^\\s,/]+';
const PROXY_ADDRESS = '[0-9A-Fa-f:.]+(/\\d{1,3})?';

/** The variables of the app's frame: process, HTTP, database, rate limits, logging. */
export class CoreEnvironment {
  @IsOptional()
  @IsIn(NODE_ENVIRONMENTS)
  NODE_ENV?: (typeof NODE_ENVIRONMENTS)[number];

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  HOST?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL?: (typeof LOG_LEVELS)[number];

  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGODB_URI must be a mongodb:// URI' })
  MONGODB_URI?: string;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  MONGODB_TIMEOUT?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'MONGODB_DB_NAME must be 1-63 of [A-Za-z0-9_-]' })
  MONGODB_DB_NAME?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(100 * MEBIBYTE)
  BODY_LIMIT_BYTES?: number;

  @IsOptional()
  @Matches(new RegExp(`^${ORIGIN}(\\s*,\\s*${ORIGIN})*$`), {
    message: 'CORS_ORIGINS must be a comma-separated list of origins such as https://shop.example',
  })
  CORS_ORIGINS?: string;

  @IsOptional()
  @Matches(new RegExp(`^(true|false|\\d{1,2}|${PROXY_ADDRESS}(\\s*,\\s*${PROXY_ADDRESS})*)$`), {
    message: 'TRUST_PROXY must be true, false, a hop count or a comma-separated list of addresses',
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_PER_MINUTE?: number;

  /** Hits of one limit an instance may count before they are in MongoDB (0: every hit waits). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  RATE_LIMIT_SYNC_HITS?: number;

  /** How often an instance sends its counted hits to MongoDB and reads the shared counts. */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  RATE_LIMIT_SYNC_INTERVAL?: string;
}
