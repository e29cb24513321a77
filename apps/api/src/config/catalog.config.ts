import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { configKey } from './config-key';

const MEBIBYTE = 1024 * 1024;

/** Catalog settings read from the environment. */
export class CatalogEnvironment {
  /** ISO 4217 code of the shop's one currency, returned beside every money field. */
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'SHOP_CURRENCY must be an ISO 4217 code such as USD' })
  SHOP_CURRENCY?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(64 * MEBIBYTE)
  PRODUCT_IMAGE_MAX_BYTES?: number;

  /** How long product responses may show a brand's or category's name renamed on another instance. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  CATALOG_NAME_CACHE_SECONDS?: number;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'SEED_DEMO must be true or false' })
  SEED_DEMO?: string;
}

export const catalogConfig = configKey('catalog');

export function readCatalogConfig(env: CatalogEnvironment) {
  return {
    currency: env.SHOP_CURRENCY ?? 'USD',
    imageMaxBytes: env.PRODUCT_IMAGE_MAX_BYTES ?? 5 * MEBIBYTE,
    nameCacheMs: (env.CATALOG_NAME_CACHE_SECONDS ?? 5) * 1000,
    seedDemo: env.SEED_DEMO === 'true',
  };
}

export type CatalogConfig = ReturnType<typeof readCatalogConfig>;
