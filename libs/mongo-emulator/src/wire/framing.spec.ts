import { MessageFramer, OpCode, writeHeader } from './framing';

function message(requestId: number, body: Buffer): Buffer {
  return Buffer.concat([writeHeader(16 + body.length, requestId, 0, OpCode.Msg), body]);
}

function chunks(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    out.push(bytes.subarray(offset, offset + size));
  return out;
}

describe(MessageFramer.name, () => {
  it('reassembles a message that arrives in many small chunks', () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 7);
    const framer = new MessageFramer();

    const received = chunks(message(1, body), 1000).flatMap((chunk) => framer.push(chunk));

    expect(received).toHaveLength(1);
    expect(received[0].header).toMatchObject({ requestId: 1, opCode: OpCode.Msg });
    expect(received[0].body.equals(body)).toBe(true);
  });

  it('cuts several messages out of one chunk and keeps the start of the next', () => {
    const first = message(1, Buffer.from('one'));
    const second = message(2, Buffer.from('two'));
    const third = message(3, Buffer.from('three'));
    const framer = new MessageFramer();

    const now = framer.push(Buffer.concat([first, second, third.subarray(0, 5)]));
    const later = framer.push(third.subarray(5));

    expect(now.map((m) => m.body.toString())).toEqual(['one', 'two']);
    expect(later.map((m) => [m.header.requestId, m.body.toString()])).toEqual([[3, 'three']]);
  });

  it('hands out messages that later bytes do not overwrite', () => {
    const framer = new MessageFramer();
    const [first] = framer.push(message(1, Buffer.from('first')));
    framer.push(message(2, Buffer.from('other')));

    expect(first.body.toString()).toBe('first');
  });

  it('refuses a length no MongoDB message can have', () => {
    const bytes = Buffer.alloc(16);
    bytes.writeInt32LE(100_000_000, 0);

    expect(() => new MessageFramer().push(bytes)).toThrow('invalid message length 100000000');
  });
});
