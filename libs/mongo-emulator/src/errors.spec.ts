import { MongoCommandError, toCommandError, type EmulatorLogger } from './errors';

function capturingLogger(): EmulatorLogger & { entries: Array<[string, unknown]> } {
  const entries: Array<[string, unknown]> = [];
  return { entries, error: (message, error) => void entries.push([message, error]) };
}

describe(toCommandError.name, () => {
  it('answers an unexpected exception as InternalError and logs it with its stack', () => {
    const logger = capturingLogger();
    const fault = new TypeError("Cannot read properties of undefined (reading 'x')");

    const reply = toCommandError(fault, logger).toReply();

    expect(reply).toMatchObject({
      ok: 0,
      code: 1,
      codeName: 'InternalError',
      errmsg: fault.message,
    });
    expect(logger.entries).toHaveLength(1);
    expect((logger.entries[0][1] as Error).stack).toContain('TypeError');
  });

  it('passes a deliberate command error through without logging it', () => {
    const logger = capturingLogger();
    const refusal = new MongoCommandError('BadValue', 'unknown operator: $foo');

    expect(toCommandError(refusal, logger)).toBe(refusal);
    expect(logger.entries).toEqual([]);
  });

  it('names unnamed codes as MongoDB does', () => {
    expect(new MongoCommandError('UnknownField', 'x').toReply()).toMatchObject({
      code: 40415,
      codeName: 'Location40415',
    });
    expect(new MongoCommandError(91, 'x').codeName).toBe('ShutdownInProgress');
  });
});
