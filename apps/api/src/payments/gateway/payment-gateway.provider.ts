import { Logger, Provider } from '@nestjs/common';
import {
  HttpGatewayTransport,
  InProcessGatewayTransport,
  MemoryPaymentStore,
  PaymentGatewayClient,
  PaymentProcessor,
} from '@kassa/payment-gateway';
import { PaymentsConfig, paymentsConfig } from '../../config/payments.config';

/** Injection token of the card gateway client (`PaymentGatewayClient`). */
export const PAYMENT_GATEWAY = Symbol('PAYMENT_GATEWAY');

/**
 * The card processor as the shop reaches it: `mock` runs the deterministic processor in this
 * process, `http` calls the gateway app at `PAYMENT_GATEWAY_URL`. Either way the same client
 * times out, retries 500s and timeouts with backoff and jitter under one idempotency key,
 * resolves a duplicate to the existing payment and answers `unknown` when it stays in doubt.
 */
export const paymentGatewayProvider: Provider = {
  provide: PAYMENT_GATEWAY,
  inject: [paymentsConfig.KEY],
  useFactory: (config: PaymentsConfig) => {
    const logger = new Logger('PaymentGateway');
    const transport =
      config.gateway === 'http'
        ? new HttpGatewayTransport({ baseUrl: config.gatewayUrl! })
        : new InProcessGatewayTransport(
            new PaymentProcessor(new MemoryPaymentStore(), { hangMs: config.mockHangMs }),
            (error) => logger.error(`The mock processor failed: ${(error as Error).message}`),
          );
    return new PaymentGatewayClient(transport, {
      timeoutMs: config.timeoutMs,
      maxAttempts: config.attempts,
    });
  },
};
