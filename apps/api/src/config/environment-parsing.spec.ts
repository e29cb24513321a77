import { IsOptional, Matches } from 'class-validator';
import { parseDurationMs, validateEnvironment } from './environment-parsing';

class SampleEnvironment {
  @IsOptional()
  @Matches(/^[a-z]+$/, { message: 'NAME must be lowercase letters' })
  NAME?: string;
}

describe(parseDurationMs.name, () => {
  it.each([
    ['900', 900_000],
    ['90s', 90_000],
    ['15m', 900_000],
    ['48h', 172_800_000],
    ['30d', 2_592_000_000],
    ['250ms', 250],
    ['0s', 0],
  ])('reads %s', (input, expected) => {
    expect(parseDurationMs(input)).toBe(expected);
  });

  it.each(['', '15 minutes', '-5m', '1.5h', 'h'])('refuses %p', (input) => {
    expect(() => parseDurationMs(input)).toThrow('Invalid duration');
  });
});

describe(validateEnvironment.name, () => {
  it('treats blank values as unset', () => {
    expect(validateEnvironment(SampleEnvironment, { NAME: '  ' }).NAME).toBeUndefined();
  });

  it('lists every problem in one message', () => {
    expect(() => validateEnvironment(SampleEnvironment, { NAME: 'UPPER' })).toThrow(
      'Invalid environment: NAME must be lowercase letters',
    );
  });
});
