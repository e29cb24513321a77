import { deserialize, serialize, type Document } from 'bson';
import { MongoCommandError } from '../errors';
import { MAX_COMMAND_SIZE } from '../limits';
import { formatValue } from '../query/values';
import { OpCode, newRequestId, writeHeader } from './framing';

/** OP_MSG flag bits. */
export const MsgFlags = {
  checksumPresent: 1,
  moreToCome: 2,
  exhaustAllowed: 1 << 16,
} as const;

export interface ParsedMsg {
  flags: number;
  command: Document;
}

/** Options that keep numeric BSON types distinguishable after decoding. */
export const DECODE_OPTIONS = { promoteValues: false } as const;

/** Decodes one BSON object of a message, refusing it as MongoDB does beyond 16 MiB + 16 KiB. */
function readObject(bytes: Buffer): Document {
  const document = deserialize(bytes, DECODE_OPTIONS);
  if (bytes.length > MAX_COMMAND_SIZE) {
    const [first] = Object.entries(document);
    throw new MongoCommandError(
      'BSONObjectTooLarge',
      `BSONObj size: ${bytes.length} (0x${bytes.length.toString(16).toUpperCase()}) is invalid. Size must be between 0 and ${MAX_COMMAND_SIZE}(16MB) First element: ${first ? `${first[0]}: ${formatValue(first[1])}` : 'EOO'}`,
    );
  }
  return document;
}

/**
 * Parses an OP_MSG body: the kind-0 section is the command, every kind-1 section (document
 * sequence) becomes an array field of the command named by its identifier.
 */
export function parseOpMsg(body: Buffer): ParsedMsg {
  const flags = body.readUInt32LE(0);
  const end = flags & MsgFlags.checksumPresent ? body.length - 4 : body.length;
  let offset = 4;
  let command: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (offset < end) {
    const kind = body[offset];
    offset += 1;
    if (kind === 0) {
      const size = body.readInt32LE(offset);
      command = readObject(body.subarray(offset, offset + size));
      offset += size;
    } else if (kind === 1) {
      const size = body.readInt32LE(offset);
      const sectionEnd = offset + size;
      const nameEnd = body.indexOf(0, offset + 4);
      const identifier = body.toString('utf8', offset + 4, nameEnd);
      const documents: Document[] = [];
      let docOffset = nameEnd + 1;
      while (docOffset < sectionEnd) {
        const docSize = body.readInt32LE(docOffset);
        documents.push(readObject(body.subarray(docOffset, docOffset + docSize)));
        docOffset += docSize;
      }
      sequences.push([identifier, documents]);
      offset = sectionEnd;
    } else {
      throw new Error(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!command) throw new Error('OP_MSG without a body section');
  for (const [identifier, documents] of sequences) command[identifier] = documents;
  return { flags, command };
}

export interface EncodedMessage {
  requestId: number;
  bytes: Buffer;
}

export function encodeOpMsg(reply: Document, responseTo: number, flags = 0): EncodedMessage {
  const doc = serialize(reply, { ignoreUndefined: true });
  const flagsAndKind = Buffer.alloc(5);
  flagsAndKind.writeUInt32LE(flags, 0);
  const total = 16 + flagsAndKind.length + doc.length;
  const requestId = newRequestId();
  return {
    requestId,
    bytes: Buffer.concat([
      writeHeader(total, requestId, responseTo, OpCode.Msg),
      flagsAndKind,
      doc,
    ]),
  };
}
