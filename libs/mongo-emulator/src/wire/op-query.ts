import { deserialize, serialize, type Document } from 'bson';
import { OpCode, newRequestId, writeHeader } from './framing';
import { DECODE_OPTIONS } from './op-msg';

export interface ParsedQuery {
  collection: string;
  query: Document;
}

/** Parses a legacy OP_QUERY (used only for the first handshake on `admin.$cmd`). */
export function parseOpQuery(body: Buffer): ParsedQuery {
  let offset = 4;
  const nameEnd = body.indexOf(0, offset);
  const collection = body.toString('utf8', offset, nameEnd);
  offset = nameEnd + 1 + 8;
  const size = body.readInt32LE(offset);
  let query = deserialize(body.subarray(offset, offset + size), DECODE_OPTIONS);
  if (query.$query && typeof query.$query === 'object') query = query.$query as Document;
  return { collection, query };
}

export function encodeOpReply(reply: Document, responseTo: number): Buffer {
  const doc = serialize(reply, { ignoreUndefined: true });
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(8, 0);
  fields.writeBigInt64LE(0n, 4);
  fields.writeInt32LE(0, 12);
  fields.writeInt32LE(1, 16);
  const total = 16 + fields.length + doc.length;
  return Buffer.concat([writeHeader(total, newRequestId(), responseTo, OpCode.Reply), fields, doc]);
}
