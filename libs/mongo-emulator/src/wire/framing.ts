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

const INITIAL_CAPACITY = 64 * 1024;
/** A buffer grown past this for a large message is given back once that message is read. */
const SHRINK_ABOVE = 4 * 1024 * 1024;

/**
 * Collects socket bytes in one growable buffer (doubling when full, so a message of n bytes
 * arriving in chunks costs O(n)) and cuts it into whole messages, each copied out once.
 */
export class MessageFramer {
  private buffer = Buffer.allocUnsafe(INITIAL_CAPACITY);
  private start = 0;
  private end = 0;

  /** Adds bytes read from the socket and returns every message they complete. */
  push(chunk: Buffer): RawMessage[] {
    this.append(chunk);
    const messages: RawMessage[] = [];
    while (this.end - this.start >= 4) {
      const length = this.buffer.readInt32LE(this.start);
      if (length < HEADER_SIZE || length > MAX_MESSAGE_SIZE)
        throw new Error(`invalid message length ${length}`);
      if (this.end - this.start < length) break;
      const message = Buffer.from(this.buffer.subarray(this.start, this.start + length));
      messages.push({ header: readHeader(message), body: message.subarray(HEADER_SIZE) });
      this.start += length;
    }
    if (this.start === this.end) {
      this.start = this.end = 0;
      if (this.buffer.length > SHRINK_ABOVE) this.buffer = Buffer.allocUnsafe(INITIAL_CAPACITY);
    }
    return messages;
  }

  private append(chunk: Buffer): void {
    const pending = this.end - this.start;
    if (this.end + chunk.length > this.buffer.length) {
      const needed = pending + chunk.length;
      const target =
        needed > this.buffer.length
          ? Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2))
          : this.buffer;
      this.buffer.copy(target, 0, this.start, this.end);
      this.buffer = target;
      this.start = 0;
      this.end = pending;
    }
    chunk.copy(this.buffer, this.end);
    this.end += chunk.length;
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
