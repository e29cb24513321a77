import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { MemoryPaymentStore, openMongoPaymentStore, PaymentStore } from '@kassa/payment-gateway';
import { GatewayConfig } from '../config/gateway-config';

export const GATEWAY_STORE = Symbol('GATEWAY_STORE');

/** The store the processor runs on, which kind it is, and how to let go of it. */
export interface GatewayStore {
  store: PaymentStore;
  kind: 'memory' | 'mongodb';
  close(): Promise<void>;
}

/** MongoDB when `GATEWAY_MONGODB_URI` is set (indexes built before serving), else memory. */
export async function openGatewayStore(config: GatewayConfig): Promise<GatewayStore> {
  const logger = new Logger('PaymentStore');
  if (!config.mongodbUri) {
    logger.warn('GATEWAY_MONGODB_URI is not set: payments and keys live in memory only');
    return { store: new MemoryPaymentStore(), kind: 'memory', close: async () => undefined };
  }
  const opened = await openMongoPaymentStore(config.mongodbUri, config.mongodbDbName);
  logger.log(`Payments and keys in MongoDB database "${config.mongodbDbName}"`);
  return { ...opened, kind: 'mongodb' };
}

/** Closes the store's connection when the app shuts down. */
@Injectable()
export class GatewayStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(GATEWAY_STORE) private readonly gatewayStore: GatewayStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.gatewayStore.close();
  }
}
