import { ServerFacts, skipReason } from './requirements';
import { compareVersions } from './versions';

const replicaSet70: ServerFacts = {
  version: '7.0.14',
  topology: 'replicaset',
  serverless: false,
  auth: false,
  authMechanisms: [],
  csfle: false,
  serverParameter: async (name) => (name === 'ttlMonitorSleepSecs' ? 60 : undefined),
};

describe('requirements', () => {
  it('compares versions component by component', () => {
    expect(compareVersions('4.0.10', '4.0.9')).toBe(1);
    expect(compareVersions('3.6', '4.0.10')).toBe(-1);
    expect(compareVersions('7.0', '7.0.0')).toBe(0);
    expect(compareVersions('4.9.0-alpha4-271-g7d5cf02', '4.9')).toBe(0);
  });

  it('runs when there are no requirements', async () => {
    expect(await skipReason(undefined, replicaSet70)).toBeUndefined();
    expect(await skipReason([], replicaSet70)).toBeUndefined();
  });

  it('runs when any one requirement is met', async () => {
    const requirements = [
      { minServerVersion: '4.0', topologies: ['replicaset'] },
      { minServerVersion: '4.1.8', topologies: ['sharded', 'load-balanced'] },
    ];
    expect(await skipReason(requirements, replicaSet70)).toBeUndefined();
  });

  it('explains a version bound that is not met', async () => {
    expect(await skipReason([{ minServerVersion: '8.0' }], replicaSet70)).toBe(
      'requires server >= 8.0 (server is 7.0.14)',
    );
    expect(await skipReason([{ maxServerVersion: '4.4.99' }], replicaSet70)).toBe(
      'requires server <= 4.4.99 (server is 7.0.14)',
    );
  });

  it('explains a topology that is not met', async () => {
    expect(await skipReason([{ topologies: ['sharded'] }], replicaSet70)).toMatch(
      /requires topology sharded \(server is replicaset\)/,
    );
    expect(
      await skipReason([{ topologies: ['single', 'replicaset'] }], replicaSet70),
    ).toBeUndefined();
  });

  it('honours serverless, auth and csfle', async () => {
    expect(
      await skipReason([{ serverless: 'forbid', auth: false, csfle: false }], replicaSet70),
    ).toBeUndefined();
    expect(await skipReason([{ serverless: 'require' }], replicaSet70)).toMatch(/Serverless/);
    expect(await skipReason([{ auth: true }], replicaSet70)).toMatch(/authentication/);
    expect(await skipReason([{ csfle: true }], replicaSet70)).toMatch(/encryption/);
  });

  it('compares server parameters numerically and skips an unknown one', async () => {
    expect(
      await skipReason([{ serverParameters: { ttlMonitorSleepSecs: 60.0 } }], replicaSet70),
    ).toBeUndefined();
    expect(
      await skipReason([{ serverParameters: { ttlMonitorSleepSecs: 1 } }], replicaSet70),
    ).toMatch(/ttlMonitorSleepSecs=1/);
    expect(
      await skipReason([{ serverParameters: { unknownParameter: true } }], replicaSet70),
    ).toMatch(/unknownParameter/);
  });

  it('joins the reasons of every alternative', async () => {
    const reason = await skipReason(
      [{ minServerVersion: '8.0' }, { topologies: ['sharded'] }],
      replicaSet70,
    );
    expect(reason).toBe(
      'requires server >= 8.0 (server is 7.0.14); or requires topology sharded (server is replicaset)',
    );
  });
});
