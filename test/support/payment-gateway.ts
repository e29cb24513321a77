import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MongoClient } from 'mongodb';
import { MongoEmulator } from '@kassa/mongo-emulator';
import {
  GatewayTransport,
  HttpGatewayTransport,
  PaymentGatewayClient,
  PaymentGatewayClientOptions,
} from '@kassa/payment-gateway';
import { createGatewayApp } from '../../apps/payment-gateway/src/bootstrap/create-gateway-app';
import { GatewayConfig } from '../../apps/payment-gateway/src/config/gateway-config';

/** The standalone gateway app listening on a free loopback port, on a MongoDB of its own. */
export interface TestGateway {
  app: NestFastifyApplication;
  baseUrl: string;
  /** Stops the app and starts a new one on the same database (a restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** On `MONGODB_URI` when set (a fresh database, dropped at the end), else on a new emulator. */
export async function startTestGateway(
  overrides: Partial<GatewayConfig> = {},
): Promise<TestGateway> {
  const emulator = process.env.MONGODB_URI ? undefined : await MongoEmulator.start();
  const config: GatewayConfig = {
    port: 0,
    host: '127.0.0.1',
    mongodbUri: process.env.MONGODB_URI ?? emulator!.uri,
    mongodbDbName: `gateway_e2e_${randomUUID().slice(0, 8)}`,
    hangMs: 30_000,
    refundFailures: 3,
    logLevel: 'silent',
    ...overrides,
  };
  const listen = async () => {
    const app = await createGatewayApp(config);
    await app.listen(config.port, config.host);
    return app;
  };
  const gateway: TestGateway = {
    app: await listen(),
    baseUrl: '',
    restart: async () => {
      await gateway.app.close();
      gateway.app = await listen();
      gateway.baseUrl = await gateway.app.getUrl();
    },
    stop: async () => {
      await gateway.app.close();
      const client = await MongoClient.connect(config.mongodbUri!);
      await client.db(config.mongodbDbName).dropDatabase();
      await client.close();
      await emulator?.stop();
    },
  };
  gateway.baseUrl = await gateway.app.getUrl();
  return gateway;
}

/** An HTTP transport on the gateway that records the idempotency key of every charge attempt. */
export function countingTransport(gateway: TestGateway): {
  transport: GatewayTransport;
  chargeKeys: string[];
} {
  const http = new HttpGatewayTransport({ baseUrl: gateway.baseUrl });
  const chargeKeys: string[] = [];
  const transport: GatewayTransport = {
    charge: (request, key, context) => {
      chargeKeys.push(key);
      return http.charge(request, key, context);
    },
    refund: (paymentId, request, key, context) => http.refund(paymentId, request, key, context),
    findPayment: (paymentId, context) => http.findPayment(paymentId, context),
    findByReference: (reference, context) => http.findByReference(reference, context),
  };
  return { transport, chargeKeys };
}

export function httpClient(
  gateway: TestGateway,
  options: PaymentGatewayClientOptions = {},
): PaymentGatewayClient {
  return new PaymentGatewayClient(new HttpGatewayTransport({ baseUrl: gateway.baseUrl }), {
    baseDelayMs: 10,
    timeoutMs: 5_000,
    seed: 1,
    ...options,
  });
}
