import { resolveRequestId } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe(resolveRequestId.name, () => {
  it.each(['a', 'abc-123-XYZ', 'x'.repeat(64)])('keeps %s', (incoming) => {
    expect(resolveRequestId(incoming)).toBe(incoming);
  });

  it.each([undefined, '', 'x'.repeat(65), 'has space', 'semi;colon', 'ünï', ['a', 'b'], 42])(
    'replaces %p with a new UUID',
    (incoming) => {
      expect(resolveRequestId(incoming)).toMatch(UUID);
    },
  );
});
