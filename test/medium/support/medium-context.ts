import { DynamicModule, Type } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { ScheduleModule } from '@nestjs/schedule';
import { Test, TestingModule } from '@nestjs/testing';
import { Connection } from 'mongoose';
import { DatabaseModule, MONGO_TARGET, MongoTarget } from '@kassa/database';
import { loadConfiguration } from '../../../apps/api/src/config/configuration';
import { ConfigurationModule } from '../../../apps/api/src/config/configuration.module';
import { LifecycleModule } from '../../../apps/api/src/lifecycle/lifecycle.module';
import { MetricsModule } from '../../../apps/api/src/metrics/metrics.module';
import { Factory } from '../../factories/records.factory';
import { testEnvironment } from '../../support/test-environment';

/** Real repositories and services on a real database (the emulator or `MONGODB_URI`), no HTTP. */
export interface MediumContext {
  get<T>(type: Type<T>): T;
  connection: Connection;
  /** Whether the database is the in-process emulator (no `MONGODB_URI`). */
  embedded: boolean;
  factory: Factory;
  close(): Promise<void>;
}

/**
 * Boots only the given feature modules with the configuration, the database, metrics and
 * scheduled jobs, as the API wires them, in a database of their own.
 */
export async function createMediumContext(
  imports: (Type | DynamicModule)[],
): Promise<MediumContext> {
  const configuration = loadConfiguration({ ...process.env, ...testEnvironment() });
  const moduleRef: TestingModule = await Test.createTestingModule({
    imports: [
      ConfigurationModule.forRoot(configuration),
      DatabaseModule.forRoot(configuration.database),
      ScheduleModule.forRoot(),
      MetricsModule,
      LifecycleModule,
      ...imports,
    ],
  })
    .setLogger({ log() {}, error() {}, warn() {} })
    .compile();
  await moduleRef.init();
  const connection = moduleRef.get<Connection>(getConnectionToken());
  const target = moduleRef.get<MongoTarget>(MONGO_TARGET);
  return {
    get: (type) => moduleRef.get(type, { strict: false }),
    connection,
    embedded: target.embedded,
    factory: new Factory(connection),
    close: async () => {
      if (!target.embedded) await connection.dropDatabase();
      await moduleRef.close();
    },
  };
}

/** Registers the hooks of a medium spec: one context for the file, closed after it. */
export function useMediumContext(imports: (Type | DynamicModule)[]): MediumContext {
  const holder = {} as { context: MediumContext };
  beforeAll(async () => {
    holder.context = await createMediumContext(imports);
  });
  afterAll(async () => {
    await holder.context?.close();
  });
  return {
    get: (type) => holder.context.get(type),
    get connection() {
      return holder.context.connection;
    },
    get embedded() {
      return holder.context.embedded;
    },
    get factory() {
      return holder.context.factory;
    },
    close: () => holder.context.close(),
  };
}

/**
 * Runs `count` calls at once and reports how many were in flight together at the peak, so a
 * race spec can prove that its calls really overlapped.
 */
export async function overlapping<T>(
  count: number,
  call: (index: number) => Promise<T>,
): Promise<{ results: PromiseSettledResult<T>[]; peak: number }> {
  let inFlight = 0;
  let peak = 0;
  const results = await Promise.allSettled(
    Array.from({ length: count }, async (_, index) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      try {
        return await call(index);
      } finally {
        inFlight -= 1;
      }
    }),
  );
  return { results, peak };
}
