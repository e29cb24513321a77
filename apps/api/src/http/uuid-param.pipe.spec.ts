import { ValidationError } from '@kassa/common';
import { UuidParamPipe } from './uuid-param.pipe';

describe(UuidParamPipe.name, () => {
  const pipe = new UuidParamPipe();

  it('returns a UUID in lowercase', () => {
    expect(
      pipe.transform('87B045FC-2CA9-5A2F-996E-DC602DA71FB8', { type: 'param', data: 'id' }),
    ).toBe('87b045fc-2ca9-5a2f-996e-dc602da71fb8');
  });

  it.each(['123', 'not-a-uuid', '87b045fc2ca95a2f996edc602da71fb8', ''])(
    'refuses %p naming the parameter',
    (value) => {
      expect(() => pipe.transform(value, { type: 'param', data: 'imageId' })).toThrow(
        expect.objectContaining({
          constructor: ValidationError,
          details: [expect.objectContaining({ field: 'imageId' })],
        }),
      );
    },
  );
});
