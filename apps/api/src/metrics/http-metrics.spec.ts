import { errorCodeOf } from './http-metrics';

describe(errorCodeOf.name, () => {
  it('reads the catalogued code of an error body in the shared shape', () => {
    const body = JSON.stringify({ error: { code: 'NOT_FOUND', message: 'x', requestId: 'r' } });
    expect(errorCodeOf(body)).toBe('NOT_FOUND');
  });

  it('says UNKNOWN for anything else, so codes cannot multiply the series', () => {
    expect(errorCodeOf(JSON.stringify({ error: { code: 'MADE_UP_BY_SOMEONE' } }))).toBe('UNKNOWN');
    expect(errorCodeOf('{"error": not json')).toBe('UNKNOWN');
    expect(errorCodeOf('{"message":"Service Unavailable"}')).toBe('UNKNOWN');
    expect(errorCodeOf(Buffer.from('{"error":{"code":"NOT_FOUND"}}'))).toBe('UNKNOWN');
    expect(errorCodeOf(undefined)).toBe('UNKNOWN');
  });
});
