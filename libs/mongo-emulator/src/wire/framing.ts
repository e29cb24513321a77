import { MAX_MESSAGE_SIZE } from '../limits';

/** Splits a TCP byte stream into whole MongoDB wire messages (length-prefixed, little-endian). */
export const OpCode = {
  Reply: 1,
  Query: 2004,
  Compressed: 2012,
  Msg: 2013,
} as const;

export interface MessageHeader {
  messageLength: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export interface RawMessage {
  header: MessageHeader;
  body: Buffer;
}

export const HEADER_SIZE = 16;

export class MessageFramer {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Adds bytes read from the socket and returns every message they complete. */
  push(chunk: Buffer): RawMessage[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: RawMessage[] = [];
    while (this.buffered >= 4) {
      const data = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
      this.chunks = [data];
      const length = data.readInt32LE(0);
      if (length < HEADER_SIZE || length > MAX_MESSAGE_SIZE)
        throw new Error(`invalid message length ${length}`);
      if (data.length < length) break;
      messages.push({ header: readHeader(data), body: data.subarray(HEADER_SIZE, length) });
      const rest = data.subarray(length);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
    }
    return messages;
  }
}

function readHeader(data: Buffer): MessageHeader {
  return {
    messageLength: data.readInt32LE(0),
    requestId: data.readInt32LE(4),
    responseTo: data.readInt32LE(8),
    opCode: data.readInt32LE(12),
  };
}

export function writeHeader(
  totalLength: number,
  requestId: number,
  responseTo: number,
  opCode: number,
): Buffer {
  const header = Buffer.alloc(HEADER_SIZE);
  header.writeInt32LE(totalLength, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(opCode, 12);
  return header;
}

let nextRequestId = 1;

export function newRequestId(): number {
  nextRequestId = (nextRequestId + 1) & 0x7fffffff;
  return nextRequestId;
}
