import { MongoCommandError } from '../errors';
import { isPlainObject, type Doc } from '../query/values';

/**
 * Where a change stream stands, as its resume tokens carry it. An event position is that of the
 * oplog entry it comes from (cluster time and index within it); the invalidate that follows an
 * entry stands just after the entry's own event. A high-water mark stands before every event of
 * its cluster time: everything older has been seen.
 */
export interface StreamPosition {
  /** Cluster time: seconds and increment. */
  t: number;
  i: number;
  event: boolean;
  index: number;
  invalidate: boolean;
}

export function highWaterMark(t: number, i: number): StreamPosition {
  return { t, i, event: false, index: 0, invalidate: false };
}

function order(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function comparePositions(a: StreamPosition, b: StreamPosition): number {
  return (
    order(a.t, b.t) ||
    order(a.i, b.i) ||
    order(Number(a.event), Number(b.event)) ||
    order(a.index, b.index) ||
    order(Number(a.invalidate), Number(b.invalidate))
  );
}

function hex(value: number, digits: number): string {
  return value.toString(16).toUpperCase().padStart(digits, '0');
}

/**
 * A resume token: `{ _data: <hex> }` that sorts as the positions do. It opens, as MongoDB's
 * do, with the type byte of a Timestamp (82) and the 8-byte cluster time, then the token type
 * (00 high-water mark, 80 event), the index within the cluster time and the invalidate flag.
 */
export function encodeToken(position: StreamPosition): Doc {
  return {
    _data:
      '82' +
      hex(position.t, 8) +
      hex(position.i, 8) +
      (position.event ? '80' : '00') +
      hex(position.index, 8) +
      (position.invalidate ? '01' : '00'),
  };
}

const TOKEN = /^82([0-9A-F]{8})([0-9A-F]{8})(00|80)([0-9A-F]{8})(00|01)$/i;

export function decodeToken(token: unknown, field: string): StreamPosition {
  const data = isPlainObject(token) ? token._data : undefined;
  if (typeof data !== 'string')
    throw new MongoCommandError(
      'BadResumeToken',
      `Bad resume token: _data of missing or of wrong type in '$changeStream.${field}'`,
    );
  const match = TOKEN.exec(data);
  if (!match)
    throw new MongoCommandError(
      'InvalidResumeToken',
      `The resume token in '$changeStream.${field}' was not issued by this server: ${data}`,
    );
  return {
    t: parseInt(match[1], 16),
    i: parseInt(match[2], 16),
    event: match[3] === '80',
    index: parseInt(match[4], 16),
    invalidate: match[5] === '01',
  };
}
