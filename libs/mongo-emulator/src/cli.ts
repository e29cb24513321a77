import { MongoEmulator } from './emulator';

function parseArgs(argv: string[]): { port: number; host: string; replicaSetName: string } {
  const options = { port: 27018, host: '127.0.0.1', replicaSetName: 'rs0' };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--port') options.port = Number(value);
    else if (argv[i] === '--host') options.host = value;
    else if (argv[i] === '--replSet') options.replicaSetName = value;
    else continue;
    i += 1;
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
    throw new Error('--port must be a TCP port number');
  return options;
}

async function main(): Promise<void> {
  const emulator = await MongoEmulator.start(parseArgs(process.argv.slice(2)));
  console.log(
    `MongoDB emulator (in-memory, for development and tests only) listening: ${emulator.uri}`,
  );
  const shutdown = () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
