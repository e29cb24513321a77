import { parseCliOptions, USAGE } from './cli-options';

describe(parseCliOptions.name, () => {
  it('has defaults', () => {
    expect(parseCliOptions([])).toEqual({ port: 27018, host: '127.0.0.1', replicaSetName: 'rs0' });
  });

  it('reads every option', () => {
    expect(parseCliOptions(['--port', '0', '--host', '0.0.0.0', '--replSet', 'kassa'])).toEqual({
      port: 0,
      host: '0.0.0.0',
      replicaSetName: 'kassa',
    });
  });

  it('answers help for --help and -h', () => {
    expect(parseCliOptions(['--help'])).toBe('help');
    expect(parseCliOptions(['--port', '1', '-h'])).toBe('help');
    expect(USAGE).toContain('--port N');
  });

  it.each([
    [['--prot', '1'], 'Unknown option --prot'],
    [['27018'], 'Unknown option 27018'],
    [['--port'], '--port needs a value'],
    [['--port', 'many'], '--port must be a TCP port number'],
    [['--port', '70000'], '--port must be a TCP port number'],
  ])('refuses %p', (argv, message) => {
    expect(() => parseCliOptions(argv)).toThrow(message);
  });
});
