import { readGatewayConfig } from './gateway-config';

describe(readGatewayConfig.name, () => {
  it('defaults to port 4000, the memory store, a 30 s hang and 3 failing refund attempts', () => {
    expect(readGatewayConfig({ PORT: '3000', GATEWAY_MONGODB_URI: '  ' })).toEqual({
      port: 4000,
      host: '0.0.0.0',
      mongodbUri: undefined,
      mongodbDbName: 'kassa_gateway',
      hangMs: 30_000,
      refundFailures: 3,
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    expect(
      readGatewayConfig({
        GATEWAY_PORT: '4100',
        GATEWAY_HOST: '127.0.0.1',
        GATEWAY_MONGODB_URI: 'mongodb://mongo:27017/?replicaSet=rs0',
        GATEWAY_MONGODB_DB_NAME: 'gateway',
        GATEWAY_HANG_MS: '2500',
        GATEWAY_REFUND_FAILURES: '0',
        LOG_LEVEL: 'warn',
      }),
    ).toEqual({
      port: 4100,
      host: '127.0.0.1',
      mongodbUri: 'mongodb://mongo:27017/?replicaSet=rs0',
      mongodbDbName: 'gateway',
      hangMs: 2500,
      refundFailures: 0,
      logLevel: 'warn',
    });
  });

  it('names every bad variable in one message', () => {
    expect(() =>
      readGatewayConfig({ GATEWAY_PORT: 'http', GATEWAY_HANG_MS: '-1', GATEWAY_MONGODB_URI: 'x' }),
    ).toThrow(/GATEWAY_PORT.*GATEWAY_MONGODB_URI.*GATEWAY_HANG_MS/);
  });
});
