import { PinningRequest, readBenchSettings, resolvePinning } from './bench-config';

describe(readBenchSettings.name, () => {
  it('has defaults for an empty environment', () => {
    expect(readBenchSettings({})).toEqual({
      products: 10_000,
      orders: 10_000,
      durationSeconds: 10,
      warmupSeconds: 3,
      connections: 50,
      caseNames: [],
      embedded: false,
      build: true,
      cpuProfile: false,
      pinning: { wanted: undefined, serverCpu: 0, loadCpu: 1, emulatorCpu: 0 },
    });
  });

  it('reads every variable', () => {
    const settings = readBenchSettings({
      BENCH_PRODUCTS: '1_000',
      BENCH_ORDERS: '0',
      BENCH_DURATION: '5',
      BENCH_WARMUP: '0',
      BENCH_CONNECTIONS: '10',
      BENCH_CASES: ' health, me ,',
      BENCH_EMBEDDED: 'true',
      BENCH_BUILD: 'false',
      BENCH_CPU_PROFILE: 'true',
      BENCH_PIN: 'true',
      BENCH_SERVER_CPU: '2',
      BENCH_LOAD_CPU: '3',
    });
    expect(settings).toEqual({
      products: 1_000,
      orders: 0,
      durationSeconds: 5,
      warmupSeconds: 0,
      connections: 10,
      caseNames: ['health', 'me'],
      embedded: true,
      build: false,
      cpuProfile: true,
      pinning: { wanted: true, serverCpu: 2, loadCpu: 3, emulatorCpu: 2 },
    });
  });

  it('puts the emulator on its own cpu when asked', () => {
    expect(readBenchSettings({ BENCH_EMULATOR_CPU: '1' }).pinning.emulatorCpu).toBe(1);
  });

  it('names every bad variable in one message', () => {
    expect(() =>
      readBenchSettings({
        BENCH_PRODUCTS: '-1',
        BENCH_DURATION: '0',
        BENCH_CONNECTIONS: 'many',
        BENCH_EMBEDDED: 'yes',
      }),
    ).toThrow(/BENCH_PRODUCTS.*BENCH_DURATION.*BENCH_CONNECTIONS.*BENCH_EMBEDDED/);
  });

  it('refuses fractions', () => {
    expect(() => readBenchSettings({ BENCH_DURATION: '2.5' })).toThrow(/BENCH_DURATION/);
  });
});

describe(resolvePinning.name, () => {
  const auto: PinningRequest = { serverCpu: 0, loadCpu: 1, emulatorCpu: 0 };

  it('pins where taskset exists and there are two cores', () => {
    expect(resolvePinning(auto, true, 2)).toEqual({
      enabled: true,
      serverCpu: 0,
      loadCpu: 1,
      emulatorCpu: 0,
    });
  });

  it('runs unpinned, saying why, when it cannot pin', () => {
    expect(resolvePinning(auto, false, 2)).toEqual({
      enabled: false,
      reason: 'taskset is not available',
    });
    expect(resolvePinning(auto, true, 1)).toEqual({
      enabled: false,
      reason: 'fewer than 2 cores',
    });
    expect(resolvePinning({ ...auto, loadCpu: 5 }, true, 4)).toEqual({
      enabled: false,
      reason: 'cpu 5 does not exist',
    });
  });

  it('fails when pinning was demanded but is impossible', () => {
    expect(() => resolvePinning({ ...auto, wanted: true }, false, 2)).toThrow(
      'BENCH_PIN=true, but taskset is not available',
    );
  });

  it('does not pin when told not to', () => {
    expect(resolvePinning({ ...auto, wanted: false }, true, 2)).toEqual({
      enabled: false,
      reason: 'BENCH_PIN=false',
    });
  });
});
