export interface CliOptions {
  port: number;
  host: string;
  replicaSetName: string;
}

export const USAGE = `Usage: npm run emulator -- [--port N] [--host ADDRESS] [--replSet NAME]

An in-memory MongoDB 7.0-compatible server (one-node replica set) for development and tests.
Data is lost when it stops.

  --port N          TCP port to listen on (default 27018; 0 picks a free one)
  --host ADDRESS    address to bind (default 127.0.0.1)
  --replSet NAME    replica set name it reports (default rs0)
  --help            print this text`;

/** The command line's options, `'help'` for `--help`; anything unknown is an error. */
export function parseCliOptions(argv: string[]): CliOptions | 'help' {
  const options: CliOptions = { port: 27018, host: '127.0.0.1', replicaSetName: 'rs0' };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    if (flag === '--help' || flag === '-h') return 'help';
    const value = argv[index + 1];
    if (!['--port', '--host', '--replSet'].includes(flag)) {
      throw new Error(`Unknown option ${flag} (see --help)`);
    }
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    if (flag === '--port') options.port = Number(value);
    else if (flag === '--host') options.host = value;
    else options.replicaSetName = value;
    index += 1;
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port must be a TCP port number');
  }
  return options;
}
