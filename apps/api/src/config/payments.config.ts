import { IsIn, IsOptional, Matches } from 'class-validator';
import { configKey } from './config-key';
import { DURATION, DURATION_MESSAGE, parseDurationMs } from './environment-parsing';

export const PAYMENT_GATEWAY_KINDS = ['mock', 'http'] as const;

/** How the API reaches the card processor, and how it settles payments left in doubt. */
export class PaymentsEnvironment {
  /** `mock`: the deterministic processor in this process; `http`: the gateway app's API. */
  @IsOptional()
  @IsIn(PAYMENT_GATEWAY_KINDS)
  PAYMENT_GATEWAY?: (typeof PAYMENT_GATEWAY_KINDS)[number];

  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'PAYMENT_GATEWAY_URL must be an http(s) URL' })
  PAYMENT_GATEWAY_URL?: string;

  /** How long one call to the gateway may take before it counts as timed out. */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  PAYMENT_GATEWAY_TIMEOUT?: string;

  /** Calls per operation, the first included, before a payment is left in doubt. */
  @IsOptional()
  @Matches(/^[1-9]$/, { message: 'PAYMENT_GATEWAY_ATTEMPTS must be 1-9' })
  PAYMENT_GATEWAY_ATTEMPTS?: string;

  /** The mock processor's hang for its hanging test card (longer than the timeout). */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  PAYMENT_GATEWAY_HANG?: string;

  /** How often the reconciler asks the gateway about payments in doubt (0 switches it off). */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  PAYMENT_RECONCILE_INTERVAL?: string;
}

export const paymentsConfig = configKey('payments');

export function paymentsProblems(env: PaymentsEnvironment): string[] {
  return env.PAYMENT_GATEWAY === 'http' && !env.PAYMENT_GATEWAY_URL
    ? ['PAYMENT_GATEWAY_URL is required when PAYMENT_GATEWAY=http']
    : [];
}

export function readPaymentsConfig(env: PaymentsEnvironment) {
  return {
    gateway: env.PAYMENT_GATEWAY ?? 'mock',
    gatewayUrl: env.PAYMENT_GATEWAY_URL,
    timeoutMs: parseDurationMs(env.PAYMENT_GATEWAY_TIMEOUT ?? '5s'),
    attempts: Number(env.PAYMENT_GATEWAY_ATTEMPTS ?? 3),
    mockHangMs: parseDurationMs(env.PAYMENT_GATEWAY_HANG ?? '30s'),
    reconcileIntervalMs: parseDurationMs(env.PAYMENT_RECONCILE_INTERVAL ?? '1m'),
  };
}

export type PaymentsConfig = ReturnType<typeof readPaymentsConfig>;
