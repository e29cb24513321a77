import { IsIn, IsOptional, Matches } from 'class-validator';
import { configKey } from './config-key';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When customers may return what they bought, and whether an admin must approve it. */
export class ReturnsEnvironment {
  /** Days after payment an order takes return requests (0: none). */
  @IsOptional()
  @Matches(/^\d{1,3}$/, { message: 'RETURN_WINDOW_DAYS must be a whole number of days, 0-999' })
  RETURN_WINDOW_DAYS?: string;

  /** `true`: a return is approved and refunded as soon as it is asked. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'RETURNS_AUTO_APPROVE must be true or false' })
  RETURNS_AUTO_APPROVE?: string;
}

export const returnsConfig = configKey('returns');

export function readReturnsConfig(env: ReturnsEnvironment) {
  return {
    windowMs: Number(env.RETURN_WINDOW_DAYS ?? 14) * DAY_MS,
    autoApprove: env.RETURNS_AUTO_APPROVE === 'true',
  };
}

export type ReturnsConfig = ReturnType<typeof readReturnsConfig>;
