import { parseCliOptions, USAGE } from './cli-options';
import { MongoEmulator } from './emulator';

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const emulator = await MongoEmulator.start(options);
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
