import { MongoEmulator } from '@kassa/mongo-emulator';
import { MongoClient } from 'mongodb';
import { ServerFacts } from './requirements';

/** The database under test: `MONGODB_URI` when given, else an emulator started in-process. */
export interface Target {
  uri: string;
  label: string;
  stop(): Promise<void>;
}

export async function startTarget(configuredUri: string | undefined): Promise<Target> {
  if (configuredUri)
    return { uri: configuredUri, label: 'MONGODB_URI', stop: async () => undefined };
  const emulator = await MongoEmulator.start({});
  return { uri: emulator.uri, label: `emulator at ${emulator.uri}`, stop: () => emulator.stop() };
}

function topologyOf(hello: Record<string, unknown>): ServerFacts['topology'] {
  if (hello.msg === 'isdbgrid') return 'sharded';
  if (hello.serviceId !== undefined) return 'load-balanced';
  return hello.setName !== undefined ? 'replicaset' : 'single';
}

/** Learns version, topology and parameters of the deployment through the internal client. */
export async function discoverFacts(client: MongoClient, uri: string): Promise<ServerFacts> {
  const admin = client.db('admin');
  const buildInfo = await admin.command({ buildInfo: 1 });
  const hello = await admin.command({ hello: 1 });
  const versionArray: unknown[] = buildInfo.versionArray ?? String(buildInfo.version).split('.');
  const parameters = new Map<string, unknown>();
  const auth = /^mongodb(\+srv)?:\/\/[^/@]+@/.test(uri);
  return {
    version: versionArray.slice(0, 3).map(Number).join('.'),
    topology: topologyOf(hello),
    serverless: false,
    auth,
    authMechanisms: auth
      ? ((await admin.command({ getParameter: 1, authenticationMechanisms: 1 }))
          .authenticationMechanisms ?? [])
      : [],
    csfle: false,
    serverParameter: async (name) => {
      if (!parameters.has(name)) {
        const reply = await admin
          .command({ getParameter: 1, [name]: 1 })
          .catch(() => ({}) as Record<string, unknown>);
        parameters.set(name, reply[name]);
      }
      return parameters.get(name);
    },
  };
}
