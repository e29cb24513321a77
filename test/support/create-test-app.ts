import { Type } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Connection, ConnectionStates } from 'mongoose';
import request from 'supertest';
import { MONGO_TARGET, MongoTarget } from '@kassa/database';
import { createApp } from '../../apps/api/src/bootstrap/create-app';
import { applyEnvironment, testEnvironment } from './test-environment';

export interface TestAppOptions {
  /** Variables merged over the test defaults (e.g. `{ RATE_LIMIT_PER_MINUTE: '3' }`). */
  env?: Record<string, string>;
  /** Extra modules booted beside `AppModule` (test-only routes). */
  imports?: Type[];
}

export interface TestApp {
  app: NestFastifyApplication;
  /** supertest bound to the listening server: `http.get('/health').expect(200)`. */
  http: ReturnType<typeof request>;
  /** The app's Mongoose connection, to check what was stored. */
  connection: Connection;
  /** Requests being served right now, and the most at once since the last `reset()`. */
  concurrency: RequestConcurrency;
  close(): Promise<void>;
}

/**
 * Boots the real `AppModule` exactly as `main.ts` does (same `createApp()`/`configureApp()`),
 * listening on an ephemeral loopback port, with a database of its own. The environment is set
 * only while the app is built, then restored.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const restoreEnvironment = applyEnvironment({ ...testEnvironment(), ...options.env });
  let app: NestFastifyApplication;
  try {
    app = await createApp({ imports: options.imports });
  } finally {
    restoreEnvironment();
  }
  const concurrency = trackConcurrency(app);
  await app.listen(0, '127.0.0.1');
  const connection = app.get<Connection>(getConnectionToken());
  const target = app.get<MongoTarget>(MONGO_TARGET);
  return {
    app,
    http: request(app.getHttpServer()),
    connection,
    concurrency,
    close: async () => {
      if (!target.embedded && connection.readyState === ConnectionStates.connected) {
        await connection.dropDatabase();
      }
      await app.close();
    },
  };
}

export interface RequestConcurrency {
  inFlight: number;
  peak: number;
  reset(): void;
}

/**
 * Counts the requests the server is handling at once, so a race spec can prove that its
 * requests really overlapped on the server rather than trusting that `Promise.all` made them so.
 */
function trackConcurrency(app: NestFastifyApplication): RequestConcurrency {
  const state: RequestConcurrency = {
    inFlight: 0,
    peak: 0,
    reset() {
      state.peak = state.inFlight;
    },
  };
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async () => {
    state.inFlight += 1;
    state.peak = Math.max(state.peak, state.inFlight);
  });
  fastify.addHook('onResponse', async () => {
    state.inFlight -= 1;
  });
  return state;
}
