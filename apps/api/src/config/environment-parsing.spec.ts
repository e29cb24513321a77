import { IsOptional, Matches } from 'class-validator';
import { parseDurationMs, presentVariables, readEnvironment } from './environment-parsing';

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

describe(readEnvironment.name, () => {
  it('treats blank values as unset', () => {
    const problems: string[] = [];
    const env = readEnvironment(SampleEnvironment, presentVariables({ NAME: '  ' }), problems);
    expect(env.NAME).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('adds one line per problem', () => {
    const problems: string[] = [];
    readEnvironment(SampleEnvironment, { NAME: 'UPPER' }, problems);
    expect(problems).toEqual(['NAME must be lowercase letters']);
  });
});
