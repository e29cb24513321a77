import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { PaymentProcessor } from '@kassa/payment-gateway';
import { GatewayConfig } from './config/gateway-config';
import { HealthController } from './health/health.controller';
import { GatewayExceptionFilter } from './http/gateway-exception.filter';
import { loggerParams } from './http/logging';
import { PaymentsController } from './payments/payments.controller';
import {
  GATEWAY_STORE,
  GatewayStore,
  GatewayStoreLifecycle,
  openGatewayStore,
} from './store/gateway-store';

/** The payment gateway app: the processor on the configured store, over HTTP. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [LoggerModule.forRoot(loggerParams(config.logLevel))],
      controllers: [PaymentsController, HealthController],
      providers: [
        { provide: GATEWAY_STORE, useFactory: () => openGatewayStore(config) },
        {
          provide: PaymentProcessor,
          inject: [GATEWAY_STORE],
          useFactory: ({ store }: GatewayStore) =>
            new PaymentProcessor(store, {
              hangMs: config.hangMs,
              refundFailures: config.refundFailures,
            }),
        },
        GatewayStoreLifecycle,
        { provide: APP_FILTER, useClass: GatewayExceptionFilter },
      ],
    };
  }
}
