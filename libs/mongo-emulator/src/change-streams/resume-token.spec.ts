import {
  comparePositions,
  decodeToken,
  encodeToken,
  highWaterMark,
  type StreamPosition,
} from './resume-token';

function event(t: number, i: number, index = 0, invalidate = false): StreamPosition {
  return { t, i, event: true, index, invalidate };
}

describe('resume tokens', () => {
  it('round-trip a position through the token', () => {
    const position = event(1_700_000_000, 42, 3, true);

    expect(decodeToken(encodeToken(position), 'resumeAfter')).toEqual(position);
  });

  it('open with the cluster time as MongoDB tokens do', () => {
    expect(encodeToken(event(0x65000000, 7))._data).toMatch(/^826500000000000007/);
  });

  it('sort as their positions: time, mark before events, index, invalidate last', () => {
    const ordered = [
      highWaterMark(100, 1),
      event(100, 1, 0),
      event(100, 1, 0, true),
      event(100, 1, 1),
      highWaterMark(100, 2),
      event(101, 0),
    ];
    const tokens = ordered.map((position) => encodeToken(position)._data as string);

    expect([...tokens].sort()).toEqual(tokens);
    for (let index = 1; index < ordered.length; index++)
      expect(comparePositions(ordered[index - 1], ordered[index])).toBeLessThan(0);
  });

  it('refuses a token without _data and one this server did not issue', () => {
    expect(() => decodeToken({}, 'resumeAfter')).toThrow(expect.objectContaining({ code: 40647 }));
    expect(() =>
      decodeToken({ _data: '8264F1A8C7000000022B022C0100296E5A1004' }, 'startAfter'),
    ).toThrow(expect.objectContaining({ code: 260 }));
  });
});
